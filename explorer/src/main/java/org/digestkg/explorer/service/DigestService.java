package org.digestkg.explorer.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.NodeFactory;

/** Digest days: the list of days ({@code digests}) and one day's papers ({@code digest-papers}). */
public final class DigestService {

    /** The listings of a digest without category sections (some forks list the day's papers in one run). */
    private static final CategoryRef NO_SECTION = new CategoryRef(null, "Papers", null);

    private final StoreQueries queries;

    DigestService(StoreQueries queries) {
        this.queries = queries;
    }

    /** Every digest day in the store, newest first. */
    public List<DigestDay.DayRef> days() {
        return queries.kept("digests", () -> queries.select("digests", Map.of()).stream()
                .map(r -> new DigestDay.DayRef(r.iri("digest"), r.date("date"), r.integer("papers", 0)))
                .filter(d -> d.date() != null)
                .toList());
    }

    /** The digest with this IRI, or empty when the store has none. */
    public Optional<DigestDay> day(String iri) {
        return queries.read(() -> {
            List<DigestDay.DayRef> days = days();
            int at = -1;
            for (int i = 0; i < days.size(); i++) {
                if (days.get(i).iri().equals(iri)) {
                    at = i;
                }
            }
            if (at < 0) {
                return Optional.empty();
            }
            // a day's listings are kept until the store changes, as a category's are: the latest day's page is the
            // one most read (the home page links to it; a watched folder's new day is read there)
            List<DigestDay.Section> sections = queries.kept("digest " + iri, () -> sections(iri));
            // days are newest first: the next day is the one before in the list
            return Optional.of(new DigestDay(days.get(at), sections, at + 1 < days.size() ? days.get(at + 1) : null,
                    at > 0 ? days.get(at - 1) : null));
        });
    }

    /** The digest's listings by section, in the digest's order. */
    private List<DigestDay.Section> sections(String iri) {
        Map<String, CategoryRef> categories = new LinkedHashMap<>();
        Map<String, List<DigestDay.Entry>> entries = new LinkedHashMap<>();
        for (Row r : queries.select("digest-papers", Map.of("digest", NodeFactory.createURI(iri)))) {
            CategoryRef c = CategoryRef.of(r, "concept", "section", "sectionLabel");
            if (c == null) {
                c = NO_SECTION;
            }
            String key = c.code();
            categories.putIfAbsent(key, c);
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(new DigestDay.Entry(r.integer("rank", 0),
                    r.iri("paper"), r.text("arxivId"), r.text("title"), r.text("firstAuthor"),
                    r.integer("authors", 0), r.tagged("tldr")));
        }
        List<DigestDay.Section> sections = new ArrayList<>();
        categories.forEach((key, c) -> sections.add(new DigestDay.Section(c, entries.get(key))));
        return sections;
    }
}
