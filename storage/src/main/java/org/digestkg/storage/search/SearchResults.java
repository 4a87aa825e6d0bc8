package org.digestkg.storage.search;

import java.util.List;

/**
 * What a search found.
 *
 * @param request the search
 * @param total   papers matching, over all pages
 * @param hits    the requested page, best first
 * @param millis  time the search took
 */
public record SearchResults(SearchRequest request, long total, List<SearchHit> hits, long millis) {
}
