package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.extractor.rdf.SKOS;
import org.digestkg.storage.Stats.Kept;
import org.digestkg.storage.tdb.CommittedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts a writer keeps by moving the previous ones ({@link StatsChange}) are the counts of the store, field for
 * field, after every kind of change a loader makes: new days, papers listed again later and earlier (their facts
 * move between graphs), a replaced digest, removals; and a change it cannot follow keeps nothing rather than
 * something wrong.
 */
class StatsChangeTest {

    @TempDir
    Path tmp;

    @Test
    void movedCountsEqualTheStoreCountedAfterEachLoadReplacementAndRemoval() throws Exception {
        List<Path> overlapping = Samples.overlappingDays(tmp.resolve("days"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            assertEquals(Kept.MOVED, load(store, Samples.feb04()), "from an empty store");
            assertMovedEqualsCounted(store, "the first digest");
            assertEquals(Kept.MOVED, load(store, Samples.feb23()));
            assertMovedEqualsCounted(store, "a second digest");

            // each lists three of feb04's papers, two of them listed the day before, with revised titles: the later
            // listing takes the paper's facts and creators, the earlier one keeps its own on its appearance
            for (Path day : overlapping) {
                assertEquals(Kept.MOVED, load(store, day), day.toString());
                assertMovedEqualsCounted(store, "after " + day.getFileName());
            }
            // listed again before all of those: an earlier listing, which takes nothing from the later ones
            List<String> entries = Samples.entries(Samples.feb04());
            Path earlier = Samples.write(tmp.resolve("days"), "2026-01-15", entries.subList(3, 9));
            assertEquals(Kept.MOVED, load(store, earlier));
            assertMovedEqualsCounted(store, "an earlier listing");

            // a digest without section headings: its papers are counted under their main category, which may hang
            // off the paper in another digest's graph, so every day's rows are counted again
            Path unsectioned = tmp.resolve("days").resolve("2026-03-20.md");
            Files.writeString(unsectioned, String.join("\n\n", entries.subList(1, 7)));
            assertEquals(Kept.MOVED, load(store, unsectioned));
            assertMovedEqualsCounted(store, "a digest without section headings");

            // a replaced digest: some papers leave it (their previous listing takes over), others come
            Path replaced = Samples.write(tmp.resolve("days"), "2026-03-05", entries.subList(12, 16));
            assertEquals(Kept.MOVED, load(store, replaced));
            assertMovedEqualsCounted(store, "a replacement");

            assertEquals(Kept.MOVED, remove(store, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 2, 4)));
            assertMovedEqualsCounted(store, "removals");
            assertEquals(Kept.MOVED, remove(store, LocalDate.of(2026, 3, 9)));
            assertMovedEqualsCounted(store, "removing the latest listing of papers listed before");
        }
    }

