package org.digestkg.explorer.service;

import java.time.LocalDate;

/** A day with a count of papers. */
public record DayCount(LocalDate date, int papers) {
}
