package org.digestkg.storage.search;

import java.time.LocalDate;

/** Papers listed on a day that match a search. */
public record DayCount(LocalDate day, long papers) {
}
