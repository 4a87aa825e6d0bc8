package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg build} and {@code kg remove} leave the store's counts kept for the state they committed, so the {@code kg
 * stats} after them reads them without opening the store; and those counts are the store's.
 */
class KeptStatsTest {

    @TempDir
    Path tmp;

    @Test
    void theStatsAfterABuildOrARemovalAreReadyAndRight() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = TestDigests.slidingDays(dir, 4, 12, 5);
        Path store = tmp.resolve("store");

        run("build", "--store", store.toString(), file(dir, days.get(0)), file(dir, days.get(1)));
        assertKeptAndRight(store, "after a first build");
        run("build", "--store", store.toString(), file(dir, days.get(2)));
        assertKeptAndRight(store, "after adding a day");
        // a changed digest replaces its graph
        TestDigests.write(dir.resolve(days.get(1) + ".md"),
                TestDigests.digest(TestDigests.entries(dir.resolve(days.get(3) + ".md")).subList(0, 4)));
        run("build", "--store", store.toString(), file(dir, days.get(1)));
        assertKeptAndRight(store, "after a replacement");
        run("remove", "--store", store.toString(), days.get(0));
        assertKeptAndRight(store, "after a removal");

        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().lines().anyMatch(l -> l.matches("digests +2")), stats.out());
    }

    private static String file(Path dir, String day) {
        return dir.resolve(day + ".md").toString();
    }

    /** Counts kept for the closed store's state, found without opening it, equal to counting the store. */
    private static void assertKeptAndRight(Path store, String when) throws Exception {
        Optional<Stats> kept = Stats.kept(store);
        assertTrue(kept.isPresent(), "counts kept " + when);
        Files.delete(store.resolve("stats.txt"));
        try (GraphStore s = GraphStore.open(store)) {
            Stats counted = Stats.of(s);
            assertTrue(counted.papers() > 0, when);
            assertEquals(counted, kept.get(), "the kept counts " + when);
        }
    }

    private static void run(String... args) {
        var r = KgCommandLineTest.kg(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.out() + r.err());
    }
}
