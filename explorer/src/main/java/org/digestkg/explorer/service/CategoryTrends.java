package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.List;

/**
 * Papers per category per day over a range of days: one series per category, aligned on {@code days}.
 *
 * @param series most listings first
 */
public record CategoryTrends(List<LocalDate> days, List<Series> series) {

    public CategoryTrends {
        days = List.copyOf(days);
        series = List.copyOf(series);
    }

    /** One category's papers on each of the days (0 when none). */
    public record Series(String category, int[] papers, int total) {
    }
}
