package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.List;

/**
 * Terms over time: for each search, the listings of papers matching it in each period (a digest day, or a week
 * of them), aligned on {@code periods}, so several searches compare on one chart.
 *
 * @param periods the days, or the Mondays starting the weeks, oldest first
 * @param weekly  whether a period is a week
 * @param series  one per search, in the order asked
 */
public record TermTrends(List<LocalDate> periods, boolean weekly, List<Series> series) {

    public TermTrends {
        periods = List.copyOf(periods);
        series = List.copyOf(series);
    }

    /** One search's listings per period (0 when none) and in all. */
    public record Series(String query, long[] listings, long total) {
    }
}
