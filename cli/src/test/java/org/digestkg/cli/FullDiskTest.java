package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that runs out of disk says which digest could not be stored, where, and why — not TDB2's "Write
 * transaction with no commit() or abort() before end() - forced abort" — and leaves the store at its last commit.
 * Two real ways to run out: a tmpfs of 3 MiB (mounted in a private mount namespace, so no root is needed where user
 * namespaces are allowed), where TDB2's memory-mapped files fault; and a file-size limit (ulimit -f), where its
 * writes fail with "File too large".
 */
class FullDiskTest {

    @TempDir
    Path tmp;

    @Test
    void aBuildOnAFullDiskNamesTheDigestTheStoreAndTheCause() throws Exception {
        Path mount = smallDisk();
        Path store = mount.resolve("store");
        Result r = run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                        "mount -t tmpfs -o size=3m tmpfs \"$0\" && exec \"$@\"", mount.toString()),
                kg("build", "--store", store.toString(), TestDigests.feb04().toString()));
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains(TestDigests.feb04() + " could not be stored in " + store), r.output);
        assertTrue(r.output.contains("no space left on the device"), r.output);
        assertFalse(r.output.contains("forced abort"), r.output);
    }

    @Test
    void aFirstBuildThatRunsOutOfRoomWhileSortingOnDiskSaysSoAndLeavesNoSortedQuadsBehind() throws Exception {
        Path mount = smallDisk();
        Path digests = tmp.resolve("digests");
        TestDigests.slidingDays(digests, 12, 30, 10);
        Path store = mount.resolve("store");
        // one load, 500 quads held in memory: the rest go to runs in the store's folder until the disk is full;
        // the folder is listed in the same mount namespace once the build has ended
        Result r = run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                        "mount -t tmpfs -o size=6m tmpfs \"$0\" && \"$@\"; echo \"exit=$? left: $(ls -A \"$0/store\" | tr '\\n' ' ')\"",
                        mount.toString()),
                kg("-Dkg.bulkFrom=2", "-Ddigestkg.packedQuadsInMemory=500", "build", "--store", store.toString(),
                        digests.toString()));
        assertTrue(r.output.contains("exit=1 left:"), r.output);
        // where the disk fills decides which: before the nodes' commit the load is undone, after it the store is
        // marked, to be emptied when next opened (FirstLoadTest, KilledBuildTest); either way the message says why
        assertTrue(r.output.contains("the store at " + store + " could not be written")
                || r.output.contains("the first load of the store in " + store + " could not be completed"), r.output);
        assertTrue(r.output.contains("no space left on the device"), r.output);
        assertFalse(r.output.contains("left: ") && r.output.substring(r.output.indexOf("left: ")).contains("first-load.runs"),
                "the sorted quads are deleted: " + r.output);
    }

    @Test
    void aBuildPastTheFileSizeLimitSaysSoAndTheStoreKeepsWhatWasCommitted() throws Exception {
        Path store = tmp.resolve("store");
        assertEquals(0, KgCommandLineTest.kg("build", "-q", "--store", store.toString(), TestDigests.feb04().toString()).exit());
        Result r = run(List.of("bash", "-c", "ulimit -f 4 && exec \"$@\"", "limited"),
                kg("build", "--store", store.toString(), TestDigests.feb23().toString()));
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains(TestDigests.feb23() + " could not be stored in " + store), r.output);
        assertTrue(r.output.contains("File too large"), r.output);
        assertFalse(r.output.contains("forced abort"), r.output);

        var stats = KgCommandLineTest.kg("stats", "--store", store.toString());
        assertTrue(stats.out().matches("(?s).*digests\\s+1\\b.*"), "the digest committed before is there: " + stats.out());
        var again = KgCommandLineTest.kg("build", "--store", store.toString(), TestDigests.feb23().toString());
        assertEquals(0, again.exit(), "with room again, the same build completes: " + again.out() + again.err());
    }

    /** A folder to mount a small tmpfs on, the test skipped where one cannot be mounted without root. */
    private Path smallDisk() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        String probe = run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=3m tmpfs \"$0\" && echo mounted", mount.toString()), List.of()).output;
        Assumptions.assumeTrue(probe.contains("mounted"),
                "skipped: cannot mount a small tmpfs here (needs unshare and user namespaces): " + probe.strip());
        return mount;
    }

    /** The command line of {@code kg} in its own JVM; arguments from {@code -D} on are JVM options. */
    private static List<String> kg(String... args) {
        List<String> options = Arrays.stream(args).takeWhile(a -> a.startsWith("-D")).toList();
        return KgCommandLineTest.process(options, Arrays.copyOfRange(args, options.size(), args.length)).command();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> prefix, List<String> command) throws InterruptedException {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        try {
            Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + all);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + all.get(0) + ": " + e.getMessage());
        }
    }
}
