package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.storage.Exporter;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.RdfSyntax;
import org.digestkg.storage.Stats;
import org.digestkg.storage.StoredDigests;
import org.digestkg.storage.tdb.StoreFootprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg compact} gives back what removals and re-additions left behind: the store shrinks, holds the same quads,
 * and what it keeps beside it (the co-author network, the counts, the list of stored digests) is current for its new
 * state instead of being rebuilt by the next reader.
 */
class CompactCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aStoreGrownByRemovalsAndReAdditionsShrinksToTheSameDataWithWhatItKeepsCurrent() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = TestDigests.slidingDays(dir, 5, 12, 5);
        Path store = tmp.resolve("store");
        run("build", "--store", store.toString(), dir.toString());
        long built = size(store);
        for (int i = 0; i < 3; i++) {
            // each write copies the index blocks it touches and keeps the old ones
            run("remove", "--store", store.toString(), days.get(2));
            run("build", "--store", store.toString(), dir.resolve(days.get(2) + ".md").toString());
        }
        long grown = size(store);
        assertTrue(grown > built, "the writes grew the store: " + built + " -> " + grown);
        String[] quads = quads(store);

        var r = KgCommandLineTest.kg("compact", "--store", store.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("Compacted " + store), r.out());
        assertTrue(r.out().contains(" MB -> "), "says what it freed: " + r.out());

        long compacted = size(store);
        assertTrue(compacted < grown, "compacted " + grown + " -> " + compacted);
        assertArrayEquals(quads, quads(store), "the same quads");
        try (Stream<Path> data = Files.list(store)) {
            assertEquals(List.of("Data-0002"), data.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Data-")).toList(), "the old storage is gone");
        }
        Optional<Stats> counts = Stats.kept(store);
        assertTrue(counts.isPresent(), "the counts are kept for the new state");
        List<Path> files = days.stream().map(d -> dir.resolve(d + ".md")).toList();
        assertTrue(StoredDigests.allUnchanged(store, files, null).isPresent(),
                "re-adding the digests is known to change nothing without opening the store");
        try (GraphStore s = GraphStore.open(store)) {
            Optional<CoauthorGraph> kept = StoredNetwork.kept(s);
            assertTrue(kept.isPresent(), "the co-author network is kept for the new state");
            assertTrue(kept.get().sameAs(CoauthorGraph.load(s)), "and is the store's");
            Files.delete(store.resolve("stats.txt"));   // so that Stats.of counts
            assertEquals(Stats.of(s), counts.get(), "and are the store's");
            assertEquals(java.util.Map.of(), s.text().compare(), "the search index agrees with the store");
        }
    }

    @Test
    void buildAndRemoveSayWhenTheDataHasDoubledSinceTheLastCompaction() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = TestDigests.slidingDays(dir, 5, 12, 5);
        Path store = tmp.resolve("store");
        var first = KgCommandLineTest.kg("build", "--store", store.toString(), dir.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(!first.err().contains("has grown"), first.err());
        assertTrue(Files.exists(store.resolve("compacted-size.txt")), "the first build's size is the measure");

        String said = "";
        for (int i = 0; i < 20 && said.isEmpty(); i++) {
            for (String[] args : List.of(new String[] {"remove", "--store", store.toString(), days.get(2)},
                    new String[] {"build", "--store", store.toString(), dir.resolve(days.get(2) + ".md").toString()})) {
                var r = KgCommandLineTest.kg(args);
                assertEquals(0, r.exit(), r.out() + r.err());
                if (r.err().contains("has grown")) said = r.err();
            }
        }
        assertTrue(said.contains("since it was last compacted: `kg compact --store " + store + "`"),
                "said once the data doubled: " + said);
        assertTrue(size(store) >= 2 * Long.parseLong(Files.readString(store.resolve("compacted-size.txt")).strip()));

        run("compact", "--store", store.toString());
        assertEquals(size(store), Long.parseLong(Files.readString(store.resolve("compacted-size.txt")).strip()),
                "the compacted size is the measure from now on");
        var removed = KgCommandLineTest.kg("remove", "--store", store.toString(), days.get(2));
        assertTrue(!removed.err().contains("has grown"), "measured again from the compaction: " + removed.err());
    }

    @Test
    void aCompactionKilledMidwayLeavesTheStoreAsItWas() throws Exception {
        Path dir = tmp.resolve("digests");
        TestDigests.slidingDays(dir, 6, 12, 5);
        Path store = tmp.resolve("store");
        run("build", "--store", store.toString(), dir.toString());
        String[] quads = quads(store);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process compact = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Kg.class.getName(),
                "compact", "--store", store.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("compact.out").toFile()).start();
        // TDB2 writes the new storage into Data-0002-tmp and renames it when complete: kill it while it writes
        Path unfinished = store.resolve("Data-0002-tmp");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(unfinished) && compact.isAlive() && System.nanoTime() < giveUp) {
            Thread.sleep(1);
        }
        assertTrue(Files.exists(unfinished), "the compaction began: " + Files.readString(tmp.resolve("compact.out")));
        compact.destroyForcibly(); // SIGKILL
        assertTrue(compact.waitFor(1, TimeUnit.MINUTES));

        assertArrayEquals(quads, quads(store), "the same quads after the kill");
        run("compact", "--store", store.toString());
        assertArrayEquals(quads, quads(store), "and after compacting it again");
        try (Stream<Path> data = Files.list(store)) {
            assertEquals(1, data.filter(p -> p.getFileName().toString().startsWith("Data-")).count(),
                    "one storage folder: the unfinished one is gone");
        }
    }

    private static String[] quads(Path store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GraphStore s = GraphStore.openWithoutSearch(store)) {
            new Exporter(s).export(RdfSyntax.NQ, null, out);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        Arrays.sort(lines);
        assertTrue(lines.length > 1_000, "a real store: " + lines.length);
        return lines;
    }

    /** The bytes of the store's data: its files are made 8 MB at a time, ahead of use, so their sizes do not tell. */
    private static long size(Path store) {
        try (GraphStore s = GraphStore.openWithoutSearch(store)) {
            return StoreFootprint.bytes(s.storage()).orElseThrow();
        }
    }

    private static void run(String... args) {
        var r = KgCommandLineTest.kg(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.out() + r.err());
    }
}
