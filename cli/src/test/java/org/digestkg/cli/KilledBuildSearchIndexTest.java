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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed at any point leaves the search index and the store agreeing, or the next open sees that they may
 * not and makes them agree: {@code kg index --check}, run afterwards in a fresh process, compares them text by text.
 * Builds run as real processes; one is killed with SIGKILL after some digests, others stop dead at the worst moment
 * (TDB2 has committed, the index has not) through a fault-injection point.
 */
class KilledBuildSearchIndexTest {

    private static final int DIGESTS = 12;
    private static final int PER_DIGEST = 12;

    @TempDir
    Path tmp;

    @Test
    void aBulkBuildStoppedBetweenTheStoresCommitAndTheIndexsIsRepairedWhenTheStoreIsNextOpened() throws Exception {
        Path dir = tmp.resolve("digests");
        writeDigests(dir);
        Path store = tmp.resolve("store");
        // transactions of 4 digests; stop dead at the second commit, after TDB2's commit point
        Process build = kg(List.of("-Dkg.bulkFrom=2", "-Dkg.bulkChunk=4", "-Dkg.firstChunk=4",
                "-Ddigestkg.faults.haltBeforeTextCommit=2"),
                "build", "--store", store.toString(), dir.toString());
        assertTrue(build.waitFor(10, TimeUnit.MINUTES));
        assertEquals(137, build.exitValue(), "stopped dead: " + err(build));
        assertTrue(Files.exists(store.resolve("text/pending-graphs")), "the index knows which graphs were in flight");
        assertRepairedAndInStep(store, 8);
    }

    @Test
    void aFewDigestBuildStoppedBetweenTheStoresCommitAndTheIndexsIsRepairedWhenTheStoreIsNextOpened() throws Exception {
        Path dir = tmp.resolve("digests");
        List<String> days = writeDigests(dir);
        Path store = tmp.resolve("store");
        // the few-digest path, one transaction per digest: stop dead at the third
        List<String> few = new ArrayList<>(List.of("build", "--store", store.toString()));
        days.subList(0, 4).forEach(d -> few.add(dir.resolve(d + ".md").toString()));
        Process build = kg(List.of("-Dkg.batchQuads=1", "-Ddigestkg.faults.haltBeforeTextCommit=3"),
                few.toArray(String[]::new));
        assertTrue(build.waitFor(10, TimeUnit.MINUTES));
        assertEquals(137, build.exitValue(), "stopped dead: " + err(build));
        assertRepairedAndInStep(store, 3);
    }

    @Test
    void aBuildKilledWithSigkillLeavesIndexAndStoreAgreeing() throws Exception {
        Path dir = tmp.resolve("digests");
        writeDigests(dir);
        Path store = tmp.resolve("store");
        Process build = kg(List.of("-Dkg.bulkFrom=2", "-Dkg.bulkChunk=3", "-Dkg.firstChunk=3"), "build", "--store", store.toString(),
                dir.toString());
        int loaded = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("loaded") && ++loaded == 7) {
                    build.destroyForcibly(); // SIGKILL while the third transaction is being read and indexed
                    break;
                }
            }
        } finally {
            build.destroyForcibly();
        }
        assertTrue(build.waitFor(1, TimeUnit.MINUTES));
        assertTrue(build.exitValue() != 0, "killed, not finished");
        var check = KgCommandLineTest.kg("index", "--check", "--store", store.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("the index holds exactly the store's texts"), check.out());
        assertFalse(Files.exists(store.resolve("texts-to-index.tmp")),
                "texts a killed bulk load kept for the index are dropped when the store is opened");
    }

    /** In a new process: the repair is announced, the index then holds exactly the store's texts and finds them. */
    private void assertRepairedAndInStep(Path store, int digestsStored) throws Exception {
        Process check = kg(List.of(), "index", "--check", "--store", store.toString());
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(5, TimeUnit.MINUTES));
        String err = err(check);
        assertEquals(0, check.exitValue(), out + err);
        assertTrue(err.contains("may have missed the last write before the process stopped"), err);
        assertTrue(out.contains("the index holds exactly the store's texts"), out);
        assertTrue(Files.notExists(store.resolve("text/pending-graphs")));
        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        Matcher m = Pattern.compile("(?m)^digests\\s+(\\d+)").matcher(stats.out());
        assertTrue(m.find(), stats.out());
        assertEquals(digestsStored, Integer.parseInt(m.group(1)), "TDB2 kept the transaction it had committed");
        // the last digest TDB2 committed is searchable: its day's listings are found by a word of their titles
        String day = LocalDate.of(2026, 1, 1).plusDays(digestsStored - 1).toString();
        var found = KgCommandLineTest.kg("search", "--store", store.toString(), "--since", day, "--format", "csv",
                "--limit", "0", "model OR 模型 OR learning");
        assertEquals(0, found.exit(), found.err());
        assertTrue(found.out().lines().count() > 1, "papers of " + day + " are found: " + found.out());
    }

    private Process kg(List<String> jvmOptions, String... args) throws IOException {
        Path err = Files.createTempFile(tmp, "kg", ".err");
        Process p = KgCommandLineTest.process(jvmOptions, args).redirectError(err.toFile()).start();
        ERR.put(p, err);
        return p;
    }

    private final Map<Process, Path> ERR = new LinkedHashMap<>();

    private String err(Process p) throws IOException {
        return Files.readString(ERR.get(p), StandardCharsets.UTF_8);
    }

    /** DIGESTS days from 2026-01-01 of PER_DIGEST sample entries each, sliding through both samples. */
    private static List<String> writeDigests(Path dir) {
        return TestDigests.slidingDays(dir, DIGESTS, PER_DIGEST, 7);
    }
}
