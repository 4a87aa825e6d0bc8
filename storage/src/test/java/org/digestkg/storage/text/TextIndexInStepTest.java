package org.digestkg.storage.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.digestkg.storage.RdfImport;
import org.digestkg.storage.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text index follows every way the store is written, on a real TDB2 store: each check ends with the index
 * holding exactly the store's texts ({@link TextIndexedStore#compare()} empty) and {@code text:query} finding what
 * the store says.
 */
class TextIndexInStepTest {

    /** In the title of 2602.02537 (feb04). */
    static final String TITLE_WORD = "WorldVQA";
    /** In the Chinese TL;DR of 2602.02676 (feb04): "视觉语言模型的自适应多模态推理能力". */
    static final String CHINESE_TERM = "自适应多模态推理";
    static final Node WORLD_VQA = NodeFactory.createURI("https://w3id.org/digest-kg/paper/2602.02537");

    @TempDir
    Path tmp;

    static Set<String> textQuery(GraphStore store, String query) {
        String sparql = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query " + literal(query) + " }";
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Set<String> found = new TreeSet<>();
            QueryExec.dataset(dsg).query(sparql).select().forEachRemaining(b -> found.add(b.get("s").getURI()));
            return found;
        });
    }

    private static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void assertInStep(GraphStore store) {
        assertEquals(java.util.Map.of(), store.text().compare(), "index and store hold the same texts");
    }

    @Test
    void digestsLoadedOneByOneAreSearchableInEnglishAndChinese() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(Samples.feb04(), null);
            loader.load(Samples.feb23(), null);
            assertInStep(store);
            assertTrue(textQuery(store, TITLE_WORD).contains(WORLD_VQA.getURI()), "the title's paper");
            assertTrue(textQuery(store, CHINESE_TERM).contains(
                    "https://w3id.org/digest-kg/digest/2026-02-04/paper/2602.02676"), "the TL;DR's appearance");
            assertEquals(275 * 7, store.text().texts(), "a title, an abstract and five summaries for each paper");
        }
    }

    @Test
    void aBulkLoadIndexesWhatTheLoaderWroteAroundTheIndex() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            // a day in the middle already stored: the bulk days around it move its papers' titles (settling)
            new DigestLoader(store).load(files.get(4), null);
            List<LoadResult> results = new ArrayList<>();
            new DigestLoader(store).loadAll(files, null, results::add);
            assertTrue(results.stream().allMatch(r -> r.status() != LoadResult.Status.FAILED), results.toString());
            assertInStep(store);
            assertFalse(textQuery(store, "\"Day 9\"").isEmpty(), "the bulk-loaded titles are found");
        }
    }

    @Test
    void aDigestRejectedInABulkLoadLeavesNothingInTheIndex() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        Path last = files.get(9);
        write(last, Samples.read(last).replace("[Total: 3]", "[Total: 4]"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            List<LoadResult> results = new ArrayList<>();
            new DigestLoader(store).strict(true).loadAll(files, null, results::add);
            assertEquals(LoadResult.Status.FAILED, results.get(9).status());
            assertInStep(store);
            assertTrue(textQuery(store, "\"Day 9\"").isEmpty());
        }
    }

    @Test
    void aReplacedDigestsOldTextIsNoLongerFound() {
        Path dir = tmp.resolve("digests");
        dir.toFile().mkdirs();
        Path day = Samples.write(dir, "2026-03-01", Samples.firstEntries(3, e -> e));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(day, null);
            assertFalse(textQuery(store, TITLE_WORD).isEmpty());
            assertFalse(textQuery(store, "严格测量模型记忆").isEmpty());
            write(day, Samples.read(day).replace("WorldVQA: Measuring", "Orbitrap: Measuring")
                    .replace("严格测量模型记忆", "彻底改写的内容"));
            assertEquals(LoadResult.Status.LOADED, loader.load(day, null).status());
            assertTrue(textQuery(store, "Orbitrap").contains(WORLD_VQA.getURI()));
            assertFalse(textQuery(store, "彻底改写的内容").isEmpty());
            assertTrue(textQuery(store, "严格测量模型记忆").isEmpty(), "the old TL;DR is gone");
            assertFalse(textQuery(store, "title:" + TITLE_WORD).contains(WORLD_VQA.getURI()), "the old title is gone");
            assertInStep(store);
        }
    }

    @Test
    void aRemovedDigestsPapersAreGoneUnlessListedOnAnotherDay() {
        Path dir = tmp.resolve("digests");
        dir.toFile().mkdirs();
        List<String> entries = Samples.entries(Samples.feb04());
        Path first = Samples.write(dir, "2026-03-01", entries.subList(0, 2));   // 2602.02537, 2602.02676
        Path second = Samples.write(dir, "2026-03-02", entries.subList(1, 3));  // 2602.02676 again, 2602.02721
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(first, null);
            loader.load(second, null);
            assertTrue(loader.remove(LocalDate.of(2026, 3, 2)));
            assertInStep(store);
            assertTrue(textQuery(store, "End-to-end reconstruction OCT").stream()
                    .noneMatch(s -> s.contains("2602.02721")), "listed only on the removed day");
            assertTrue(textQuery(store, "AdaptMMBench").contains("https://w3id.org/digest-kg/paper/2602.02676"),
                    "still listed on 2026-03-01, whose listing is now its latest");
        }
    }

    @Test
    void rdfImportsAndSparqlUpdatesAreIndexed() throws IOException {
        Path trig = tmp.resolve("extra.trig");
        Files.writeString(trig, """
                @prefix dcterms: <http://purl.org/dc/terms/> .
                <https://w3id.org/digest-kg/digest/2026-04-01> {
                  <https://w3id.org/digest-kg/paper/2604.00001> dcterms:title "Quasicrystal photonics" .
                }
                """, StandardCharsets.UTF_8);
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            assertEquals(LoadResult.Status.LOADED, new RdfImport(store).load(trig).status());
            assertEquals(Set.of("https://w3id.org/digest-kg/paper/2604.00001"), textQuery(store, "quasicrystals"));
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> UpdateExec.dataset(dsg).update("""
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    DELETE DATA { GRAPH <https://w3id.org/digest-kg/digest/2026-04-01> {
                      <https://w3id.org/digest-kg/paper/2604.00001> dcterms:title "Quasicrystal photonics" } } ;
                    INSERT DATA { GRAPH <https://w3id.org/digest-kg/digest/2026-04-01> {
                      <https://w3id.org/digest-kg/paper/2604.00001> dcterms:title "Metamaterial lenses"@en } }
                    """).execute());
            assertTrue(textQuery(store, "quasicrystals").isEmpty());
            assertEquals(Set.of("https://w3id.org/digest-kg/paper/2604.00001"), textQuery(store, "metamaterials"));
            // the default graph is indexed too
            Txn.executeWrite(dsg, () -> dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI("http://example.org/x"),
                    DCTERMS.title, NodeFactory.createLiteralString("Bolometer arrays")));
            assertEquals(Set.of("http://example.org/x"), textQuery(store, "bolometer"));
            assertInStep(store);
            store.text().rebuild();
            assertInStep(store);
            assertEquals(Set.of("http://example.org/x"), textQuery(store, "bolometer"));
        }
    }

    @Test
    void anAbortedWriteLeavesTheIndexAsItWas() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).load(Samples.feb23(), null);
            long before = store.text().texts();
            DatasetGraph dsg = store.datasetGraph();
            dsg.begin(org.apache.jena.query.TxnType.WRITE);
            try {
                dsg.removeGraph(Iris.digest(LocalDate.of(2026, 2, 23)));
                dsg.add(Iris.digest(LocalDate.of(2026, 2, 23)), WORLD_VQA, DCTERMS.title,
                        NodeFactory.createLiteralString("Never committed"));
                dsg.abort();
            } finally {
                dsg.end();
            }
            assertEquals(before, store.text().texts());
            assertTrue(textQuery(store, "\"Never committed\"").isEmpty());
            assertInStep(store);
        }
    }

    @Test
    void textsAKilledBulkLoadKeptForTheIndexAreDroppedWhenTheStoreIsOpened() throws IOException {
        Path storeDir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(storeDir)) {
            new DigestLoader(store).load(Samples.feb04(), null);
            store.text().spill().write(List.of()); // left behind, as by a process killed mid-load
        }
        assertTrue(Files.exists(storeDir.resolve(TextIndexedStore.SPILL)));
        try (GraphStore store = GraphStore.open(storeDir)) {
            assertFalse(Files.exists(storeDir.resolve(TextIndexedStore.SPILL)));
            assertInStep(store);
        }
    }

    @Test
    void aStoreWithoutAnIndexGetsOneWhenOpened() throws IOException {
        Path storeDir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(storeDir)) {
            new DigestLoader(store).load(Samples.feb04(), null);
        }
        deleteTree(storeDir.resolve(TextIndexedStore.DIR)); // as a store made before search existed
        try (GraphStore store = GraphStore.open(storeDir)) {
            assertInStep(store);
            assertTrue(textQuery(store, TITLE_WORD).contains(WORLD_VQA.getURI()));
        }
    }

    @Test
    void aStoreOpenedWithoutSearchLeavesTheIndexAloneAndTheNextOpenRepairsIt() throws IOException {
        Path storeDir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(storeDir)) {
            new DigestLoader(store).load(Samples.feb04(), null);
        }
        Path indexDir = storeDir.resolve(TextIndexedStore.DIR);
        deleteTree(indexDir); // missing: a search-opening would rebuild it at once
        try (GraphStore store = GraphStore.openWithoutSearch(storeDir)) {
            DatasetGraph dsg = store.datasetGraph();
            long papers = Txn.calculateRead(dsg, () -> Iter.count(dsg.find(Node.ANY, Node.ANY, DCTERMS.title, Node.ANY)));
            assertTrue(papers > 0, "the store reads as usual");
            assertThrows(IllegalStateException.class, store::text);
        }
        assertFalse(Files.exists(indexDir), "the index was not opened");
        try (GraphStore store = GraphStore.open(storeDir)) {
            assertInStep(store);
            assertTrue(textQuery(store, TITLE_WORD).contains(WORLD_VQA.getURI()));
        }
    }

    @Test
    void graphsAnInterruptedCommitLeftUnindexedAreIndexedWhenTheStoreIsOpened() {
        Path storeDir = tmp.resolve("store");
        Node graph = Iris.digest(LocalDate.of(2026, 2, 4));
        try (GraphStore store = GraphStore.open(storeDir)) {
            new DigestLoader(store).load(Samples.feb04(), null);
            new DigestLoader(store).load(Samples.feb23(), null);
        }
        // what a kill between TDB2's commit and the index's leaves: the store has the graph, the index not, and the
        // pending file names it
        PaperTextIndex index = PaperTextIndex.open(storeDir.resolve(TextIndexedStore.DIR));
        try {
            index.deleteGraph(graph.getURI());
            index.prepareCommit();
            index.getIndexWriter().commit(); // Lucene's commit without the index's own, which would clear the file
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            index.close();
        }
        assertTrue(Files.exists(storeDir.resolve(TextIndexedStore.DIR).resolve(PaperTextIndex.PENDING)));
        try (GraphStore store = GraphStore.open(storeDir)) {
            assertInStep(store);
            assertTrue(textQuery(store, TITLE_WORD).contains(WORLD_VQA.getURI()));
        }
        assertFalse(Files.exists(storeDir.resolve(TextIndexedStore.DIR).resolve(PaperTextIndex.PENDING)));
    }

    @Test
    void theComparisonSeesAnIndexThatMissesAGraph() throws IOException {
        Path storeDir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(storeDir)) {
            new DigestLoader(store).load(Samples.feb23(), null);
            PaperTextIndex index = store.text().index();
            index.deleteGraph(Iris.digest(LocalDate.of(2026, 2, 23)).getURI());
            index.getIndexWriter().commit();
            index.commit();
            var differences = store.text().compare();
            assertEquals(Set.of(Iris.digest(LocalDate.of(2026, 2, 23)).getURI()), differences.keySet());
            assertEquals(new TextIndexedStore.Difference(128 * 7, 0), differences.values().iterator().next());
            store.text().rebuild();
            assertInStep(store);
        }
    }


    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        org.digestkg.storage.Folders.deleteTree(dir);
    }
}
