package org.digestkg.explorer.service;

import java.util.List;

/**
 * Everything the category page shows.
 *
 * @param papers   how many papers have it as main category
 * @param perDay   papers the digests listed under it, per day, oldest first
 * @param recent   the latest listings under it, newest first
 * @param prolific the authors with most papers of this main category
 */
public record CategoryDetails(CategoryRef category, int papers, List<DayCount> perDay, List<Listing> recent,
        List<AuthorSummary> prolific) {

    public CategoryDetails {
        perDay = List.copyOf(perDay);
        recent = List.copyOf(recent);
        prolific = List.copyOf(prolific);
    }
}
