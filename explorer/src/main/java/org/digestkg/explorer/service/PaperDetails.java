package org.digestkg.explorer.service;

import java.util.List;

/**
 * Everything the paper page shows: the paper as its latest listing describes it, its authors in order, every day
 * it was listed (newest first) with that day's texts, and papers by the same authors.
 *
 * @param arxivId     null for a paper known only by its URL
 * @param page        the page the digest linked
 * @param crossListed the other categories digests listed it under
 */
public record PaperDetails(String iri, String arxivId, String title, Text abstractText, CategoryRef mainCategory,
        List<CategoryRef> crossListed, String page, String comment, String keywords, List<AuthorLink> authors,
        List<PaperListing> listings, List<RelatedPaper> related) {

    public PaperDetails {
        crossListed = List.copyOf(crossListed);
        authors = List.copyOf(authors);
        listings = List.copyOf(listings);
        related = List.copyOf(related);
    }

    /** arXiv's PDF, or null for a paper that is not on arXiv. */
    public String pdfUrl() {
        return arxivId == null ? null : "https://arxiv.org/pdf/" + arxivId;
    }

    /** arXiv's abstract page: the linked page, or the one the id names. */
    public String arxivUrl() {
        return arxivId == null ? null : page != null && page.startsWith("https://arxiv.org/") ? page
                : "https://arxiv.org/abs/" + arxivId;
    }

    /** The DOI arXiv registers for every paper (DataCite, prefix 10.48550), as a link; null when not on arXiv. */
    public String doiUrl() {
        return arxivId == null ? null : "https://doi.org/10.48550/arXiv." + arxivId;
    }

    /** One author of a paper, at a position. */
    public record AuthorLink(int position, String iri, String name, String printedName) {
    }

    /** Another paper sharing authors with this one. */
    public record RelatedPaper(String iri, String arxivId, String title, int sharedAuthors, java.time.LocalDate latest) {
    }
}
