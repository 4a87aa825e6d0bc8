package org.digestkg.bench;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Draws the authors of new papers so that productivity is heavy-tailed, as in real bibliographies
 * (Lotka's law): a few authors on hundreds of papers, most on one.
 *
 * <p>Each author slot is either a newcomer (a fresh number, so the pool grows with the corpus) or someone
 * already in the pool, picked by a Zipf–Mandelbrot law over author numbers: weight (n + OFFSET)^-EXPONENT.
 * Low numbers are therefore the prolific authors. The offset flattens the very head so the top author
 * stays at a few hundred papers per half year rather than thousands. Nothing per author is stored except
 * one bit saying whether they were printed at least once, so a long corpus costs kilobytes here.
 *
 * <p>Tuned by simulation and measured: over 184 days (~29.5k new papers, ~170k author slots) this gives
 * ~80k distinct authors, about three in four of them with a single paper, and a top author with ~210.
 * The pool keeps growing, so 1,840 days give ~760k authors (and a top author with ~1,650).
 */
final class AuthorPool {

    /** Authors who exist before day one: the established part of the field. */
    static final int ESTABLISHED = 5_000;
    private static final double NEWCOMER = 0.45;
    private static final double EXPONENT = 1.1;
    private static final double OFFSET = 100.0;

    private final BitSet printed = new BitSet();
    private int size = ESTABLISHED;

    /** {@code count} distinct author numbers for one new paper, in byline order. */
    int[] draw(SplittableRandom rng, int count) {
        int[] authors = new int[count];
        int filled = 0;
        java.util.Set<Integer> seen = count > 32 ? new java.util.HashSet<>() : null;
        while (filled < count) {
            int author = rng.nextDouble() < NEWCOMER ? size++ : zipf(rng, size);
            if (seen != null ? seen.add(author) : !contains(authors, filled, author)) {
                authors[filled++] = author;
            }
        }
        for (int author : authors) {
            printed.set(author);
        }
        return authors;
    }

    /** Authors printed on at least one paper so far. */
    int distinctAuthors() {
        return printed.cardinality();
    }

    /** Inverse CDF of the continuous density (x + OFFSET)^-EXPONENT on [0, n), floored to an author number. */
    private static int zipf(SplittableRandom rng, int n) {
        double oneMinus = 1.0 - EXPONENT;
        double lo = Math.pow(OFFSET, oneMinus);
        double hi = Math.pow(n + OFFSET, oneMinus);
        double x = Math.pow(lo - rng.nextDouble() * (lo - hi), 1.0 / oneMinus) - OFFSET;
        return Math.min(n - 1, Math.max(0, (int) x));
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
