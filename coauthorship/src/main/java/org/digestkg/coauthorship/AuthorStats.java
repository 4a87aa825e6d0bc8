package org.digestkg.coauthorship;

/**
 * How central one author is in the network.
 *
 * @param papers     papers in the network
 * @param degree     distinct co-authors (inflated by hyper-authored papers: one 400-author paper gives 399)
 * @param strength   sum of fractional link weights, i.e. the number of papers with co-authors; not inflated
 * @param centrality weighted PageRank on the fractional weights, scaled so the average author scores 1
 */
public record AuthorStats(AuthorRef author, int papers, int degree, double strength, double centrality) {
}
