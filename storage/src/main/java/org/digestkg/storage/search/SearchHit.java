package org.digestkg.storage.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One paper found.
 *
 * @param rank     1 for the best hit, counted over all pages
 * @param paper    the paper's IRI
 * @param arxivId  its arXiv id, or null for a paper not on arXiv
 * @param title    the title of its latest listing
 * @param category its main category code, or null
 * @param days     the days it was listed, oldest first
 * @param score    relevance: the Lucene scores of the query's clauses for this paper, added up (see
 *                 {@code PaperMatcher}); comparable within one search only
 * @param snippet  the text that matched best, with the matches marked
 */
public record SearchHit(int rank, String paper, String arxivId, String title, String category, List<LocalDate> days,
        double score, Snippet snippet) {
}
