package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void usesTheLaunchersJvmOptions() {
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx1g"), KgLauncher.kgJavaOpts(null, "-XX:+UseParallelGC -Xmx1g"));
        assertEquals(List.of("-XX:+UseParallelGC"), KgLauncher.kgJavaOpts("", "-XX:+UseParallelGC"));
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), KgLauncher.kgJavaOpts(" -Xmx1g  -XX:+UseG1GC ", "x"));
    }

    @Test
    void eachCommandRunsWithTheOptionsTheLauncherGivesIt(@TempDir Path tmp) throws Exception {
        Path root = Path.of(System.getProperty("digestkg.root", "..")).toAbsolutePath().normalize();
        KgLauncher kg = new KgLauncher(root);
        // asked of the launcher itself, so the benchmark runs every command as kg would
        assertTrue(kg.javaOpts().containsAll(KgLauncher.kgJavaOpts(System.getenv("KG_JAVA_OPTS"),
                KgLauncher.DEFAULT_KG_OPTS)), String.valueOf(kg.javaOpts()));
        Path day = Files.writeString(tmp.resolve("2026-02-04.md"), "a small digest");
        Path store = Files.createDirectories(tmp.resolve("store"));
        boolean own = System.getenv("KG_JAVA_OPTS") == null || System.getenv("KG_JAVA_OPTS").isBlank();
        List<String> quick = kg.kg("build", "--store", store.toString(), day.toString());
        List<String> folder = kg.kg("build", "--store", store.toString(), tmp.toString());
        List<String> coauthors = kg.kg("coauthors", "--store", store.toString(), "Someone");
        String c1 = "-XX:TieredStopAtLevel=1";
        assertEquals(own, quick.contains(c1), "a build of one small file runs on the quick compiler: " + quick);
        assertFalse(folder.contains(c1), "a folder keeps both compilers: " + folder);
        assertEquals(own, folder.contains("-Xmn128m"), "a build keeps its young generation small: " + folder);
        assertFalse(coauthors.contains("-Xmn128m"), String.valueOf(coauthors));
        assertEquals(own, coauthors.contains(c1), String.valueOf(coauthors));
        assertEquals(own, kg.kg("network", "--author", "Someone", "--store", store.toString()).contains(c1),
                "one person's network runs on the quick compiler");
        assertFalse(kg.kg("network", "--store", store.toString()).contains(c1), "the whole network keeps both");
        assertEquals(own, kg.kg("remove", "--store", store.toString(), "2026-02-04").contains(c1),
                "removing a day runs on the quick compiler, as a small build does");
        String[] manyDays = {"remove", "2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05",
                "2026-02-06", "2026-02-07", "2026-02-08"};
        assertFalse(kg.kg(manyDays).contains(c1), "eight days keep both compilers");
        assertTrue(quick.containsAll(kg.javaOpts()));
        // huge pages where the kernel gives them on request, for every command but the server
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean hugePages = own && Files.isReadable(thp) && Files.readString(thp).matches("(?s).*\\[(madvise|always)\\].*");
        String huge = "-XX:+UseTransparentHugePages";
        assertEquals(hugePages, folder.contains(huge), String.valueOf(folder));
        assertEquals(hugePages, coauthors.contains(huge), String.valueOf(coauthors));
        assertFalse(kg.kg("serve", "--store", store.toString()).contains(huge), "the server goes without");
        assertEquals(List.of("-jar", kg.jar().toString(), "build", "--store", store.toString(), day.toString()),
                quick.subList(quick.size() - 6, quick.size()));
    }
}