    @Test
    void aChangeThatCannotBeFollowedKeepsNothingAndAFirstBulkBuildIsCounted() throws Exception {
        List<Path> days = Samples.overlappingDays(tmp.resolve("days"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            // a first build of many digests takes the bulk path, which writes the indexes itself: counted
            Optional<String> before = CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
            DigestLoader first = new DigestLoader(store);
            StatsChange firstChange = first.followChanges();
            first.loadAll(days.subList(0, 9), null, r -> { });
            assertFalse(firstChange.complete());
            assertEquals(Kept.COUNTED, Stats.update(store, before, firstChange));
            assertMovedEqualsCounted(store, "a first bulk build");

            // a digest that fails after writing is undone: the transaction ends without its commit
            String bad = Samples.read(Samples.feb23()).replaceFirst("\\[Total: (\\d+)]", "[Total: 999]");
            Path failing = tmp.resolve("2026-02-23.md");
            Files.writeString(failing, bad);
            before = CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
            DigestLoader strict = new DigestLoader(store).strict(true);
            StatsChange strictChange = strict.followChanges();
            assertEquals(LoadResult.Status.LOADED, strict.load(days.get(9), null).status());
            assertEquals(LoadResult.Status.FAILED, strict.load(failing, null).status());
            assertFalse(strictChange.complete(), "an aborted write cannot be followed");
            assertEquals(Kept.NONE, Stats.update(store, before, strictChange));
            assertTrue(kept(store).isEmpty(), "nothing kept for the new state");

            // many digests into a store that holds some: the bulk path again, and the next reader counts
            Stats.of(store);
            before = CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
            DigestLoader bulk = new DigestLoader(store);
            StatsChange bulkChange = bulk.followChanges();
            List<Path> more = new ArrayList<>();
            Files.createDirectories(tmp.resolve("more"));
            for (int i = 0; i < 9; i++) {
                more.add(Samples.write(tmp.resolve("more"), "2026-04-0" + (i + 1), Samples.entries(Samples.feb23()).subList(i, i + 3)));
            }
            bulk.loadAll(more, null, r -> { });
            assertEquals(Kept.NONE, Stats.update(store, before, bulkChange));
            assertTrue(kept(store).isEmpty());
        }
    }

    @Test
    void anAuthorshipCountsFromTheWriteThatTypesItsPaperWhereverThatIs() throws Exception {
        // stats.rq counts the authorships of typed papers: typing a paper in another graph brings its authorships
        // in, though no authorship triple was written, and removing that type takes them out again
        Node paper = NodeFactory.createURI("http://arxiv.org/abs/2601.00001");
        Node ship = NodeFactory.createURI("http://example.org/ship1");
        Node g1 = NodeFactory.createURI("http://example.org/g1"), g2 = NodeFactory.createURI("http://example.org/g2");
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.add(g1, paper, DKG.authorship, ship));
            for (boolean typed : new boolean[] {true, false}) {
                Stats before = counted(store);
                StatsChange change = new StatsChange(dsg);
                DatasetGraph recording = change.recording();
                Txn.executeWrite(recording, () -> {
                    if (typed) recording.add(g2, paper, RDF.type, DKG.Paper);
                    else recording.removeGraph(g2);
                });
                Stats after = counted(store);
                assertEquals(typed ? 1 : 0, after.authorships());
                assertEquals(after, Txn.calculateRead(dsg, () -> change.moved(before, after.perCategoryPerDay())),
                        typed ? "typed" : "untyped again");
            }
        }
    }

    @Test
    void aDigestOutsideTheGraphOfItsDayHasItsRowsCountedAgainWhenThatDayChanges() throws Exception {
        // as an RDF import may bring it: a digest of 2026-02-04, with a category count, in a graph of another name
        Node elsewhere = NodeFactory.createURI("http://example.org/elsewhere");
        Node digest = NodeFactory.createURI("http://example.org/digest"), count = NodeFactory.createURI("http://example.org/count");
        Node concept = NodeFactory.createURI("http://example.org/concept");
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> {
                dsg.add(elsewhere, digest, RDF.type, DKG.Digest);
                dsg.add(elsewhere, digest, DCTERMS.date, NodeFactory.createLiteralDT("2026-02-04", XSDDatatype.XSDdate));
                dsg.add(elsewhere, digest, DKG.categoryCount, count);
                dsg.add(elsewhere, count, DKG.foundCount, NodeFactory.createLiteralDT("5", XSDDatatype.XSDinteger));
                dsg.add(elsewhere, count, DKG.category, concept);
                dsg.add(elsewhere, concept, SKOS.notation, NodeFactory.createLiteralString("cs.XX"));
                Node listed = NodeFactory.createURI("http://example.org/listed"); // under a section heading
                dsg.add(elsewhere, listed, DKG.digest, digest);
                dsg.add(elsewhere, listed, DKG.section, concept);
            });
            Stats before = counted(store);
            assertTrue(before.perCategoryPerDay().stream().anyMatch(d -> d.category().equals("cs.XX")));
            assertEquals(Kept.MOVED, load(store, Samples.feb04()));
            assertMovedEqualsCounted(store, "the day of a digest held elsewhere");

            // the same digest in the graph of another day, which is then removed: its rows go with it
            Node feb05 = Iris.digest(LocalDate.of(2026, 2, 5));
            Txn.executeWrite(dsg, () -> {
                dsg.find(elsewhere, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> dsg.add(feb05, q.getSubject(),
                        q.getPredicate(), q.getObject()));
                dsg.removeGraph(elsewhere);
            });
            counted(store);
            Path feb04again = Samples.write(tmp, "2026-02-04", Samples.entries(Samples.feb04()).subList(0, 5));
            assertEquals(Kept.MOVED, load(store, feb04again));
            assertMovedEqualsCounted(store, "replacing the day of a digest held in another day's graph");
            assertEquals(Kept.MOVED, remove(store, LocalDate.of(2026, 2, 5)));
            assertMovedEqualsCounted(store, "removing a day's graph that held a digest of another day");
        }
    }

    private static Stats counted(GraphStore store) throws Exception {
        Files.deleteIfExists(store.dir().resolve(StatsFile.NAME));
        return Stats.of(store);
    }

    private static Kept load(GraphStore store, Path digest) {
        Optional<String> before = CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
        DigestLoader loader = new DigestLoader(store);
        StatsChange change = loader.followChanges();
        assertEquals(LoadResult.Status.LOADED, loader.load(digest, null).status(), digest.toString());
        assertTrue(change.complete());
        return Stats.update(store, before, change);
    }

    private static Kept remove(GraphStore store, LocalDate... days) {
        Optional<String> before = CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
        DigestLoader loader = new DigestLoader(store);
        StatsChange change = loader.followChanges();
        for (LocalDate day : days) assertTrue(loader.remove(day), day.toString());
        return Stats.update(store, before, change);
    }

    /** The counts kept for the store's state now, if any. */
    private static Optional<Stats> kept(GraphStore store) {
        String key = CommittedState.seenBy(store.datasetGraph()).orElseThrow().key();
        return StatsFile.read(store.dir().resolve(StatsFile.NAME), key);
    }

    /** The kept counts are for the store's state, and equal what counting the store gives (which then keeps its own). */
    private static void assertMovedEqualsCounted(GraphStore store, String when) throws Exception {
        Stats moved = kept(store).orElseThrow(() -> new AssertionError("no counts kept after " + when));
        Stats counted = counted(store);
        assertTrue(counted.papers() > 0, when);
        assertEquals(counted, moved, "the moved counts after " + when);
    }
}
