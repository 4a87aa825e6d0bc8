package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's digest as it listed its papers: sections in the order the digest gave them.
 *
 * @param previous the day before in the store, or null; {@code next} likewise
 */
public record DigestDay(DayRef day, List<Section> sections, DayRef previous, DayRef next) {

    public DigestDay {
        sections = List.copyOf(sections);
    }

    /** A section of the digest: a category and its entries in the digest's order. */
    public record Section(CategoryRef category, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** One entry as printed: its rank, the paper, the listing's title, first author and author count, TL;DR. */
    public record Entry(int rank, String paper, String arxivId, String title, String firstAuthor, int authors,
            Text tldr) {
    }

    /** A digest day: its IRI, date and the number of papers it listed. */
    public record DayRef(String iri, LocalDate date, int papers) {
    }
}
