package org.digestkg.coauthorship;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.FOAF;
import org.digestkg.extractor.rdf.SKOS;

/**
 * Reads papers and their authors from the store inside one read transaction, with a few streaming SELECTs of
 * one or two triple patterns each: the papers, their creators, the authors' names, then the papers' ids, titles,
 * categories and listing days.
 *
 * <p>One query joining all of it would look up an author's name once per paper, listing and author (about a
 * million look-ups for a year of digests); separate scans read each fact once, and the joins happen in hash
 * maps here. The earliest listing day is taken in Java too, and repeats are dropped, since the union of
 * several digests can repeat a paper's triples.
 */
final class CoauthorGraphLoader {

    private CoauthorGraphLoader() {
    }

    private static final String PREFIXES = """
            PREFIX dkg:     <%s>
            PREFIX dcterms: <%s>
            PREFIX foaf:    <%s>
            PREFIX skos:    <%s>
            """.formatted(DKG.NS, DCTERMS.NS, FOAF.NS, SKOS.NS);

    private static final Var PAPER = Var.alloc("paper");
    private static final Var VALUE = Var.alloc("value");
    private static final Var CATEGORY = Var.alloc("category");
    private static final Var CAT = Var.alloc("cat");
    private static final Var AUTHOR = Var.alloc("author");

    /** @param context settings for the loader's queries over the dataset's own, or null */
    static CoauthorGraph load(DatasetGraph dsg, PaperFilter filter, Context context) {
        Rows rows = Txn.calculateRead(dsg, () -> {
            Rows r = new Rows();
            scan(dsg, context, "SELECT ?paper { ?paper a dkg:Paper }", r::paper);
            scan(dsg, context, "SELECT ?paper ?author { ?paper dcterms:creator ?author }", r::creator);
            scan(dsg, context, "SELECT ?author ?value { ?author foaf:name ?value }", r::name);
            scan(dsg, context, "SELECT ?paper ?value { ?paper dkg:arxivId ?value }", r,
                    (b, p) -> p.arxivId = firstNonNull(p.arxivId, lexical(b.get(VALUE))));
            scan(dsg, context, "SELECT ?paper ?value { ?paper dcterms:title ?value }", r,
                    (b, p) -> p.title = firstNonNull(p.title, lexical(b.get(VALUE))));
            scan(dsg, context, "SELECT ?paper ?cat ?category { ?paper dkg:mainCategory ?cat "
                    + "OPTIONAL { ?cat skos:notation ?category } }", r,
                    (b, p) -> p.category = firstNonNull(p.category, Rows.category(b)));
            scan(dsg, context, "SELECT ?paper ?value { ?appearance dkg:paper ?paper ; dcterms:date ?value }",
                    r, (b, p) -> p.seenOn(date(b.get(VALUE))));
            return r;
        });
        return rows.build(filter);
    }

    /** Streams one SELECT's rows into {@code row}. */
    private static void scan(DatasetGraph dsg, Context context, String select, Consumer<Binding> row) {
        QueryExecBuilder builder = QueryExec.dataset(dsg).query(PREFIXES + select);
        if (context != null) {
            builder.context(context);
        }
        try (QueryExec exec = builder.build()) {
            exec.select().forEachRemaining(row);
        }
    }

    /** Streams a SELECT of {@code ?paper} and facts into {@code fact}, for the papers already read. */
    private static void scan(DatasetGraph dsg, Context context, String select, Rows rows,
            BiConsumer<Binding, PaperRow> fact) {
        scan(dsg, context, select, b -> {
            PaperRow paper = rows.papers.get(key(b.get(PAPER)));
            if (paper != null) {
                fact.accept(b, paper);
            }
        });
    }

    /** Everything read from the store, interned by IRI. */
    private static final class Rows {
        private final Map<String, Integer> authorIndex = new HashMap<>();
        private final List<String> authorIris = new ArrayList<>();
        private final List<String> authorNames = new ArrayList<>();
        private final Map<String, PaperRow> papers = new HashMap<>();

        void paper(Binding row) {
            papers.computeIfAbsent(key(row.get(PAPER)), PaperRow::new);
        }

        void creator(Binding row) {
            PaperRow paper = papers.get(key(row.get(PAPER)));
            if (paper == null) {
                return; // a creator of something that is not a dkg:Paper
            }
            String author = key(row.get(AUTHOR));
            Integer id = authorIndex.get(author);
            if (id == null) {
                id = authorIris.size();
                authorIndex.put(author, id);
                authorIris.add(author);
                authorNames.add(null);
            }
            paper.addAuthor(id);
        }

