package org.digestkg.coauthorship;

/**
 * Two people who wrote together; {@code first} is the one whose name sorts first.
 *
 * @param weight fractional collaboration weight: the sum over their joint papers of {@code 1/(n-1)}
 */
public record AuthorPair(AuthorRef first, AuthorRef second, int jointPapers, double weight) {
}
