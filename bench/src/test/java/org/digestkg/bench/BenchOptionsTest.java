package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheFullBenchmark() {
        BenchOptions o = BenchOptions.parse("--root", "/r");
        assertEquals(List.of(184, 1840), o.days());
        assertEquals(184, o.smallest());
        assertEquals(Path.of("/r/bench/work"), o.work());
        assertEquals(3, o.repeat());
        assertEquals(10, o.queryRuns());
        assertEquals(3, o.warmup());
        assertTrue(o.tdbloaderLarge());
        assertFalse(o.quick());
        assertEquals(Duration.ofMinutes(30), o.timeout());
        assertEquals(Duration.ofSeconds(120), o.queryTimeout());
        assertEquals(10, o.minFreeGb());
        assertEquals(CorpusGenerator.DEFAULT_SEED, o.seed());
        assertEquals(BenchOptions.STEPS, o.steps());
        assertTrue(o.runs("large"));
    }

    @Test
    void stepsPickWhatRuns() {
        BenchOptions o = BenchOptions.parse("--steps", "serve, add", "--root", "/r");
        assertEquals(java.util.Set.of("serve", "add"), o.steps());
        assertFalse(o.runs("build"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--steps", "serve,fly"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--steps", ","));
    }

    @Test
    void quickIsThirtyDaysOnceUnlessToldOtherwise() {
        BenchOptions q = BenchOptions.parse("--quick", "--root", "/r");
        assertEquals(List.of(30), q.days());
        assertEquals(1, q.repeat());
        assertEquals(3, q.queryRuns());
        assertEquals(1, q.warmup());
        BenchOptions q3 = BenchOptions.parse("--quick", "--days", "3", "--repeat", "2", "--root", "/r");
        assertEquals(List.of(3), q3.days());
        assertEquals(2, q3.repeat());
    }

    @Test
    void parsesEveryOption() {
        BenchOptions o = BenchOptions.parse("--days", "1840, 184,184", "--work", "/w", "--repeat", "5",
                "--no-tdbloader-1840", "--timeout", "25", "--query-timeout", "60", "--query-runs", "7", "--warmup", "0", "--seed", "9",
                "--root", "/r");
        assertEquals(List.of(184, 1840), o.days(), "sorted, without duplicates");
        assertEquals(Path.of("/w"), o.work());
        assertEquals(5, o.repeat());
        assertFalse(o.tdbloaderLarge());
        assertEquals(Duration.ofMinutes(25), o.timeout());
        assertEquals(Duration.ofSeconds(60), o.queryTimeout());
        assertEquals(7, o.queryRuns());
        assertEquals(0, o.warmup());
        assertEquals(9, o.seed());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--days"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--days", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--days", "x"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--days", ","));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--repeat", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--warmup", "-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--fast"));
        IllegalArgumentException help = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--help"));
        assertTrue(help.getMessage().startsWith("usage: bench/run"));
    }

    @Test
    void usesTheLaunchersJvmOptions() throws Exception {
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx1g"), KgLauncher.kgJavaOpts(null, "-XX:+UseParallelGC -Xmx1g"));
        assertEquals(List.of("-XX:+UseParallelGC"), KgLauncher.kgJavaOpts("", "-XX:+UseParallelGC"));
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), KgLauncher.kgJavaOpts(" -Xmx1g  -XX:+UseG1GC ", "x"));
        assertEquals("-XX:+UseSerialGC -Xmx2g", KgLauncher.launcherDefaultOpts("opts=${KG_JAVA_OPTS:--XX:+UseSerialGC -Xmx2g}\n"));
        assertEquals(KgLauncher.DEFAULT_KG_OPTS, KgLauncher.launcherDefaultOpts("exec java -jar kg.jar"));
        // the real launcher still says its options the way the benchmark reads them
        Path launcher = Path.of(System.getProperty("digestkg.root", "..")).resolve("kg");
        String text = java.nio.file.Files.readString(launcher);
        assertTrue(text.contains("${KG_JAVA_OPTS:-"), "kg no longer reads KG_JAVA_OPTS as ${KG_JAVA_OPTS:-…}: update KgLauncher");
        assertEquals(java.util.regex.Pattern.compile("\\$\\{KG_JAVA_OPTS:-([^}]*)}").matcher(text).results()
                .map(r -> r.group(1).trim()).findFirst().orElseThrow(), KgLauncher.launcherDefaultOpts(text));
    }

    @Test
    void theOptionsTheLauncherAddsForSomeCommandsAreReadFromIt() throws Exception {
        String text = java.nio.file.Files.readString(Path.of(System.getProperty("digestkg.root", "..")).resolve("kg"));
        Map<String, List<String>> byCommand = KgLauncher.launcherCommandOpts(text);
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), byCommand.get("coauthors"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), byCommand.get("search"));
        assertFalse(byCommand.containsKey("build"), "a build keeps the optimising compiler");
        assertEquals(List.of("-Xint", "-Xss2m"), KgLauncher.launcherCommandOpts("    a|b) opts=\"$opts -Xint -Xss2m\" ;;\n").get("b"));
    }
}
