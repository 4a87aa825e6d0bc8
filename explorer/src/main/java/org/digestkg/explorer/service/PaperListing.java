package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.List;

/**
 * One day a paper was listed, with what that day's digest said about it.
 *
 * @param earlierTitle    the title that listing printed, when it is an older listing (else null: the paper's)
 * @param summaries       the summary fields present, in the digest's order (TL;DR, Motivation, Method, ...)
 * @param version         the arXiv version linked that day, or 0
 */
public record PaperListing(LocalDate date, String digest, int rank, CategoryRef section, String earlierTitle,
        Text translatedTitle, List<Field> summaries, Text abstractTranslation, int version, List<Note> notes) {

    public PaperListing {
        summaries = List.copyOf(summaries);
        notes = List.copyOf(notes);
    }

    /** A summary field: its label as the page shows it, and its text. */
    public record Field(String label, Text text) {
    }

    /** A note: a field beyond the five summaries, with its label as printed. */
    public record Note(String label, Text text) {
    }
}
