package org.digestkg.bench;

/**
 * One appearance of a paper in one digest.
 *
 * @param paper     the paper
 * @param title     the title printed this time (a revision may carry a new one)
 * @param relisted  true when the paper was listed on an earlier day (a cross-list or a revision)
 */
record Listing(Paper paper, Title title, boolean relisted) {
}
