package org.digestkg.network;

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

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DKG;

/**
 * Reads papers and their authors from the store with one streaming SELECT inside a read transaction.
 *
 * <p>One row per (paper, author, appearance): the paper's own fields ride along on every row, which costs far
 * less than a second query per paper. The earliest appearance date is taken in Java (a {@code MIN} would make
 * the query group and stop streaming), and rows are de-duplicated here too, since the union of several
 * digests can repeat a paper's triples.
 */
final class CoauthorGraphLoader {

    private CoauthorGraphLoader() {
    }

    static final String QUERY = """
            PREFIX dkg:     <%s>
            PREFIX dcterms: <%s>
            PREFIX foaf:    <%s>
            PREFIX skos:    <%s>

            SELECT ?paper ?id ?title ?category ?date ?author ?name
            WHERE {
              ?paper a dkg:Paper .
              OPTIONAL { ?paper dkg:arxivId ?id }
              OPTIONAL { ?paper dcterms:title ?title }
              OPTIONAL { ?paper dkg:mainCategory ?cat .
                         OPTIONAL { ?cat skos:notation ?category } }
              OPTIONAL { ?appearance dkg:paper ?paper ;
                                     dcterms:date ?date }
              ?paper dcterms:creator ?author .
              OPTIONAL { ?author foaf:name ?name }
            }
            """.formatted(DKG.NS, DKG.DCTERMS, DKG.FOAF, DKG.SKOS);

    private static final Var PAPER = Var.alloc("paper");
    private static final Var ID = Var.alloc("id");
    private static final Var TITLE = Var.alloc("title");
    private static final Var CATEGORY = Var.alloc("category");
    private static final Var CAT = Var.alloc("cat");
    private static final Var DATE = Var.alloc("date");
    private static final Var AUTHOR = Var.alloc("author");
    private static final Var NAME = Var.alloc("name");

    static CoauthorGraph load(DatasetGraph dsg, PaperFilter filter) {
        Rows rows = Txn.calculateRead(dsg, () -> {
            Rows r = new Rows();
            try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY).build()) {
                RowSet rowSet = exec.select();
                while (rowSet.hasNext()) {
                    r.add(rowSet.next());
                }
            }
            return r;
        });
        return rows.build(filter);
    }

    /** Everything read from the store, interned by IRI. */
    private static final class Rows {
        private final Map<String, Integer> authorIndex = new HashMap<>();
        private final List<String> authorIris = new ArrayList<>();
        private final List<String> authorNames = new ArrayList<>();
        private final Map<String, PaperRow> papers = new HashMap<>();

        void add(Binding row) {
            String paperIri = row.get(PAPER).getURI();
            PaperRow paper = papers.computeIfAbsent(paperIri, PaperRow::new);
            paper.arxivId = firstNonNull(paper.arxivId, lexical(row.get(ID)));
            paper.title = firstNonNull(paper.title, lexical(row.get(TITLE)));
            paper.category = firstNonNull(paper.category, category(row));
            paper.seenOn(date(row.get(DATE)));

            Node author = row.get(AUTHOR);
            String authorKey = author.isURI() ? author.getURI() : author.toString();
            Integer id = authorIndex.get(authorKey);
            if (id == null) {
                id = authorIris.size();
                authorIndex.put(authorKey, id);
                authorIris.add(authorKey);
                authorNames.add(null);
            }
            if (authorNames.get(id) == null) {
                authorNames.set(id, lexical(row.get(NAME)));
            }
            paper.addAuthor(id);
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
