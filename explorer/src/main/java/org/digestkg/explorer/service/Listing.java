package org.digestkg.explorer.service;

import java.time.LocalDate;

/**
 * A paper as one digest listed it: the lines of a category's recent papers and of the Atom feeds.
 *
 * @param appearance the listing's IRI (the Atom entry's id)
 * @param tldr       that day's TL;DR, or null
 */
public record Listing(LocalDate date, String appearance, String paper, String arxivId, String title, Text tldr) {

    static Listing of(Row r) {
        return new Listing(r.date("date"), r.iri("appearance"), r.iri("paper"), r.text("arxivId"), r.text("title"),
                r.tagged("tldr"));
    }
}
