package org.digestkg.explorer.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Papers: the paper page's questions ({@code paper}, {@code paper-authors}, {@code paper-listings},
 * {@code paper-notes}, {@code related-papers} in {@code sparql/}).
 */
public final class PaperService {

    /** The five summary fields, in the digest's order, with the labels a page shows. */
    private static final Map<String, String> SUMMARY_FIELDS = summaryFields();

    private final StoreQueries queries;

    PaperService(StoreQueries queries) {
        this.queries = queries;
    }

    /** The paper with this IRI, or empty when the store has no such paper. */
    public Optional<PaperDetails> paper(String iri) {
        Map<String, Node> p = Map.of("paper", NodeFactory.createURI(iri));
        return queries.read(() -> {
            List<Row> rows = queries.select("paper", p);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Row r = rows.get(0);
            CategoryRef main = CategoryRef.of(r, "concept", "category", "categoryLabel");
            List<PaperDetails.AuthorLink> authors = queries.select("paper-authors", p).stream()
                    .map(a -> new PaperDetails.AuthorLink(a.integer("position", 0), a.iri("person"),
                            Objects.requireNonNullElse(a.text("name"), a.text("printedName")), a.text("printedName")))
                    .toList();
            List<PaperListing> listings = listings(p);
            List<CategoryRef> cross = new ArrayList<>();
            for (PaperListing l : listings) {
                CategoryRef s = l.section();
                if (s != null && (main == null || !s.iri().equals(main.iri()))
                        && cross.stream().noneMatch(c -> c.iri().equals(s.iri()))) {
                    cross.add(s);
                }
            }
            List<PaperDetails.RelatedPaper> related = queries.select("related-papers", p).stream()
                    .map(x -> new PaperDetails.RelatedPaper(x.iri("other"), x.text("arxivId"), x.text("title"),
                            x.integer("shared", 0), x.date("latest")))
                    .toList();
            return Optional.of(new PaperDetails(iri, r.text("arxivId"), r.text("title"), r.tagged("abstract"), main,
                    cross, r.iri("page"), r.text("comment"), r.text("keywords"), authors, listings, related));
        });
    }

    /** The IRI of the paper with this arXiv id (no version), or empty. */
    public Optional<String> iriOf(String arxivId) {
        return queries.select("paper-by-id", Map.of("arxivId", NodeFactory.createLiteralString(arxivId))).stream()
                .map(r -> r.iri("paper")).filter(Objects::nonNull).findFirst();
    }

    private List<PaperListing> listings(Map<String, Node> p) {
        Map<LocalDate, List<PaperListing.Note>> notes = new LinkedHashMap<>();
        for (Row n : queries.select("paper-notes", p)) {
            notes.computeIfAbsent(n.date("date"), d -> new ArrayList<>())
                    .add(new PaperListing.Note(n.text("label"), n.tagged("value")));
        }
        List<PaperListing> out = new ArrayList<>();
        for (Row l : queries.select("paper-listings", p)) {
            List<PaperListing.Field> fields = new ArrayList<>();
            SUMMARY_FIELDS.forEach((var, label) -> {
                Text t = l.tagged(var);
                if (t != null) {
                    fields.add(new PaperListing.Field(label, t));
                }
            });
            LocalDate date = l.date("date");
            out.add(new PaperListing(date, l.iri("digest"), l.integer("rank", 0),
                    CategoryRef.of(l, "concept", "section", "sectionLabel"), l.text("title"), l.tagged("translatedTitle"),
                    fields, l.tagged("abstractTranslation"), l.integer("version", 0),
                    notes.getOrDefault(date, List.of())));
        }
        return out;
    }

    private static Map<String, String> summaryFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tldr", "TL;DR");
        m.put("motivation", "Motivation");
        m.put("method", "Method");
        m.put("result", "Result");
        m.put("conclusion", "Conclusion");
        return m;
    }
}
