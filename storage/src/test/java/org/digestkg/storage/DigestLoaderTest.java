package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestLoaderTest {

    @TempDir
    Path tmp;

    private static final Node WORLDVQA = NodeFactory.createURI(DKG.BASE + "paper/2602.02537");

    @Test
    void loadsBothSamplesIntoTheirOwnGraphs() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            LoadResult a = loader.load(Samples.feb04(), null);
            LoadResult b = loader.load(Samples.feb23(), null);
            assertEquals(LoadResult.Status.LOADED, a.status(), String.valueOf(a.error()));
            assertEquals(147, a.papers());
            assertEquals(128, b.papers());
            assertEquals(LocalDate.of(2026, 2, 4), a.date());
            assertTrue(a.triples() > 147 * 20, "a digest graph holds the papers' triples");
            Txn.executeRead(store.datasetGraph(), () -> {
                assertTrue(store.datasetGraph().containsGraph(Iris.digest(LocalDate.of(2026, 2, 4))));
                assertTrue(store.datasetGraph().containsGraph(Iris.digest(LocalDate.of(2026, 2, 23))));
                assertEquals(275, count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <" + DKG.Paper.getURI() + "> }"));
                assertEquals(a.triples(), store.datasetGraph().getGraph(Iris.digest(a.date())).size(), "the count is what is stored");
                assertEquals(b.triples(), store.datasetGraph().getGraph(Iris.digest(b.date())).size());
            });
        }
    }

    @Test
    void reloadingTheSameDigestChangesNothing() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(Samples.feb04(), null);
            DatasetGraph before = snapshot(store);
            LoadResult again = loader.load(Samples.feb04(), null);
            assertEquals(LoadResult.Status.UNCHANGED, again.status());
            assertTrue(IsoMatcher.isomorphic(before, snapshot(store)));
        }
    }

    @Test
    void reloadingAChangedDigestReplacesItsGraph() {
        Path day = Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(day, null);
            // the same day, now with only the first two entries and a retitled first paper
            List<String> two = Samples.firstEntries(2, e -> e.replace("[WorldVQA:", "[WorldVQA 2:"));
            Samples.write(tmp, "2026-03-01", two);
            LoadResult r = loader.load(day, null);
            assertEquals(LoadResult.Status.LOADED, r.status());
            assertEquals(2, r.papers());
            Txn.executeRead(store.datasetGraph(), () -> {
                assertEquals(2, count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <" + DKG.Paper.getURI() + "> }"));
                assertEquals(Set.of("WorldVQA 2: Measuring Atomic World Knowledge in Multimodal Large Language Models"),
                        titles(store, WORLDVQA));
                assertEquals(r.triples(), store.datasetGraph().getGraph(Iris.digest(r.date())).size(), "counted as stored");
            });
        }
    }

    @Test
    void aPaperListedAgainIsOnePaperWhoseLatestListingWins() {
        Path dir = tmp.resolve("digests");
        dir.toFile().mkdirs();
        Path early = Samples.write(dir, "2026-03-01", Samples.firstEntries(3, e -> e));
        Path late = Samples.write(dir, "2026-03-05",
                Samples.firstEntries(1, e -> e.replace("[WorldVQA:", "[WorldVQA (revised):")
                        .replace("*Runjie Zhou,", "*Runjie Zhou,New Coauthor,")));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(early, null);
            loader.load(late, null);
            Txn.executeRead(store.datasetGraph(), () -> {
                assertEquals(Set.of("WorldVQA (revised): Measuring Atomic World Knowledge in Multimodal Large Language Models"),
                        titles(store, WORLDVQA), "the union sees only the latest title");
                assertEquals(2, count(store, "SELECT (COUNT(?a) AS ?n) { ?a <" + DKG.paper.getURI() + "> <" + WORLDVQA.getURI() + "> }"));
                assertEquals(20, count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { <" + WORLDVQA.getURI() + "> <" + DCTERMS.creator.getURI() + "> ?c }"));
                // the earlier version stays traceable through its digest
                Node earlyAppearance = Iris.appearance(LocalDate.of(2026, 3, 1), WORLDVQA);
                assertTrue(store.datasetGraph().contains(Iris.digest(LocalDate.of(2026, 3, 1)), earlyAppearance, DCTERMS.title,
                        NodeFactory.createLiteralString("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models")));
            });
            DatasetGraph inOrder = snapshot(store);

            // removing the later digest brings the earlier listing back as the latest
            assertTrue(loader.remove(LocalDate.of(2026, 3, 5)));
            Txn.executeRead(store.datasetGraph(), () -> {
                assertEquals(Set.of("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models"),
                        titles(store, WORLDVQA));
                assertEquals(19, count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { <" + WORLDVQA.getURI() + "> <" + DCTERMS.creator.getURI() + "> ?c }"));
            });

            // loading the later digest back gives exactly the graph loading in date order gave
            loader.load(late, null);
            assertTrue(IsoMatcher.isomorphic(inOrder, snapshot(store)));
        }
    }

    @Test
    void loadingOutOfOrderGivesTheSameGraphAsInOrder() {
        Path early = Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e));
        Path late = Samples.write(tmp, "2026-03-05", Samples.firstEntries(2, e -> e.replace("[WorldVQA:", "[WorldVQA v2:")));
        DatasetGraph inOrder;
        try (GraphStore store = GraphStore.open(tmp.resolve("a"))) {
            new DigestLoader(store).load(early, null);
            new DigestLoader(store).load(late, null);
            inOrder = snapshot(store);
        }
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            new DigestLoader(store).load(late, null);
            new DigestLoader(store).load(early, null);
            assertTrue(IsoMatcher.isomorphic(inOrder, snapshot(store)));
        }
    }

    @Test
    void aDigestThatFailsLeavesItsPreviousGraphUntouched() {
        Path day = Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(day, null);
            DatasetGraph before = snapshot(store);
            // a new version whose table of contents claims a wrong count: a warning, which --strict rejects
            // only after the transaction has already written the good entries
            List<String> entries = new ArrayList<>(Samples.firstEntries(3, e -> e.replace("[WorldVQA:", "[Changed:")));
            String text = Samples.read(Samples.write(tmp, "2026-03-01", entries)).replace("[Total: 3]", "[Total: 9]");
            write(day, text);
            LoadResult r = loader.strict(true).load(day, null);
            assertEquals(LoadResult.Status.FAILED, r.status());
            assertNotNull(r.error());
            assertTrue(r.error().contains("2026-03-01.md"), r.error());
            assertTrue(IsoMatcher.isomorphic(before, snapshot(store)), "the aborted load left no trace");
        }
    }

    @Test
    void aFileWithoutADateFailsWithAMessageNamingIt() {
        Path noDate = tmp.resolve("digest.md");
        write(noDate, Samples.read(Samples.feb04()));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            LoadResult r = new DigestLoader(store).load(noDate, null);
            assertEquals(LoadResult.Status.FAILED, r.status());
            assertTrue(r.error().contains("digest.md"), r.error());
            LoadResult withDate = new DigestLoader(store).load(noDate, LocalDate.of(2026, 2, 4));
            assertEquals(LoadResult.Status.LOADED, withDate.status());
            assertEquals(147, withDate.papers());
        }
    }

    static DatasetGraph snapshot(GraphStore store) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().find().forEachRemaining(copy::add));
        return copy;
    }

    static long count(GraphStore store, String select) {
        try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(QueryFactory.create(select)).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    static Set<String> titles(GraphStore store, Node paper) {
        Graph union = store.datasetGraph().getUnionGraph();
        Set<String> titles = new TreeSet<>();
        union.find(paper, DCTERMS.title, Node.ANY).forEachRemaining(t -> titles.add(t.getObject().getLiteralLexicalForm()));
        return titles;
    }

    static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
