package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What rises and falls: papers per category per day ({@code papers-per-category}). */
public final class TrendsService {

    private final StoreQueries queries;

    TrendsService(StoreQueries queries) {
        this.queries = queries;
    }

    /**
     * Papers per category per day between {@code from} and {@code to} (inclusive; null for no bound), for the
     * {@code top} categories with most listings in that range (the rest are summed as "other"; 0 for all).
     */
    public CategoryTrends categories(LocalDate from, LocalDate to, int top) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Map<LocalDate, Integer>> byCategory = new LinkedHashMap<>();
        for (Row r : queries.selectKept("papers-per-category")) {
            LocalDate d = r.date("date");
            String c = r.text("category");
            if (d == null || c == null || (from != null && d.isBefore(from)) || (to != null && d.isAfter(to))) {
                continue;
            }
            days.add(d);
            byCategory.computeIfAbsent(c, k -> new LinkedHashMap<>()).merge(d, r.integer("papers", 0), Integer::sum);
        }
        List<LocalDate> dayList = new ArrayList<>(days);
        List<CategoryTrends.Series> series = new ArrayList<>();
        byCategory.forEach((c, counts) -> {
            int[] values = new int[dayList.size()];
            int total = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = counts.getOrDefault(dayList.get(i), 0);
                total += values[i];
            }
            series.add(new CategoryTrends.Series(c, values, total));
        });
        series.sort(Comparator.comparingInt(CategoryTrends.Series::total).reversed()
                .thenComparing(CategoryTrends.Series::category));
        if (top > 0 && series.size() > top) {
            int[] other = new int[dayList.size()];
            int total = 0;
            for (CategoryTrends.Series s : series.subList(top, series.size())) {
                for (int i = 0; i < other.length; i++) {
                    other[i] += s.papers()[i];
                }
                total += s.total();
            }
            List<CategoryTrends.Series> kept = new ArrayList<>(series.subList(0, top));
            kept.add(new CategoryTrends.Series("other", other, total));
            return new CategoryTrends(dayList, kept);
        }
        return new CategoryTrends(dayList, series);
    }
}
