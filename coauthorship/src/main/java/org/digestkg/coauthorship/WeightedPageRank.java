package org.digestkg.coauthorship;

import java.util.Arrays;

/**
 * PageRank on the fractional link weights, computed over the graph's own arrays.
 *
 * <p>The same iteration as JGraphT's {@code PageRank} on a weighted graph (damping 0.85, authors without
 * co-authors spread their score evenly, stop when no score moves by more than the tolerance), but JGraphT's
 * version looks every edge up in a hash map on every iteration, which takes seconds on a year of links; this
 * one is a few array passes.
 */
final class WeightedPageRank {

    static final double DAMPING = 0.85;
    static final int MAX_ITERATIONS = 200;
    static final double TOLERANCE = 1e-10;

    private WeightedPageRank() {
    }

    /** Scores summing to 1, indexed by author id. */
    static double[] scores(CoauthorGraph graph) {
        int n = graph.authorCount();
        double[] score = new double[n];
        if (n == 0) {
            return score;
        }
        double[] strength = new double[n];
        for (int a = 0; a < n; a++) {
            strength[a] = graph.strengthOf(a);
        }
        Arrays.fill(score, 1.0 / n);
        double[] share = new double[n];
        double[] next = new double[n];
        int links = graph.linkCount();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double teleport = 0;
            for (int a = 0; a < n; a++) {
                if (strength[a] > 0) {
                    teleport += (1 - DAMPING) * score[a];
                    share[a] = DAMPING * score[a] / strength[a];
                } else {
                    teleport += score[a]; // dangling: a solo author's score goes to everyone
                    share[a] = 0;
                }
            }
            teleport /= n;
            Arrays.fill(next, teleport);
            // one pass over the links, each feeding both ends: sequential reads, half the work of per-author lists
            for (int link = 0; link < links; link++) {
                int s = graph.linkSource(link);
                int t = graph.linkTarget(link);
                double w = graph.linkWeight(link);
                next[s] += share[t] * w;
                next[t] += share[s] * w;
            }
            double maxChange = 0;
            for (int a = 0; a < n; a++) {
                maxChange = Math.max(maxChange, Math.abs(next[a] - score[a]));
            }
            double[] swap = score;
            score = next;
            next = swap;
            if (maxChange < TOLERANCE) {
                break;
            }
        }
        return score;
    }
}
