package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.List;

import org.digestkg.coauthorship.AuthorRef;

/**
 * Everything the author page shows.
 *
 * @param papers     the author's papers, the most recently first listed first
 * @param coauthors  every co-author, most joint papers first
 * @param categories the main categories of their papers, most papers first
 */
public record AuthorProfile(AuthorRef author, List<AuthorPaper> papers, List<CoauthorCount> coauthors,
        List<CategoryCount> categories) {

    public AuthorProfile {
        papers = List.copyOf(papers);
        coauthors = List.copyOf(coauthors);
        categories = List.copyOf(categories);
    }

    /** One of the author's papers, with the first day it was listed and how many authors it has. */
    public record AuthorPaper(String iri, String arxivId, String title, String category, LocalDate first,
            int authors) {
    }
}
