package org.digestkg.explorer.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.digestkg.storage.search.SearchRequest;
import org.digestkg.storage.search.SearchService;

/**
 * What rises and falls: papers per category per day ({@code papers-per-category}), and papers matching searches per
 * day or week (storage's {@link SearchService}, its counts per day).
 */
public final class TrendsService {

    private final StoreQueries queries;
    private final SearchService search;

    /** @param search null when the store has no text index: then {@link #terms} is not offered */
    TrendsService(StoreQueries queries, SearchService search) {
        this.queries = queries;
        this.search = search;
    }

    /**
     * For each search (Lucene syntax, as {@code kg search} takes it), the listings of matching papers per digest
     * day between {@code from} and {@code to} (inclusive; null for no bound), or per week (Monday to Sunday).
     *
     * @throws org.digestkg.storage.text.BadQueryException when a search cannot be read
     * @throws IllegalStateException                      when the store has no text index
     */
    public TermTrends terms(List<String> searches, LocalDate from, LocalDate to, boolean weekly) {
        if (search == null) {
            throw new IllegalStateException("this store has no search index");
        }
        TreeSet<LocalDate> axis = new TreeSet<>();
        for (LocalDate d : days(from, to)) {
            axis.add(weekly ? week(d) : d);
        }
        List<LocalDate> periods = new ArrayList<>(axis);
        Map<LocalDate, Integer> slot = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            slot.put(periods.get(i), i);
        }
        List<TermTrends.Series> series = new ArrayList<>();
        for (String q : searches) {
            long[] listings = new long[periods.size()];
            long total = 0;
            for (org.digestkg.storage.search.DayCount d : search.perDay(SearchRequest.of(q).since(from).until(to))) {
                Integer i = slot.get(weekly ? week(d.day()) : d.day());
                if (i != null) {
                    listings[i] += d.papers();
                    total += d.papers();
                }
            }
            series.add(new TermTrends.Series(q, listings, total));
        }
        return new TermTrends(periods, weekly, series);
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The digest days between {@code from} and {@code to}, oldest first. */
    private TreeSet<LocalDate> days(LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Row r : queries.selectKept("papers-per-category")) {
            LocalDate d = r.date("date");
            if (d != null && within(d, from, to)) {
                days.add(d);
            }
        }
        return days;
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
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
            if (d == null || c == null || !within(d, from, to)) {
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
