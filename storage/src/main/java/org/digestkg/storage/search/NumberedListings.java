package org.digestkg.storage.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.digestkg.storage.text.PaperNumbering;

/**
 * What counting a search's papers per day needs of each paper — its main category and the days it was listed — in
 * arrays by the text index's paper numbers. A term over time counts thousands of matches; looking each up in a map
 * by IRI was a third of the trends page's time (random reads of a map of every paper).
 */
final class NumberedListings {

    private final PaperNumbering numbering;
    private final String state;
    /** Every day a paper was listed on, ascending. */
    private final LocalDate[] days;
    /** By paper number: the indexes in {@link #days} of its listing days, ascending; empty when not listed. */
    private final int[][] daysOf;
    /** By paper number: its main category's code in lower case; null when it has none. */
    private final String[] categoryOf;

    private NumberedListings(PaperNumbering numbering, String state, LocalDate[] days, int[][] daysOf,
            String[] categoryOf) {
        this.numbering = numbering;
        this.state = state;
        this.days = days;
        this.daysOf = daysOf;
        this.categoryOf = categoryOf;
    }

    /** The listings of {@code numbering}'s papers, from {@code listings} (by IRI) read in store state {@code state}. */
    static NumberedListings of(PaperNumbering numbering, String state, Map<String, PaperListings.Listing> listings) {
        TreeSet<LocalDate> all = new TreeSet<>();
        listings.values().forEach(l -> all.addAll(l.days()));
        LocalDate[] days = all.toArray(LocalDate[]::new);
        int[][] daysOf = new int[numbering.count()][];
        String[] categoryOf = new String[numbering.count()];
        int[] none = {};
        for (int n = 0; n < daysOf.length; n++) {
            PaperListings.Listing l = listings.get(numbering.iri(n));
            daysOf[n] = l == null ? none : l.days().stream().mapToInt(d -> Arrays.binarySearch(days, d)).toArray();
            categoryOf[n] = l == null || l.category() == null ? null : l.category().toLowerCase(Locale.ROOT);
        }
        return new NumberedListings(numbering, state, days, daysOf, categoryOf);
    }

    /** Whether these are the listings of {@code numbering} in store state {@code state}. */
    boolean isFor(PaperNumbering numbering, String state) {
        return this.numbering == numbering && this.state.equals(state);
    }

    /**
     * For each day from {@code since} to {@code until} (inclusive; null for no bound), how many of {@code papers}
     * (numbers) in {@code category} (lower case; null for any) were listed that day. Days with none are left out.
     */
    List<DayCount> perDay(int[] papers, String category, LocalDate since, LocalDate until) {
        int from = since == null ? 0 : insertionPoint(since);
        int to = until == null ? days.length : insertionPoint(until.plusDays(1));
        long[] counts = new long[days.length];
        for (int p : papers) {
            if (category != null && !category.equals(categoryOf[p])) continue;
            for (int d : daysOf[p]) {
                if (d >= from && d < to) counts[d]++;
            }
        }
        List<DayCount> out = new ArrayList<>();
        for (int d = from; d < to; d++) {
            if (counts[d] > 0) out.add(new DayCount(days[d], counts[d]));
        }
        return out;
    }

    /** The index of the first day on or after {@code day}. */
    private int insertionPoint(LocalDate day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 1;
    }
}
