package org.digestkg.storage.tdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.Exporter;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.RdfSyntax;
import org.digestkg.storage.Samples;
import org.digestkg.storage.Stats;
import org.digestkg.storage.StoreInUseException;
import org.digestkg.storage.export.StoreDump;
import org.digestkg.storage.tdb.JenaInternals.Concern;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate for a Jena upgrade. Every place digest-kg reaches into Jena's internals ({@link JenaInternals}) must,
 * on the Jena it is built with, take its fast path, and its fallback to Jena's public API must give the same
 * answers. If a test here fails after changing the Jena version, the fast path no longer fits that Jena: fix it,
 * or accept the fallback knowingly.
 */
class JenaInternalsTest {

    private static final Node G = NodeFactory.createURI("https://example.org/g");

    @TempDir
    Path tmp;

    @AfterEach
    void internalsOn() {
        System.clearProperty(JenaInternals.SWITCH);
    }

    // ---- the export

    @Test
    void theExportWritesFromTheIndexesTheLinesJenasWritersWrite() {
        try (GraphStore store = sampleStore()) {
            long fallbacks = JenaInternals.fallbackCount(Concern.EXPORT);
            assertTrue(Txn.calculateRead(store.datasetGraph(), () -> StoreDump.of(store.datasetGraph()).isPresent()),
                    "the fast export applies to a TDB2 store: " + JenaInternals.fallbacks());
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.EXPORT));
            for (RdfSyntax syntax : List.of(RdfSyntax.NT, RdfSyntax.NQ)) {
                for (Node graph : Arrays.asList(null, Iris.digest(LocalDate.of(2026, 2, 23)))) {
                    Export fast = export(store, syntax, graph);
                    Export jena = withInternalsOff(() -> export(store, syntax, graph));
                    assertTrue(fast.lines.size() > 1000, "a real export");
                    assertEquals(jena.count, fast.count, syntax + " " + graph);
                    assertEquals("", firstDifference(jena.lines, fast.lines), syntax + " " + graph);
                }
            }
        }
    }

    @Test
    void aStoreNotOnDiskIsLeftToJenasWriters() {
        DatasetGraph memory = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(memory, () -> memory.add(G, G, G, G));
        assertTrue(Txn.calculateRead(memory, () -> StoreDump.of(memory).isEmpty()));
    }

    // ---- the committed state

    @Test
    void theCommittedStateNamesTheDataAsCommittedAndOutlivesTheProcess() {
        Path dir = tmp.resolve("state");
        List<CommittedState> seen = new ArrayList<>();
        CommittedState loaded;
        try (GraphStore store = sampleStore(dir)) {
            DatasetGraph dsg = store.datasetGraph();
            loaded = state(dsg);
            seen.add(loaded);
            assertEquals(loaded, state(dsg), "reading changes nothing");
            Txn.executeWrite(dsg, () -> dsg.delete(G, G, G, G));
            assertEquals(loaded, state(dsg), "nor does a commit that changes nothing");
            Txn.executeWrite(dsg, () -> assertTrue(CommittedState.seenBy(dsg).isEmpty(),
                    "a write transaction may hold changes that are not committed"));

            for (Runnable change : List.<Runnable>of(
                    () -> dsg.add(G, G, G, G),                  // a quad
                    () -> dsg.delete(G, G, G, G),               // the same quad out again: the data as loaded
                    () -> dsg.add(Quad_default(), G, G, G),     // the stored default graph
                    () -> dsg.add(G, G, G, NodeFactory.createLiteralString("a node never stored before")))) {
                Txn.executeWrite(dsg, change);
                CommittedState after = state(dsg);
                assertTrue(after.isNewerThan(seen.get(seen.size() - 1)), after + " after " + seen);
                assertFalse(seen.stream().anyMatch(s -> s.key().equals(after.key())), "a key never seen before");
                assertEquals(loaded.store(), after.store());
                seen.add(after);
            }
            // a reader that began before a commit keeps seeing the state it began with
            Txn.executeRead(dsg, () -> {
                CommittedState before = CommittedState.seenBy(dsg).orElseThrow();
                Thread writer = new Thread(() -> Txn.executeWrite(dsg, () -> dsg.add(G, G, G, NodeFactory.createLiteralString("y"))));
                writer.start();
                join(writer);
                assertEquals(before, CommittedState.seenBy(dsg).orElseThrow());
            });
            seen.add(state(dsg));
        }
        try (GraphStore again = GraphStore.open(dir)) {
            assertEquals(seen.get(seen.size() - 1).key(), state(again.datasetGraph()).key(),
                    "the same key when the store is opened again, as by another process");
            DatabaseMgr.compact(again.storage(), true); // TDB2 itself, under the text-indexed view
            CommittedState compacted = state(again.datasetGraph());
            assertNotEquals(loaded.store(), compacted.store(), "compaction puts the data in new storage");
            assertFalse(seen.stream().anyMatch(s -> s.key().equals(compacted.key())));

            System.setProperty(JenaInternals.SWITCH, "off");
            assertTrue(CommittedState.seenBy(again.datasetGraph()).isEmpty(),
                    "without the fast path there is no key, so nothing is cached on one");
            assertTrue(JenaInternals.fallbacks().containsKey(Concern.COMMITTED_STATE));
        }
    }

    @Test
    void theCommitsBeforeATransactionCountEveryWriteCommitAndNothingElse() {
        try (GraphStore store = sampleStore(tmp.resolve("commits"))) {
            DatasetGraph dsg = store.datasetGraph();
            assertTrue(CommittedState.commitsBefore(dsg).isEmpty(), "outside a transaction there is none to tell");
            long start = Txn.calculateRead(dsg, () -> CommittedState.commitsBefore(dsg).orElseThrow());
            Txn.executeWrite(dsg, () -> dsg.add(G, G, G, G));
            dsg.begin(org.apache.jena.query.ReadWrite.WRITE);
            dsg.add(G, G, G, NodeFactory.createLiteralString("aborted"));
            dsg.abort();
            dsg.end();
            Txn.executeRead(dsg, () -> { });
            Txn.executeWrite(dsg, () -> assertEquals(start + 1, CommittedState.commitsBefore(dsg).orElseThrow(),
                    "a writer sees the commits before it began"));
            Txn.executeRead(dsg, () -> {
                assertEquals(start + 2, CommittedState.commitsBefore(dsg).orElseThrow(), "two commits; the abort and "
                        + "the read not counted");
                Thread writer = new Thread(() -> Txn.executeWrite(dsg, () -> dsg.delete(G, G, G, G)));
                writer.start();
                join(writer);
                assertEquals(start + 2, CommittedState.commitsBefore(dsg).orElseThrow(), "as the reader began");
            });
            assertEquals(start + 3, Txn.calculateRead(dsg, () -> CommittedState.commitsBefore(dsg).orElseThrow()));
            DatabaseMgr.compact(store.storage(), true);
            assertEquals(start + 3, Txn.calculateRead(dsg, () -> CommittedState.commitsBefore(dsg).orElseThrow()),
                    "a compaction is no commit, and the count goes on in the new storage");
        }
        DatasetGraph memory = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        assertTrue(Txn.calculateRead(memory, () -> CommittedState.commitsBefore(memory)).isEmpty(), "not TDB2");
    }

    @Test
    void aStoreThatIsNotTdb2HasNoCommittedState() {
        DatasetGraph memory = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        assertTrue(CommittedState.seenBy(memory).isEmpty());
        DatasetGraph tdbInMemory = DatabaseMgr.createDatasetGraph();
        DatasetGraph other = DatabaseMgr.createDatasetGraph();
        assertNotEquals(state(tdbInMemory).store(), state(other).store(), "two in-memory stores are told apart");
    }

    // ---- the store's footprint

    @Test
    void theFootprintGrowsWithEachWriteAndShrinksWhenCompacted() {
        try (GraphStore store = sampleStore()) {
            DatasetGraph dsg = store.datasetGraph();
            long fallbacks = JenaInternals.fallbackCount(Concern.FOOTPRINT);
            long built = StoreFootprint.bytes(dsg).orElseThrow();
            Node day = Iris.digest(LocalDate.of(2026, 2, 23));
            List<Quad> quads = Txn.calculateRead(dsg, () -> Iter.toList(dsg.find(day, Node.ANY, Node.ANY, Node.ANY)));
            for (int i = 0; i < 3; i++) {
                Txn.executeWrite(dsg, () -> dsg.removeGraph(day));
                Txn.executeWrite(dsg, () -> quads.forEach(dsg::add));
            }
            long grown = StoreFootprint.bytes(dsg).orElseThrow();
            assertTrue(grown > built, "the same data written again takes new blocks: " + built + " -> " + grown);
            DatabaseMgr.compact(store.storage(), true);
            long compacted = StoreFootprint.bytes(dsg).orElseThrow();
            assertTrue(compacted < grown, "compacted: " + grown + " -> " + compacted);
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.FOOTPRINT), "the fast path told them");

            System.setProperty(JenaInternals.SWITCH, "off");
            assertTrue(StoreFootprint.bytes(dsg).isEmpty(), "without the fast path it cannot be told");
            assertEquals(fallbacks + 1, JenaInternals.fallbackCount(Concern.FOOTPRINT));
        }
    }

    // ---- releasing the store

    @Test
    void closingTheStoreReleasesItsLockAndFilesAndTheFallbackKeepsItUsable() throws IOException {
        Path dir = tmp.resolve("release");
        GraphStore store = sampleStore(dir);
        long quads = quads(store);
        assertTrue(heldByThisProcess(dir), "an open store is locked");
        store.close();
        assertFalse(heldByThisProcess(dir), "closed: another process may open it");

        System.setProperty(JenaInternals.SWITCH, "off");
        GraphStore reopened = GraphStore.open(dir);
        reopened.close();
        assertTrue(JenaInternals.fallbacks().containsKey(Concern.RELEASE));
        assertTrue(heldByThisProcess(dir), "without the fast path the store stays open until the process ends");
        GraphStore third = GraphStore.open(dir);
        assertEquals(quads, quads(third), "and answers the same when opened again");
        System.clearProperty(JenaInternals.SWITCH);
        third.close();
        assertFalse(heldByThisProcess(dir));
    }

    // ---- a store in use by another process

    @Test
    void aStoreHeldByAnotherProcessIsToldApartWithOrWithoutTheFastPath() throws Exception {
        Path dir = tmp.resolve("held");
        try (GraphStore store = GraphStore.open(dir)) {
            Txn.executeWrite(store.datasetGraph(), () -> store.datasetGraph().add(G, G, G, G));
        }
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("holding"), "the other process has the store: " + line);
            long pid = holder.pid();

            long fallbacks = JenaInternals.fallbackCount(Concern.LOCK);
            StoreInUseException fast = assertThrows(StoreInUseException.class, () -> GraphStore.open(dir));
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.LOCK), "the fast path decided: "
                    + JenaInternals.fallbacks());
            assertEquals(pid, fast.pid().orElseThrow());
            assertEquals(dir, fast.dir());

            System.setProperty(JenaInternals.SWITCH, "off");
            StoreInUseException fallback = assertThrows(StoreInUseException.class, () -> GraphStore.open(dir));
            assertEquals(fallbacks + 1, JenaInternals.fallbackCount(Concern.LOCK), "the fallback decided");
            assertEquals(fast.getMessage(), fallback.getMessage());
            System.clearProperty(JenaInternals.SWITCH);
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (GraphStore free = GraphStore.open(dir)) {
            assertTrue(quads(free) > 0, "free again once that process ends");
        }
    }

    @Test
    void otherFailuresToOpenAreNotTakenForAStoreInUse() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "text");
        long fallbacks = JenaInternals.fallbackCount(Concern.LOCK);
        RuntimeException e = assertThrows(RuntimeException.class, () -> GraphStore.open(file));
        assertFalse(e instanceof StoreInUseException, e.toString());
        assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.LOCK), "no lock file is no reason for a notice");
    }

    // ---- a store's first load, written packed

    /** Patterns each answered by a different quad index: GSPO, GPOS, GOSP, SPOG, POSG, OSPG. */
    private static final List<String> BY_INDEX = List.of(
            "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/digest-kg/digest/2026-03-04> { ?s ?p ?o } }",
            "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/digest-kg/digest/2026-03-04> { ?s a ?o } }",
            "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/digest-kg/digest/2026-03-04> "
                    + "{ ?s ?p <https://w3id.org/digest-kg/ontology#Paper> } }",
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { <https://w3id.org/digest-kg/digest/2026-03-04> ?p ?o } }",
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s a <https://w3id.org/digest-kg/ontology#Appearance> } }",
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p <https://w3id.org/digest-kg/ontology#Paper> } }");

    @Test
    void aFirstLoadWritesPackedIndexesThatHoldAndAnswerWhatTheSequentialLoadersHold() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        long fallbacks = JenaInternals.fallbackCount(Concern.PACKED_LOAD);
        try (GraphStore packed = GraphStore.open(tmp.resolve("packed"))) {
            new DigestLoader(packed).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.PACKED_LOAD), "the packed load ran");
            long quads = Txn.calculateRead(packed.storage(), () -> packed.storage().stream().count());
            assertTrue(quads > 1_000, "a real load: " + quads);
            assertEveryIndexHoldsEachQuadOnceInOrder(packed, quads);
            try (GraphStore sequential = withInternalsOff(() -> {
                GraphStore s = GraphStore.open(tmp.resolve("sequential"));
                new DigestLoader(s).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
                return s;
            })) {
                assertTrue(JenaInternals.fallbackCount(Concern.PACKED_LOAD) > fallbacks, "the sequential loader ran");
                assertTrue(IsoMatcher.isomorphic(snapshot(sequential), snapshot(packed)));
                for (String q : BY_INDEX) {
                    long n = count(packed, q);
                    assertTrue(n > 0, q);
                    assertEquals(count(sequential, q), n, q);
                }
                long full = recordBlocks(packed);
                long usual = recordBlocks(sequential);
                assertTrue(full < usual * 3 / 4, "full blocks: " + full + " against " + usual);
            }
            // a later load writes through TDB2 as usual: the store is no longer empty
            Txn.executeWrite(packed.storage(), () -> assertTrue(PackedQuads.start(packed.storage(), tmp.resolve("runs")).isEmpty()));
        }
    }

    @Test
    void aFirstLoadLargerThanMemoryHoldsIsSortedOnDiskIntoTheSameIndexes() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        try (GraphStore held = GraphStore.open(tmp.resolve("held"))) {
            new DigestLoader(held).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
            String before = System.getProperty(PackedQuads.IN_MEMORY);
            System.setProperty(PackedQuads.IN_MEMORY, "200"); // read when a load starts; the samples give thousands
            try (GraphStore spilled = GraphStore.open(tmp.resolve("spilled"))) {
                new DigestLoader(spilled).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
                long quads = Txn.calculateRead(held.storage(), () -> held.storage().stream().count());
                assertTrue(quads > 10 * 200, "runs to merge: " + quads);
                assertEveryIndexHoldsEachQuadOnceInOrder(spilled, quads);
                assertTrue(IsoMatcher.isomorphic(snapshot(held), snapshot(spilled)));
                for (String q : BY_INDEX) assertEquals(count(held, q), count(spilled, q), q);
                assertEquals(recordBlocks(held), recordBlocks(spilled), "the same full blocks");
                assertFalse(Files.exists(tmp.resolve("spilled").resolve("first-load.runs")), "the runs are deleted");
            } finally {
                if (before == null) System.clearProperty(PackedQuads.IN_MEMORY); else System.setProperty(PackedQuads.IN_MEMORY, before);
            }
        }
    }

    /** Every quad index of the store holds {@code quads} records, in its own order, so each quad once. */
    private static void assertEveryIndexHoldsEachQuadOnceInOrder(GraphStore store, long quads) {
        Txn.executeRead(store.storage(), () -> {
            for (TupleIndex index : TDBInternal.getDatasetGraphTDB(store.storage()).getQuadTable()
                    .getNodeTupleTable().getTupleTable().getIndexes()) {
                List<Tuple<NodeId>> all = new ArrayList<>();
                index.all().forEachRemaining(all::add);
                // a rare failure here (seen twice in some fifty runs of this class under load, never in 1,200 loads
                // alone) is not understood yet: the message tells which index lacks what, for whoever meets it next
                if (all.size() != quads) fail(index.getName() + " holds " + all.size() + " of " + quads + " quads; "
                        + indexesCompared(store));
                for (int i = 1; i < all.size(); i++) {
                    Tuple<NodeId> before = index.getMapping().map(all.get(i - 1));
                    assertTrue(compare(before, index.getMapping().map(all.get(i))) < 0, index.getName() + " in order at " + i);
                }
            }
        });
    }

    /** Each quad index's size, and the quads the first index holds that another lacks. */
    private static String indexesCompared(GraphStore store) {
        TupleIndex[] indexes = TDBInternal.getDatasetGraphTDB(store.storage()).getQuadTable().getNodeTupleTable()
                .getTupleTable().getIndexes();
        List<Tuple<NodeId>> first = new ArrayList<>();
        indexes[0].all().forEachRemaining(first::add);
        StringBuilder b = new StringBuilder();
        for (TupleIndex index : indexes) {
            Set<Tuple<NodeId>> held = new HashSet<>();
            index.all().forEachRemaining(held::add);
            b.append(index.getName()).append(' ').append(held.size());
            first.stream().filter(t -> !held.contains(t)).limit(5).forEach(t -> b.append(" lacks ").append(t));
            b.append("; ");
        }
        return b.toString();
    }

    private static DatasetGraph snapshot(GraphStore store) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().find().forEachRemaining(copy::add));
        return copy;
    }

    private static long count(GraphStore store, String select) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(select).build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
    }

    private static int compare(Tuple<NodeId> a, Tuple<NodeId> b) {
        for (int i = 0; i < a.len(); i++) {
            byte[] x = new byte[NodeId.SIZE];
            byte[] y = new byte[NodeId.SIZE];
            NodeIdFactory.set(a.get(i), x);
            NodeIdFactory.set(b.get(i), y);
            int c = Arrays.compareUnsigned(x, y);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Blocks of records in the store's quad indexes. */
    private static long recordBlocks(GraphStore store) {
        return Txn.calculateRead(store.storage(), () -> {
            long blocks = 0;
            for (TupleIndex index : TDBInternal.getDatasetGraphTDB(store.storage()).getQuadTable().getNodeTupleTable()
                    .getTupleTable().getIndexes()) {
                BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
                blocks += tree.getRecordsMgr().getBlockMgr().allocLimit();
            }
            return blocks;
        });
    }

    // ---- the guard itself

    // ---- counting

    private static final String DKG_PREFIX = "PREFIX dkg: <https://w3id.org/digest-kg/ontology#> "
            + "PREFIX dcterms: <http://purl.org/dc/terms/> ";

    @Test
    void theIndexesCountWhatSparqlCountsOverTheUnionOfTheNamedGraphs() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
            DatasetGraph dsg = store.datasetGraph();
            Node other = NodeFactory.createURI("https://example.org/other-graph");
            Node notAPaper = NodeFactory.createURI("https://example.org/not-a-paper");
            Txn.executeWrite(dsg, () -> {
                // what a digest holds, again in another graph: the same paper, author and authorships
                Node paper = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), DKG.Paper).next().getSubject();
                dsg.find(Node.ANY, paper, Node.ANY, Node.ANY).forEachRemaining(q -> dsg.add(other, q.getSubject(),
                        q.getPredicate(), q.getObject()));
                // an authorship and a creator on something that is not a paper, one of them a paper's too
                Node shared = dsg.find(Node.ANY, paper, DKG.authorship, Node.ANY).next().getObject();
                dsg.add(other, notAPaper, DKG.authorship, shared);
                dsg.add(other, notAPaper, DKG.authorship, NodeFactory.createURI("https://example.org/only-here"));
                dsg.add(other, notAPaper, DCTerms.creator.asNode(), NodeFactory.createURI("https://example.org/someone"));
                // a triple of the default graph: a quad of the store, no triple of the union
                dsg.add(Quad.defaultGraphIRI, G, G, G);
            });
            long papers = count(store, DKG_PREFIX + "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a dkg:Paper }");
            long paperTypes = count(store, DKG_PREFIX + "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?p a dkg:Paper } }");
            assertTrue(paperTypes > papers, "papers typed in several graphs: " + paperTypes + " against " + papers);
            long authors = count(store, DKG_PREFIX + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?p dcterms:creator ?a }");
            long authorships = count(store, DKG_PREFIX
                    + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?p a dkg:Paper ; dkg:authorship ?s }");
            long anyAuthorships = count(store, DKG_PREFIX + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?p dkg:authorship ?s }");
            assertTrue(anyAuthorships > authorships, "authorships on earlier listings and one on something else");
            long unionTriples = Txn.calculateRead(dsg, () -> dsg.getUnionGraph().size());
            long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
            assertTrue(quads > unionTriples + 1, "triples in several graphs: " + quads + " quads, " + unionTriples);

            long fallbacks = JenaInternals.fallbackCount(Concern.COUNTS);
            Txn.executeRead(dsg, () -> {
                IndexCounts c = JenaInternals.attempt(Concern.COUNTS, () -> IndexCounts.of(dsg)).orElseThrow();
                assertEquals(papers, c.subjects(RDF.type.asNode(), DKG.Paper));
                assertEquals(authors, c.objects(DCTerms.creator.asNode()));
                assertEquals(authorships, c.objects(DKG.authorship, DKG.Paper));
                assertEquals(anyAuthorships, c.objects(DKG.authorship));
                assertEquals(new IndexCounts.Sizes(quads, unionTriples), c.sizes());
                // terms the store does not hold
                assertEquals(0, c.subjects(RDF.type.asNode(), G));
                assertEquals(0, c.objects(G));
                assertEquals(0, c.objects(DKG.authorship, G));
            });
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.COUNTS), "the indexes were read");
        }
    }

    @Test
    void theStoresCountsAreTheSameFromTheIndexesAndFromSparql() throws IOException {
        try (GraphStore store = sampleStore()) {
            long fallbacks = JenaInternals.fallbackCount(Concern.COUNTS);
            Stats fast = Stats.of(store);
            assertEquals(fallbacks, JenaInternals.fallbackCount(Concern.COUNTS), "the indexes were read");
            Files.delete(store.dir().resolve("stats.txt")); // kept for the store's state: counted again below
            Stats sparql = withInternalsOff(() -> Stats.of(store));
            assertTrue(JenaInternals.fallbackCount(Concern.COUNTS) > fallbacks, "SPARQL counted");
            assertTrue(fast.papers() > 100 && fast.triples() > 1_000, fast.toString());
            assertEquals(sparql, fast);
            // what a starting server says
            assertEquals(new Stats.Headline(fast.papers(), fast.digests()), Stats.headline(store));
            assertEquals(new Stats.Headline(fast.papers(), fast.digests()), withInternalsOff(() -> Stats.headline(store)));
        }
    }

    @Test
    void aMissingJenaMethodOrAnUnknownLayoutFallsBackWithANoticeAndOtherErrorsPassThrough() {
        long before = JenaInternals.fallbackCount(Concern.EXPORT);
        Optional<String> missing = JenaInternals.attempt(Concern.EXPORT, () -> {
            throw new NoSuchMethodError("'org.apache.jena.tdb2.store.NodeId.getPtrLocation()'");
        });
        assertTrue(missing.isEmpty());
        assertTrue(JenaInternals.fallbacks().get(Concern.EXPORT).contains("NoSuchMethodError"));
        Optional<String> unknown = JenaInternals.attempt(Concern.EXPORT, () -> {
            throw new UnknownLayout("a layout from the future");
        });
        assertTrue(unknown.isEmpty());
        assertEquals("a layout from the future", JenaInternals.fallbacks().get(Concern.EXPORT));
        assertEquals(before + 2, JenaInternals.fallbackCount(Concern.EXPORT));
        assertThrows(IllegalStateException.class, () -> JenaInternals.attempt(Concern.EXPORT, () -> {
            throw new IllegalStateException("the store's own failure");
        }));
        Object fast = new Object();
        assertSame(fast, JenaInternals.attempt(Concern.EXPORT, () -> Optional.of(fast)).orElseThrow());
    }

    // ---- helpers

    private record Export(long count, List<String> lines) {}

    private static Export export(GraphStore store, RdfSyntax syntax, Node graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = new Exporter(store).export(syntax, graph, out);
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.sort(null);
        return new Export(count, lines);
    }

    /** The first line where two sorted exports differ, as "expected / actual"; empty when they are the same. */
    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) return "line " + i + ": " + e + " / " + a;
        }
        return "";
    }

    private static <T> T withInternalsOff(Supplier<T> action) {
        System.setProperty(JenaInternals.SWITCH, "off");
        try {
            return action.get();
        } finally {
            System.clearProperty(JenaInternals.SWITCH);
        }
    }

    /** Both sample digests. */
    private GraphStore sampleStore() {
        GraphStore store = sampleStore(tmp.resolve("store"));
        assertTrue(new DigestLoader(store).load(Samples.feb04(), null).clean());
        return store;
    }

    /** The smaller sample digest. */
    private static GraphStore sampleStore(Path dir) {
        GraphStore store = GraphStore.open(dir);
        assertTrue(new DigestLoader(store).load(Samples.feb23(), null).clean());
        return store;
    }

    private static CommittedState state(DatasetGraph dsg) {
        return CommittedState.seenBy(dsg).orElseThrow(() -> new AssertionError("no committed state: "
                + JenaInternals.fallbacks()));
    }

    private static Node Quad_default() {
        return org.apache.jena.sparql.core.Quad.defaultGraphIRI;
    }

    private static long quads(GraphStore store) {
        return Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().stream().count());
    }

    /** Whether this process holds TDB2's lock on the store in {@code dir}. */
    private static boolean heldByThisProcess(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("tdb.lock"), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            assertTrue(lock != null, "no other process holds it");
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
