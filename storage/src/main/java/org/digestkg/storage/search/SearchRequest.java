package org.digestkg.storage.search;

import java.time.LocalDate;

/**
 * A search: the query in Lucene syntax, optional filters, and the page wanted.
 *
 * @param query    the search text ({@code diffusion}, {@code "扩散模型" AND video}, {@code title:agent*})
 * @param category keep papers whose main category is this code (any case, {@code cs.CV}); null for all
 * @param since    keep papers listed on this day or later; null for no lower bound
 * @param until    keep papers listed on this day or earlier; null for no upper bound
 * @param offset   hits to skip (paging)
 * @param limit    hits to return; {@link Integer#MAX_VALUE} for all of them
 */
public record SearchRequest(String query, String category, LocalDate since, LocalDate until, int offset, int limit) {

    /** Hits on a page unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 20;

    public SearchRequest {
        if (query == null || query.isBlank()) throw new IllegalArgumentException("the search text is empty");
        if (category != null && category.isBlank()) category = null;
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("the first day (" + since + ") is after the last (" + until + ")");
        }
        if (offset < 0) throw new IllegalArgumentException("the offset must not be negative");
        if (limit < 0) throw new IllegalArgumentException("the limit must not be negative");
    }

    /** The first {@link #DEFAULT_LIMIT} hits for {@code query}, unfiltered. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, 0, DEFAULT_LIMIT);
    }

    public SearchRequest category(String code) {
        return new SearchRequest(query, code, since, until, offset, limit);
    }

    public SearchRequest since(LocalDate day) {
        return new SearchRequest(query, category, day, until, offset, limit);
    }

    public SearchRequest until(LocalDate day) {
        return new SearchRequest(query, category, since, day, offset, limit);
    }

    public SearchRequest page(int offset, int limit) {
        return new SearchRequest(query, category, since, until, offset, limit);
    }

    /** Whether any filter is set. */
    public boolean filtered() {
        return category != null || since != null || until != null;
    }
}
