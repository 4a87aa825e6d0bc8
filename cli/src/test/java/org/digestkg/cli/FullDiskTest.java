package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        String probe = run(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=3m tmpfs \"$0\" && echo mounted", mount.toString()), List.of()).output;
        Assumptions.assumeTrue(probe.contains("mounted"),
                "skipped: cannot mount a small tmpfs here (needs unshare and user namespaces): " + probe.strip());
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

    /** The command line of {@code kg} in its own JVM. */
    private static List<String> kg(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Kg.class.getName()));
        command.addAll(List.of(args));
        return command;
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
