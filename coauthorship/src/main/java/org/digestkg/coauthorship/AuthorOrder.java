package org.digestkg.coauthorship;

/** How to rank authors. */
public enum AuthorOrder {
    /** Most papers first, then most co-authors, then name. */
    PAPERS,
    /** Most distinct co-authors first, then most papers, then name. */
    DEGREE,
    /** Highest weighted PageRank first, then most papers, then name. */
    CENTRALITY
}
