package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.digestkg.coauthorship.sparql.CoauthorIndex;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.JenaInternals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate for a Jena upgrade, for the co-authorship index: on the Jena it is built with, the index keys its
 * networks on the store's committed state (storage's {@link CommittedState}, which reads TDB2's internals) and
 * shares one network per state; without that key it builds a network per query, and the answers are the same.
 */
class JenaInternalsTest {

    private static final Map<String, String> AUTHOR = Map.of("author", "Wenxin Zhang");

    @TempDir
    Path dir;

    @AfterEach
    void internalsOn() {
        System.clearProperty(JenaInternals.SWITCH);
    }

    @Test
    void theIndexSharesOneNetworkPerCommittedStateAndWithoutTheKeyAnswersTheSame() {
        try (GraphStore store = sampleStore()) {
            DatasetGraph dsg = store.datasetGraph();
            assertTrue(CommittedState.seenBy(dsg).isPresent(), "the key applies: " + JenaInternals.fallbacks());
            assertSame(CoauthorIndex.graph(dsg, null), CoauthorIndex.graph(dsg, null), "one network per state");
            List<List<Map<String, String>>> fast = answers(store);
            assertFalse(fast.get(0).isEmpty(), "the author has co-authors");
            assertEquals(plain(store), fast, "the index agrees with plain SPARQL");

            System.setProperty(JenaInternals.SWITCH, "off");
            assertTrue(CommittedState.seenBy(dsg).isEmpty());
            assertNotSame(CoauthorIndex.graph(dsg, null), CoauthorIndex.graph(dsg, null), "nothing shared without a key");
            assertEquals(fast, answers(store), "and the same answers");
        }
    }

    @Test
    void afterCompactionTheIndexReadsTheNewStorage() {
        try (GraphStore store = sampleStore()) {
            DatasetGraph dsg = store.datasetGraph();
            List<List<Map<String, String>>> before = answers(store);
            CommittedState old = CommittedState.seenBy(dsg).orElseThrow();

            DatabaseMgr.compact(store.storage(), true); // TDB2 itself, under the text-indexed view

            assertNotEquals(old.store(), CommittedState.seenBy(dsg).orElseThrow().store());
            assertEquals(before, answers(store));
            assertEquals(plain(store), answers(store));
        }
    }

    private GraphStore sampleStore() {
        GraphStore store = GraphStore.open(dir.resolve("store"));
        Path digest = TestWorld.repositoryRoot().resolve("data/2026-02-23.md");
        assertTrue(new DigestLoader(store).load(digest, null).clean());
        return store;
    }

    /** The indexed named queries' answers, each in its own read transaction. */
    private static List<List<Map<String, String>>> answers(GraphStore store) {
        return Txn.calculateRead(store.datasetGraph(), () -> List.of(
                NamedQueriesTest.runCanonical(store, "coauthors", AUTHOR),
                NamedQueriesTest.runCanonical(store, "two-hop", AUTHOR),
                NamedQueriesTest.runCanonical(store, "top-pairs", Map.of())));
    }

    /** The same questions in plain SPARQL over the authorships. */
    private static List<List<Map<String, String>>> plain(GraphStore store) {
        return List.of(
                NamedQueriesTest.runPlain(store, "coauthors", AUTHOR),
                NamedQueriesTest.runPlain(store, "two-hop", AUTHOR),
                NamedQueriesTest.runPlain(store, "top-pairs", Map.of()));
    }
}
