package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestkg.bench.ResultTable.Met;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark, quick, on 3 days (under a minute): real kg subprocesses, tdbloader, a server and its
 * queries. It needs cli/target/kg.jar, which a reactor build ({@code mvn verify}) packages before this module's
 * tests: {@code -Dbench.smoke=auto} (the default) runs it when the jar is there and skips it otherwise,
 * {@code true} requires the jar, {@code false} skips it.
 */
@DisabledIfSystemProperty(named = "bench.smoke", matches = "false")
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void quickRunOnThreeDaysFillsTheTableWithoutFailures() throws Exception {
        Path root = Path.of(System.getProperty("digestkg.root", "..")).toAbsolutePath().normalize();
        boolean jar = Files.isRegularFile(root.resolve("cli/target/kg.jar"));
        if (!"true".equals(System.getProperty("bench.smoke"))) {
            assumeTrue(jar, "no cli/target/kg.jar: run ./kg --version first");
        }
        assertTrue(jar, "run ./kg --version first");
        Benchmark b = new Benchmark(BenchOptions.parse("--quick", "--days", "3", "--work", work.toString(),
                "--timeout", "5", "--root", root.toString()));
        String report = b.run();
        assertEquals(0, b.table().count(Met.FAILED), report);
        for (String measure : new String[] {"graph 3 days", "build 3 days: wall time", "build 3 days: peak RSS",
                "store on disk, 3 days", "tdb2.tdbloader",
                "ratio build / tdbloader", "add one new day", "re-add the same day", "kg serve --watch", "kg export --format nt",
                "kg serve on the 3-day store", "co-authors of the most prolific author", "top-20 author pairs",
                "2-hop neighbourhood size", "papers per category per day", "a typical author",
                "2-hop neighbourhood size of the typical author", "kg serve: memory peaks",
                "build 3 days: private memory peak", "build 3 days: mapped memory peak",
                "add one new day: memory peaks", "tdb2.tdbloader 3 days: memory peaks"}) {
            assertTrue(b.table().rows().stream().anyMatch(r -> r.measure().startsWith(measure)), measure + "\n" + report);
        }
        assertTrue(b.table().rows().stream().anyMatch(r -> r.measure().equals("graph 3 days")
                && r.value().matches("[\\d,]+ papers, [\\d,]+ authors, [\\d,]+ quads \\(build report\\)")), report);
        assertTrue(b.table().rows().stream().anyMatch(r -> r.measure().startsWith("build 3 days: private memory peak")
                && r.value().matches("[\\d,]+ MiB") && r.target().contains("512")), report);
        assertTrue(b.table().rows().stream().anyMatch(r -> r.measure().startsWith("kg serve: memory peaks")
                && r.value().matches("private [\\d,]+ MiB, mapped [\\d,]+ MiB, RSS [\\d,]+ MiB")), report);
        assertTrue(b.table().rows().stream().anyMatch(r -> r.measure().startsWith("kg compact of the 3-day store")
                && r.value().matches("[\\d.,]+ m?s; its data [\\d,]+ MB → [\\d,]+ MB \\(its own clock [\\d.]+ s\\); "
                        + "private [\\d,]+ MiB, .*")), report);
        String written = Files.readString(work.resolve("results.md"));
        assertTrue(written.contains("| measure"));
        assertFalse(written.contains("Partial results"), "the last write is the finished run's");
    }
}
