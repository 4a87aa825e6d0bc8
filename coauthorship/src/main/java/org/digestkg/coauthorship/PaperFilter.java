package org.digestkg.coauthorship;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which papers make up the network. Applied while the network loads, so everything computed afterwards
 * (co-authors, pairs, centrality, exports) sees only the kept papers.
 *
 * @param category   keep only papers whose main category has this code (case-insensitive); {@code null} = any
 * @param since      keep only papers first listed on or after this day; {@code null} = any day
 * @param maxAuthors leave out papers with more authors than this; {@code 0} = no limit
 */
public record PaperFilter(String category, LocalDate since, int maxAuthors) {

    public static final PaperFilter ALL = new PaperFilter(null, null, 0);

    public PaperFilter {
        if (category != null && category.isBlank()) {
            category = null;
        }
        if (category != null) {
            category = category.strip();
        }
        if (maxAuthors < 0) {
            throw new IllegalArgumentException("maxAuthors must be 0 (no limit) or positive: " + maxAuthors);
        }
    }

    public PaperFilter withCategory(String code) {
        return new PaperFilter(code, since, maxAuthors);
    }

    public PaperFilter withSince(LocalDate day) {
        return new PaperFilter(category, day, maxAuthors);
    }

    public PaperFilter withMaxAuthors(int max) {
        return new PaperFilter(category, since, max);
    }

    boolean accepts(PaperRef paper) {
        if (category != null && (paper.category() == null || !category.equalsIgnoreCase(paper.category()))) {
            return false;
        }
        if (since != null && (paper.firstListed() == null || paper.firstListed().isBefore(since))) {
            return false;
        }
        return maxAuthors == 0 || paper.authorCount() <= maxAuthors;
    }

    /** A short human description, e.g. {@code category cs.CV, since 2026-02-01}; empty for {@link #ALL}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (category != null) {
            parts.add("category " + category);
        }
        if (since != null) {
            parts.add("since " + since);
        }
        if (maxAuthors > 0) {
            parts.add("papers with at most " + maxAuthors + " authors");
        }
        return String.join(", ", parts);
    }
}
