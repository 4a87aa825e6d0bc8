package org.digestkg.coauthorship;

/** How to rank co-author pairs. */
public enum PairOrder {
    /** Most joint papers first; the fractional weight breaks ties, so hyper-authored pairs sink among equals. */
    PAPERS,
    /** Highest fractional weight first (joint papers break ties): small-team collaboration counts most. */
    WEIGHT
}
