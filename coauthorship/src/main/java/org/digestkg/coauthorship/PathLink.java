package org.digestkg.coauthorship;

/**
 * One step of a collaboration chain: two people and a paper they wrote together.
 *
 * @param paper       the joint paper shown for the step: the one with the fewest authors, as the closest
 *                    collaboration of the two (then the earliest listed)
 * @param jointPapers how many papers the two share in all
 */
public record PathLink(AuthorRef from, AuthorRef to, PaperRef paper, int jointPapers) {
}
