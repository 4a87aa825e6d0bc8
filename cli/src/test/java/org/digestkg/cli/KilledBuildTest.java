package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a {@code kg build} halfway through leaves a store that opens and answers, holding every
 * digest it committed complete and nothing of the one it was writing; building again completes it, and the
 * result is the graph a build that was never interrupted gives.
 */
class KilledBuildTest {

    private static final int DIGESTS = 40;
    private static final int PER_DIGEST = 30;
    /** Consecutive days share PER_DIGEST - STEP papers, so each load also rewrites earlier digests' graphs. */
    private static final int STEP = 10;
    private static final int KILL_AFTER = 5;

    @TempDir
    Path tmp;

    @Test
    void aBuildKilledHalfwayLeavesAConsistentStoreThatARerunCompletes() throws Exception {
        long t0 = System.nanoTime();
        Path dir = tmp.resolve("digests");
        List<String> days = writeDigests(dir);
        Path store = tmp.resolve("store");
        Path log = tmp.resolve("build.err");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // bulk transactions of 5 digests, the first too (a first build is otherwise one load), so the kill lands
        // between commits as well as inside one
        Process build = new ProcessBuilder(java, "-Dkg.bulkFrom=2", "-Dkg.bulkChunk=5", "-Dkg.firstChunk=5", "-cp", System.getProperty("java.class.path"), Kg.class.getName(),
                "build", "--store", store.toString(), dir.toString())
                .redirectError(log.toFile()).start();
        List<String> seen = new ArrayList<>();
        int loaded = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("loaded") && ++loaded == KILL_AFTER) {
                    build.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no close
                    break;
                }
            }
        } finally {
            build.destroyForcibly();
        }
        assertTrue(build.waitFor(30, TimeUnit.SECONDS), "the build was killed");
        assertEquals(KILL_AFTER, loaded, "the build printed " + seen + "\n" + Files.readString(log));
        assertTrue(build.exitValue() != 0, "killed, not finished");
        long killedAt = System.nanoTime();

        // the store opens and answers
        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        assertEquals(0, stats.exit(), stats.err());
        Matcher m = Pattern.compile("(?m)^digests\\s+(\\d+)").matcher(stats.out());
        assertTrue(m.find(), stats.out());
        int stored = Integer.parseInt(m.group(1));
        assertTrue(stored >= KILL_AFTER && stored < DIGESTS, "killed halfway: " + stored + " digests stored");

        // the digests stored are the first ones, each complete: as many papers as its table of contents claims
        Map<String, long[]> graphs = digestGraphs(store);
        assertEquals(days.subList(0, stored), List.copyOf(graphs.keySet()), "a prefix of the days, in order");
        graphs.forEach((day, counts) -> {
            assertEquals(PER_DIGEST, counts[0], day + " claims");
            assertEquals(counts[0], counts[1], day + ": papers in its graph");
            assertEquals(counts[0], counts[2], day + ": appearances in its graph");
        });

        // and the latest-listing rule holds across them: each paper's facts are in exactly one digest's graph
        var held = KgCommandLineTest.kg("query", "--store", store.toString(), "--format", "csv", "-e", """
                PREFIX dkg: <https://w3id.org/digest-kg/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT (COUNT(*) AS ?n) {
                  { SELECT ?p (COUNT(DISTINCT ?g) AS ?holders)
                    { ?p a dkg:Paper OPTIONAL { GRAPH ?g { ?p dcterms:title ?t } } } GROUP BY ?p }
                  FILTER (?holders != 1)
                }""");
        assertEquals(0, held.exit(), held.err());
        assertEquals("0", held.out().strip().lines().reduce((a, b) -> b).orElseThrow().strip(), held.out());

        // building again completes it: what was stored is unchanged, the rest loads
        var rerun = KgCommandLineTest.kg("build", "--store", store.toString(), dir.toString());
        assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
        assertEquals(stored, rerun.out().lines().filter(l -> l.startsWith("unchanged")).count(), rerun.out());
        assertTrue(rerun.out().contains((DIGESTS - stored) + " digests loaded, " + stored + " unchanged, 0 failed"),
                rerun.out());
        long rerunDone = System.nanoTime();

        // and gives exactly what a build that was never interrupted gives
        Path clean = tmp.resolve("clean");
        var fresh = KgCommandLineTest.kg("build", "--store", clean.toString(), dir.toString());
        assertEquals(0, fresh.exit(), fresh.out() + fresh.err());
        DatasetGraph resumed = TestDigests.snapshot(store);
        DatasetGraph expected = TestDigests.snapshot(clean);
        assertEquals(expected.stream().count(), resumed.stream().count());
        assertTrue(IsoMatcher.isomorphic(expected, resumed), "the resumed build equals a clean one");
        assertEquals(DIGESTS, digestGraphs(store).size());
        System.out.printf("KilledBuildTest: killed after %d stored digests at %.1f s, rerun done at %.1f s, total %.1f s%n",
                stored, (killedAt - t0) / 1e9, (rerunDone - t0) / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void aFirstBuildStoppedWhileWritingItsIndexesLeavesAStoreThatOpensEmptyAndBuildsAgain() throws Exception {
        Path dir = tmp.resolve("digests");
        writeDigests(dir);
        Path store = tmp.resolve("store");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the first chunk is the store's first load, written packed: stop dead with three of its six quad indexes written
        Process build = new ProcessBuilder(java, "-Dkg.bulkFrom=2", "-Dkg.bulkChunk=20",
                "-Ddigestkg.faults.haltAfterPackedIndexes=3", "-cp", System.getProperty("java.class.path"),
                Kg.class.getName(), "build", "--store", store.toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the build stopped");
        assertEquals(137, build.exitValue(), "stopped dead: " + Files.readString(tmp.resolve("build.log")));
        assertTrue(Files.exists(store.resolve("first-load.unfinished")), "the store says its first load did not finish");

        // the store opens, empty: the indexes half written are gone with the rest of that load
        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().matches("(?s).*(?m)^digests\\s+0$.*"), stats.out());
        assertFalse(Files.exists(store.resolve("first-load.unfinished")));

        // building again loads every digest, and gives what a build that was never stopped gives
        var rerun = KgCommandLineTest.kg("build", "--store", store.toString(), dir.toString());
        assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains(DIGESTS + " digests loaded, 0 unchanged, 0 failed"), rerun.out());
        assertSameAsACleanBuild(dir, store);
    }

    @Test
    void aFirstBuildKilledWhileReadingLeavesAStoreThatOpensEmptyWithoutTheQuadsItSortedOnDisk() throws Exception {
        Path dir = tmp.resolve("digests");
        writeDigests(dir);
        Path store = tmp.resolve("store");
        Path runs = store.resolve("first-load.runs");
        // a first build is one load; holding 2,000 quads in memory, it sorts the rest into runs in the store's folder
        List<String> spilling = List.of("-Dkg.bulkFrom=2", "-Ddigestkg.packedQuadsInMemory=2000");
        Process build = kg(spilling, "build", "--store", store.toString(), dir.toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (build.isAlive() && !hasFiles(runs) && System.nanoTime() < deadline) Thread.sleep(5);
        build.destroyForcibly(); // SIGKILL while the digests are read: nothing committed, runs on disk
        assertTrue(build.waitFor(30, TimeUnit.SECONDS));
        assertTrue(build.exitValue() != 0, "killed, not finished: " + Files.readString(tmp.resolve("kg.log")));
        assertTrue(Files.exists(store.resolve("first-load.unfinished")), "the store says its first load did not finish");

        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().matches("(?s).*(?m)^digests\\s+0$.*"), stats.out());
        assertFalse(Files.exists(runs), "the sorted quads went with the load");
        assertFalse(Files.exists(store.resolve("first-load.unfinished")));

        // building again, through the runs again, gives what a build held in memory gives
        Process rerun = kg(spilling, "build", "--store", store.toString(), dir.toString());
        assertTrue(rerun.waitFor(5, TimeUnit.MINUTES));
        String out = Files.readString(tmp.resolve("kg.log"));
        assertEquals(0, rerun.exitValue(), out);
        assertTrue(out.contains(DIGESTS + " digests loaded, 0 unchanged, 0 failed"), out);
        assertFalse(Files.exists(runs), "the runs are deleted once the indexes are written");
        assertSameAsACleanBuild(dir, store);
    }

    @Test
    void aFirstBuildIsOneLoadWhateverItsSizeAndLaterBuildsCommitInChunks() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = writeDigests(dir);
        Path store = tmp.resolve("store");
        // chunks of 5 digests, and BulkLoad's own line for each load it makes
        List<String> options = List.of("-Dkg.bulkFrom=2", "-Dkg.bulkChunk=5",
                "-Dorg.slf4j.simpleLogger.log.org.digestkg.storage.BulkLoad=debug");
        List<String> first = new ArrayList<>(List.of("build", "--store", store.toString()));
        List<String> later = new ArrayList<>(first);
        days.subList(0, 20).forEach(d -> first.add(dir.resolve(d + ".md").toString()));
        days.subList(20, DIGESTS).forEach(d -> later.add(dir.resolve(d + ".md").toString()));

        Process build = kg(options, first.toArray(String[]::new));
        assertTrue(build.waitFor(5, TimeUnit.MINUTES));
        String log = Files.readString(tmp.resolve("kg.log"));
        assertEquals(0, build.exitValue(), log);
        assertEquals(List.of("bulk load of 20 digests"), loads(log), "into an empty store: one load, " + log);

        build = kg(options, later.toArray(String[]::new));
        assertTrue(build.waitFor(5, TimeUnit.MINUTES));
        log = Files.readString(tmp.resolve("kg.log"));
        assertEquals(0, build.exitValue(), log);
        assertEquals(Collections.nCopies(4, "bulk load of 5 digests"), loads(log), "into a store that holds some, " + log);
    }

    private static List<String> loads(String log) {
        return Pattern.compile("bulk load of \\d+ digests").matcher(log).results().map(MatchResult::group).toList();
    }

    /** The store holds what a build of {@code dir} into a new store, never stopped, gives. */
    private void assertSameAsACleanBuild(Path dir, Path store) {
        Path clean = tmp.resolve("clean");
        var fresh = KgCommandLineTest.kg("build", "--store", clean.toString(), dir.toString());
        assertEquals(0, fresh.exit(), fresh.out() + fresh.err());
        DatasetGraph expected = TestDigests.snapshot(clean);
        DatasetGraph found = TestDigests.snapshot(store);
        assertTrue(IsoMatcher.isomorphic(expected, found), () -> TestDigests.difference(expected, found));
    }

    /** {@code kg} in a process of its own, its output in {@code kg.log}. */
    private Process kg(List<String> jvmOptions, String... args) throws IOException {
        return KgCommandLineTest.process(jvmOptions, args).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("kg.log").toFile()).start();
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }

    /** DIGESTS days from 2026-01-01, each PER_DIGEST sample entries, sliding by STEP through both samples. */
    private static List<String> writeDigests(Path dir) {
        return TestDigests.slidingDays(dir, DIGESTS, PER_DIGEST, STEP);
    }

    /** Per stored digest graph, by day: the papers its table of contents claims, papers and appearances in it. */
    private static Map<String, long[]> digestGraphs(Path store) {
        var r = KgCommandLineTest.kg("query", "--store", store.toString(), "--format", "tsv", "-e", """
                PREFIX dkg: <https://w3id.org/digest-kg/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?day ?claimed ?papers ?appearances WHERE {
                  { SELECT ?g (SUM(?n) AS ?claimed) { GRAPH ?g { ?g dkg:categoryCount/dkg:claimedCount ?n } } GROUP BY ?g }
                  { SELECT ?g (COUNT(DISTINCT ?p) AS ?papers) (COUNT(DISTINCT ?a) AS ?appearances)
                    { GRAPH ?g { ?a a dkg:Appearance ; dkg:paper ?p } } GROUP BY ?g }
                  GRAPH ?g { ?g a dkg:Digest ; dcterms:date ?date }
                  BIND (STR(?date) AS ?day)
                } ORDER BY ?day""");
        assertEquals(0, r.exit(), r.err());
        Map<String, long[]> graphs = new TreeMap<>();
        r.out().lines().skip(1).forEach(line -> {
            String[] cols = line.split("\t");
            graphs.put(cols[0].replace("\"", ""), new long[] {
                    Long.parseLong(cols[1]), Long.parseLong(cols[2]), Long.parseLong(cols[3])});
        });
        return graphs;
    }
}
