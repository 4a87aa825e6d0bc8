package org.digestkg.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * New-style arXiv ids ({@code YYMM.NNNNN}) for new papers, numbered within the month of the digest. The
 * number jumps by a small random gap because a digest covers only a few of the ~25,000 monthly submissions;
 * this keeps ids increasing through a month and unique across the corpus.
 */
final class ArxivIdSequence {

    private static final int MAX_GAP = 7;
    private static final int LAST_NUMBER = 99_999;

    private int month = -1;
    private int number;

    String next(LocalDate day, SplittableRandom rng) {
        int yymm = (day.getYear() % 100) * 100 + day.getMonthValue();
        if (yymm != month) {
            month = yymm;
            number = 0;
        }
        number += 1 + rng.nextInt(MAX_GAP);
        if (number > LAST_NUMBER) {
            throw new IllegalStateException("more papers in " + yymm + " than five-digit arXiv numbers allow");
        }
        return String.format("%04d.%05d", yymm, number);
    }
}
