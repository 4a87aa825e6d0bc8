package org.digestkg.coauthorship;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One paper of the network, with what a reader needs to recognise it.
 *
 * @param arxivId     the arXiv id, or the IRI's last segment for papers not on arXiv
 * @param category    main category code (e.g. {@code cs.CV}); {@code null} if the digest gave none
 * @param firstListed the earliest digest the paper appeared in; {@code null} if it has no appearance
 * @param authorCount how many authors the paper has; the fractional weights depend on it
 */
public record PaperRef(String iri, String arxivId, String title, String category, LocalDate firstListed,
        int authorCount) {

    public PaperRef {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(arxivId, "arxivId");
        Objects.requireNonNull(title, "title");
    }

    @Override
    public String toString() {
        return arxivId + " " + title;
    }
}
