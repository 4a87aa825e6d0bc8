package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's first load, written packed, is not crash-safe; the mark it keeps while under way makes the next open
 * empty a store it left unfinished, and building again gives the store an uninterrupted build gives.
 */
class FirstLoadTest {

    @TempDir
    Path tmp;

    @Test
    void aFirstLoadLeavesNoMarkWhenItFinishes() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
            assertFalse(Files.exists(store.dir().resolve(FirstLoad.MARK)));
        }
    }

    @Test
    void aStoreMarkedByAnUnfinishedFirstLoadIsEmptiedWhenOpenedAndBuildsAgainAsNew() throws Exception {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        DatasetGraph expected;
        try (GraphStore store = GraphStore.open(tmp.resolve("clean"))) {
            new DigestLoader(store).loadAll(files, null, r -> assertTrue(r.clean(), r.toString()));
            expected = DigestLoaderTest.snapshot(store);
        }
        Path dir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(dir)) {
            new DigestLoader(store).loadAll(files, null, r -> { });
            assertTrue(indexedTexts(store) > 0);
        }
        // as a process stopped in the middle of the load leaves it (KilledBuildTest stops one for real)
        Files.writeString(dir.resolve(FirstLoad.MARK), "left by a process that is gone\n");
        try (GraphStore store = GraphStore.open(dir)) {
            assertFalse(Files.exists(dir.resolve(FirstLoad.MARK)), "the mark is gone");
            assertTrue(Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().isEmpty()), "no quads");
            assertEquals(0, indexedTexts(store), "no texts");
            List<LoadResult> again = new java.util.ArrayList<>();
            new DigestLoader(store).loadAll(files, null, again::add);
            assertTrue(again.stream().allMatch(r -> r.status() == LoadResult.Status.LOADED), again.toString());
            assertTrue(IsoMatcher.isomorphic(expected, DigestLoaderTest.snapshot(store)));
            assertTrue(indexedTexts(store) > 0);
        }
    }

    @Test
    void theMarkOfAFirstLoadUnderWayInThisProcessIsNotTakenForAnInterruptedOne() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        Path dir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(dir)) {
            new DigestLoader(store).loadAll(files, null, r -> { });
            FirstLoad.begin(dir); // as while the load writes its indexes: a second opening here must leave it be
            try (GraphStore again = GraphStore.open(dir)) {
                assertFalse(Txn.calculateRead(again.datasetGraph(), () -> again.datasetGraph().isEmpty()));
            } finally {
                FirstLoad.done(dir);
            }
            assertFalse(Files.exists(dir.resolve(FirstLoad.MARK)));
            assertTrue(indexedTexts(store) > 0);
        }
    }

    private static long indexedTexts(GraphStore store) {
        return store.text().texts();
    }
}
