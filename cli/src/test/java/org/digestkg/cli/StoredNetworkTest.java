package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.digestkg.storage.QuadTap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-authorship network the store keeps in its folder is always the one a fresh read of the store gives: after
 * builds, a replaced digest, a removal, a build killed with SIGKILL, and a file cut short or altered. The build and
 * {@code kg remove} keep it current themselves; a reader that finds it for another state or unusable reads the
 * store again and replaces it.
 */
class StoredNetworkTest {

    @TempDir
    Path tmp;

    @Test
    void theKeptNetworkEqualsAFreshOneAfterBuildsReplacementsRemovalsAndAKilledBuild() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = TestDigests.slidingDays(dir, 16, 12, 5);
        Path store = tmp.resolve("store");

        run("build", "--store", store.toString(), dir.resolve(days.get(0) + ".md").toString(),
                dir.resolve(days.get(1) + ".md").toString());
        assertKeptAndFresh(store, "after a first build");

        // a changed digest replaces its graph: papers leave, others come
        Path changed = dir.resolve(days.get(1) + ".md");
        List<String> entries = TestDigests.entries(dir.resolve(days.get(5) + ".md"));
        TestDigests.write(changed, TestDigests.digest(entries.subList(0, 4)));
        run("build", "--store", store.toString(), changed.toString());
        assertKeptAndFresh(store, "after a replacement");

        run("remove", "--store", store.toString(), days.get(0));
        assertKeptAndFresh(store, "after a removal");

        // a build killed between commits leaves the file for an older state: it is never taken for the new one
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-Dkg.bulkFrom=2", "-Dkg.bulkChunk=2", "-cp",
                System.getProperty("java.class.path"), Kg.class.getName(), "build", "--store", store.toString(),
                dir.toString()).redirectError(tmp.resolve("build.err").toFile()).start();
        int loaded = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("loaded") && ++loaded == 4) {
                    build.destroyForcibly(); // SIGKILL: the build never gets to bring the file up to date
                    break;
                }
            }
        } finally {
            build.destroyForcibly();
        }
        assertTrue(build.waitFor(1, TimeUnit.MINUTES));
        assertTrue(build.exitValue() != 0, "killed, not finished");
        try (GraphStore s = GraphStore.open(store)) {
            assertTrue(StoredNetwork.kept(s).isEmpty(), "the file is for the state before the killed build");
            assertTrue(StoredNetwork.graph(s).sameAs(CoauthorGraph.load(s)), "a reader reads the store again");
            assertTrue(StoredNetwork.kept(s).isPresent(), "and keeps what it read");
        }
        assertKeptAndFresh(store, "after a reader replaced the killed build's file");

        run("build", "--store", store.toString(), dir.toString());
        assertKeptAndFresh(store, "after the rerun");
    }

    @Test
    void aFirstBuildKeepsTheNetworkItWroteReadingBackOnlyThePapersItSettled() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = TestDigests.slidingDays(dir, 12, 12, 5);
        // under --strict the last day fails (its table of contents claims an entry too many): the papers it re-lists
        // were loaded from earlier days, and the bulk load settles their listings in the store afterwards
        Path last = dir.resolve(days.get(11) + ".md");
        TestDigests.write(last, TestDigests.read(last).replace("[Total: 12]", "[Total: 13]"));
        Path store = tmp.resolve("store");
        try (GraphStore s = GraphStore.open(store)) {
            QuadTap seen = StoredNetwork.collector(s);
            List<LoadResult> results = new ArrayList<>();
            new DigestLoader(s).strict(true).tap(seen).loadAll(DigestFiles.expand(List.of(dir)), null, results::add);
            assertEquals(LoadResult.Status.FAILED, results.get(11).status());
            Set<LocalDate> loaded = results.stream().filter(r -> r.status() == LoadResult.Status.LOADED)
                    .map(LoadResult::date).collect(Collectors.toSet());
            assertEquals(11, loaded.size());
            assertEquals(StoredNetwork.Kept.COLLECTED, StoredNetwork.update(s, Optional.empty(), loaded, seen));
            assertSame(QuadTap.NONE, StoredNetwork.collector(s), "a store that holds anything is not collected");
        }
        assertKeptAndFresh(store, "after a first build kept what it wrote");

        // the days kept with it are right too: a replacement is brought in line from them
        Path changed = dir.resolve(days.get(3) + ".md");
        TestDigests.write(changed, TestDigests.digest(TestDigests.entries(dir.resolve(days.get(9) + ".md")).subList(0, 4)));
        run("build", "--store", store.toString(), changed.toString());
        assertKeptAndFresh(store, "after a replacement following the first build");

        // a first build in chunks settles, in each chunk, the papers earlier chunks listed; its network's facts
        // sorted on disk in runs of 50
        Path chunked = tmp.resolve("chunked");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-Dkg.bulkFrom=2", "-Dkg.bulkChunk=3", "-Dkg.firstChunk=3",
                "-Ddigestkg.networkSpillInMemory=50", "-cp",
                System.getProperty("java.class.path"), Kg.class.getName(), "build", "-q", "--store", chunked.toString(),
                dir.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("build.out").toFile()).start();
        assertTrue(build.waitFor(2, TimeUnit.MINUTES), "the chunked build finished");
        assertEquals(0, build.exitValue(), Files.readString(tmp.resolve("build.out")));
        assertKeptAndFresh(chunked, "after a first build in chunks");
    }

    @Test
    void aFileCutShortOrAlteredIsReadAgainFromTheStoreNeverTrusted() throws Exception {
        Path dir = tmp.resolve("digests");
        TestDigests.slidingDays(dir, 3, 12, 5);
        Path store = tmp.resolve("store");
        run("build", "--store", store.toString(), dir.toString());
        Path file = store.resolve(StoredNetwork.FILE);
        long length = Files.size(file);

        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length / 2);
        }
        assertRebuilt(store, "cut short");

        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(length / 3);
            int b = f.read();
            f.seek(length / 3);
            f.write(b ^ 0x20); // one flipped bit in the middle
        }
        assertRebuilt(store, "altered");

        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(7);
            f.write(99); // another format version
        }
        assertRebuilt(store, "of another format");
    }

    private static void assertRebuilt(Path store, String what) {
        try (GraphStore s = GraphStore.open(store)) {
            assertTrue(StoredNetwork.kept(s).isEmpty(), "a file " + what + " is not used");
            CoauthorGraph read = StoredNetwork.graph(s);
            assertTrue(read.sameAs(CoauthorGraph.load(s)), "a file " + what + " is replaced by the store's network");
            assertTrue(read.paperCount() > 0);
        }
        assertKeptAndFresh(store, "after the file was " + what);
    }

    /** The file is current for the store's state, and what it holds is what reading the store gives. */
    private static void assertKeptAndFresh(Path store, String when) {
        try (GraphStore s = GraphStore.open(store)) {
            Optional<CoauthorGraph> kept = StoredNetwork.kept(s);
            assertTrue(kept.isPresent(), "the kept network is current " + when);
            CoauthorGraph fresh = CoauthorGraph.load(s);
            assertTrue(fresh.paperCount() > 0, when);
            assertTrue(kept.get().sameAs(fresh), "the kept network equals a fresh one " + when);
            assertEquals(fresh.linkCount(), kept.get().linkCount(), when);
        }
    }

    private static void run(String... args) {
        var r = KgCommandLineTest.kg(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.out() + r.err());
    }
}
