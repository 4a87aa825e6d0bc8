package org.digestkg.bench;

import java.util.SplittableRandom;

/**
 * How many authors each new paper has. Mostly 3–12 (mean ~5.6; the two real digests average 4.6 and
 * 6.3), some solo or pair papers and a short tail to 20; and now and then a large collaboration of 300–600
 * authors, which is what stresses co-author pair generation (one alone yields ~100,000 pairs).
 *
 * <p>Large collaborations are spaced by a counter rather than drawn independently: at one in ~4,600 new
 * papers a Poisson draw would put anywhere from 3 to 11 of them in half a year, moving the pair count by
 * ±40% from seed to seed. Spacing them keeps the benchmark's size steady: ~6 in 184 days, about half
 * of the ~1.2 million co-author pairs.
 */
final class Bylines {

    static final int LARGE_MIN = 300;
    static final int LARGE_MAX = 600;
    static final int LARGE_SPACING_MIN = 3_800;
    static final int LARGE_SPACING_MAX = 5_400;

    // relative frequency of 1, 2, 3, ... 20 authors
    private static final int[] WEIGHTS = {8, 20, 30, 34, 30, 24, 18, 12, 8, 6, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1};
    private static final int TOTAL = java.util.Arrays.stream(WEIGHTS).sum();

    private int untilLarge = -1;

    int authorCount(SplittableRandom rng) {
        if (untilLarge < 0) {
            // the first one comes anywhere in the first spacing, not always at the same paper
            untilLarge = rng.nextInt(LARGE_SPACING_MAX);
        }
        if (untilLarge-- == 0) {
            untilLarge = LARGE_SPACING_MIN + rng.nextInt(LARGE_SPACING_MAX - LARGE_SPACING_MIN + 1);
            return LARGE_MIN + rng.nextInt(LARGE_MAX - LARGE_MIN + 1);
        }
        int r = rng.nextInt(TOTAL);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return i + 1;
            }
        }
        throw new AssertionError("weights exhausted");
    }
}
