package org.digestkg.extractor.rdf;

import java.time.LocalDate;

import org.apache.jena.graph.Node;

/**
 * Tells the mapper whether the listing of {@code paper} on {@code day} is the paper's latest one. A paper listed on
 * several days keeps the title, authors, main category and abstract of its latest listing; older listings keep
 * theirs on their appearance ({@link RdfMapper#LISTING_FACTS}). The store answers this from what it already holds, and
 * keeps the rule true as digests come and go.
 */
@FunctionalInterface
public interface ListingPolicy {

    boolean isLatest(Node paper, LocalDate day);

    /** For a digest mapped on its own, or when the caller knows every listing is the newest one. */
    ListingPolicy ALWAYS_LATEST = (paper, day) -> true;
}