        void name(Binding row) {
            Integer id = authorIndex.get(key(row.get(AUTHOR)));
            if (id != null && authorNames.get(id) == null) {
                authorNames.set(id, lexical(row.get(VALUE)));
            }
        }

        CoauthorGraph build(PaperFilter filter) {
            List<PaperRow> kept = new ArrayList<>();
            for (PaperRow row : papers.values()) {
                row.finish();
                if (filter.accepts(row.toRef())) {
                    kept.add(row);
                }
            }
            kept.sort(Comparator.comparing(r -> r.iri));

            // only authors of kept papers are nodes; ids in name order make every listing deterministic
            boolean[] used = new boolean[authorIris.size()];
            for (PaperRow row : kept) {
                for (int i = 0; i < row.authorCount; i++) {
                    used[row.authors[i]] = true;
                }
            }
            List<AuthorRef> refs = new ArrayList<>();
            List<Integer> rawIds = new ArrayList<>();
            for (int raw = 0; raw < used.length; raw++) {
                if (used[raw]) {
                    String iri = authorIris.get(raw);
                    String name = authorNames.get(raw) != null ? authorNames.get(raw) : nameFromIri(iri);
                    refs.add(new AuthorRef(iri, name));
                    rawIds.add(raw);
                }
            }
            Integer[] order = new Integer[refs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Comparator<AuthorRef> byName = Comparator.comparing(AuthorRef::name).thenComparing(AuthorRef::iri);
            Arrays.sort(order, (x, y) -> byName.compare(refs.get(x), refs.get(y)));
            AuthorRef[] authors = new AuthorRef[order.length];
            int[] newId = new int[authorIris.size()];
            for (int i = 0; i < order.length; i++) {
                authors[i] = refs.get(order[i]);
                newId[rawIds.get(order[i])] = i;
            }

            PaperRef[] paperRefs = new PaperRef[kept.size()];
            int[][] authorsByPaper = new int[kept.size()][];
            for (int p = 0; p < kept.size(); p++) {
                PaperRow row = kept.get(p);
                paperRefs[p] = row.toRef();
                int[] ids = new int[row.authorCount];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = newId[row.authors[i]];
                }
                Arrays.sort(ids);
                authorsByPaper[p] = ids;
            }
            return CoauthorGraph.of(authors, paperRefs, authorsByPaper);
        }

        private static String category(Binding row) {
            Node code = row.get(CATEGORY);
            if (code != null) {
                return lexical(code);
            }
            Node concept = row.get(CAT);
            if (concept != null && concept.isURI()) {
                return lastSegment(concept.getURI());
            }
            return null;
        }
    }

    /** A paper being read: its fields and its author ids, which arrive one row at a time. */
    private static final class PaperRow {
        final String iri;
        String arxivId;
        String title;
        String category;
        LocalDate firstListed;
        int[] authors = new int[4];
        int authorCount;

        PaperRow(String iri) {
            this.iri = iri;
        }

        void seenOn(LocalDate day) {
            if (day != null && (firstListed == null || day.isBefore(firstListed))) {
                firstListed = day;
            }
        }

        void addAuthor(int id) {
            if (authorCount == authors.length) {
                authors = Arrays.copyOf(authors, authorCount * 2);
            }
            authors[authorCount++] = id;
        }

        /** Drops the repeats that several appearances (or several digests) of the paper produce. */
        void finish() {
            Arrays.sort(authors, 0, authorCount);
            int n = 0;
            for (int i = 0; i < authorCount; i++) {
                if (n == 0 || authors[n - 1] != authors[i]) {
                    authors[n++] = authors[i];
                }
            }
            authorCount = n;
        }

        PaperRef toRef() {
            String id = arxivId != null ? arxivId : lastSegment(iri);
            return new PaperRef(iri, id, title != null ? title : "", category, firstListed, authorCount);
        }
    }

    private static String key(Node node) {
        return node.isURI() ? node.getURI() : node.toString();
    }

    private static <T> T firstNonNull(T current, T candidate) {
        return current != null ? current : candidate;
    }

    private static String lexical(Node node) {
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static LocalDate date(Node node) {
        if (node == null || !node.isLiteral()) {
            return null;
        }
        String lexical = node.getLiteralLexicalForm();
        try {
            // xsd:date may carry a timezone ("2026-02-04Z"); the day is what matters here
            return LocalDate.parse(lexical.length() > 10 ? lexical.substring(0, 10) : lexical);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String lastSegment(String iri) {
        return decode(iri.substring(iri.lastIndexOf('/') + 1));
    }

    /** An author without foaf:name: recover a readable name from the IRI (minted as the name, {@code _} for spaces). */
    private static String nameFromIri(String iri) {
        return lastSegment(iri).replace('_', ' ');
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
