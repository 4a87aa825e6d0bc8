package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts kept in the store's folder are the ones counting the store gives, whatever happened since they were
 * kept: a digest added or removed makes them count again, and a file cut short or altered is never trusted.
 */
class StatsFileTest {

    @TempDir
    Path tmp;

    @Test
    void keptCountsAreUsedOnlyForTheStateTheyWereCountedIn() throws Exception {
        Path dir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(dir)) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(Samples.feb04(), null);
            Stats first = Stats.of(store);
            Path file = dir.resolve(StatsFile.NAME);
            assertTrue(Files.exists(file), "the counts are kept");
            String key = org.digestkg.storage.tdb.CommittedState.seenBy(store.datasetGraph()).orElseThrow().key();
            assertEquals(java.util.Optional.of(first), StatsFile.read(file, key),
                    "the kept counts are read back for the state they were counted in");
            assertEquals(first, Stats.of(store));

            loader.load(Samples.feb23(), null);
            Stats second = Stats.of(store);
            assertNotEquals(first, second, "a new digest is counted, not the kept counts used");
            assertEquals(counted(store), second);
            assertEquals(2, second.digests());

            loader.remove(LocalDate.parse("2026-02-04"));
            Stats afterRemoval = Stats.of(store);
            assertEquals(counted(store), afterRemoval, "after a removal");
            assertEquals(1, Stats.of(store).digests());

            // another store's counts under this file name: the state does not match, so they are not used
            String text = Files.readString(file);
            Files.writeString(file, text.replace("counts ", "counts 9"));
            Stats read = Stats.of(store);
            assertEquals(counted(store), read, "an altered count fails the checksum");
            Files.writeString(file, text.substring(0, text.length() / 2));
            read = Stats.of(store);
            assertEquals(counted(store), read, "a file cut short is not trusted");
        }
    }

    /** Counted from the store itself, with the file out of the way (call after reading what the file gives). */
    private static Stats counted(GraphStore store) throws Exception {
        Files.deleteIfExists(store.dir().resolve(StatsFile.NAME));
        return Txn.calculateRead(store.datasetGraph(), () -> Stats.of(store));
    }

    @Test
    void keptCountsAreReadWithoutOpeningTheStoreWhileItIsInTheirState() throws Exception {
        Path dir = tmp.resolve("store");
        Stats counted;
        try (GraphStore store = GraphStore.open(dir)) {
            new DigestLoader(store).load(Samples.feb04(), null);
            counted = Stats.of(store);
        }
        assertEquals(Optional.empty(), Stats.kept(dir), "no list of the store's state kept yet");
        try (GraphStore store = GraphStore.open(dir)) {
            StoredDigests.keep(store);
            assertEquals(Optional.empty(), Stats.kept(dir), "the store is open");
        }
        assertEquals(Optional.of(counted), Stats.kept(dir));
        try (GraphStore store = GraphStore.open(dir)) {
            new DigestLoader(store).load(Samples.feb23(), null);
        }
        assertEquals(Optional.empty(), Stats.kept(dir), "the store changed");
    }
}
