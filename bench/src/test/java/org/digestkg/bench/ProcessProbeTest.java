package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    @TempDir
    Path tmp;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> hog(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(java(), "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Hog.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void readsTheChildsPeakResidentSetFromProc() throws Exception {
        // the child touches 256 MiB of heap and holds it for 600 ms: the poller must see it, as private memory
        ProcessProbe.Result r = ProcessProbe.run(hog("256", "600"), tmp, tmp.resolve("hog.log"), Duration.ofMinutes(1));
        assertTrue(r.ok(), r.failure());
        assertTrue(r.output().contains("held 256 MiB"), r.output());
        MemoryPeaks m = r.memory();
        assertTrue(m.rssMiB() >= 256, m.text());
        assertTrue(m.privateMiB() >= 256, m.text());
        assertTrue(m.mappedMiB() > 0 && m.mappedMiB() < 128, "the JVM's own libraries, no more: " + m.text());
        assertTrue(m.rssMiB() < 1024, "a 256 MiB child is not a GiB: " + m.text());
        assertTrue(r.seconds() >= 0.6, "wall " + r.seconds());
    }

    @Test
    void countsAMemoryMappedFileAsMappedNotPrivate() throws Exception {
        // 64 MiB of heap, 384 MiB of a mapped file read page by page: TDB2's store files are the mapped part
        ProcessProbe.Result r = ProcessProbe.run(hog("64", "600", tmp.resolve("mapped.bin").toString(), "384"), tmp,
                tmp.resolve("map.log"), Duration.ofMinutes(1));
        assertTrue(r.ok(), r.failure());
        assertTrue(r.output().contains("mapped 384 MiB"), r.output());
        MemoryPeaks m = r.memory();
        assertTrue(m.mappedMiB() >= 384, m.text());
        assertTrue(m.privateMiB() >= 64 && m.privateMiB() < 384, "the mapped file is not private: " + m.text());
        assertTrue(m.rssMiB() >= 64 + 384, m.text());
    }

    @Test
    void addsTheMemoryOfTheChildsOwnChildren() throws Exception {
        // a shell that runs java and then something else cannot exec it: the 256 MiB are in its child; held long
        // enough (2 s) for the descendants, looked up once a second, to be read
        String cmd = String.join(" ", hog("256", "2000")) + "; true";
        ProcessProbe.Result r = ProcessProbe.run(List.of("sh", "-c", cmd), tmp, tmp.resolve("sh-hog.log"),
                Duration.ofMinutes(1));
        assertTrue(r.ok(), r.failure());
        assertTrue(r.output().contains("held 256 MiB"), r.output());
        assertTrue(r.memory().privateMiB() >= 256, r.memory().text());
        assertTrue(r.memory().rssMiB() >= 256, r.memory().text());
    }

    @Test
    void readsSmapsRollupWhereTheKernelHasIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps_rollup")), "no /proc/self/smaps_rollup on this kernel");
        Process p = new ProcessBuilder(hog("128", "1500")).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("rollup.log").toFile()).start();
        try {
            ProcessMemory memory = new ProcessMemory(p.toHandle());
            for (int i = 0; i < 50 && p.isAlive(); i++) {
                memory.sample();
                Thread.sleep(20);
            }
            assertTrue(memory.smapsReads() >= 2, "smaps_rollup read " + memory.smapsReads() + " times in 1 s");
            assertTrue(memory.smapsReads() <= 11, "at most every 100 ms: " + memory.smapsReads());
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void timesAShortProcessAndKeepsItsExitCode() throws Exception {
        ProcessProbe.Result r = ProcessProbe.run(List.of("sh", "-c", "sleep 0.2; echo bye; exit 3"), tmp,
                tmp.resolve("sh.log"), Duration.ofMinutes(1));
        assertEquals(3, r.exitCode());
        assertFalse(r.ok());
        assertFalse(r.timedOut());
        assertTrue(r.seconds() >= 0.2 && r.seconds() < 10, "wall " + r.seconds());
        assertTrue(r.memory().rssMiB() > 0, "a sleeping shell has some resident memory");
        assertTrue(r.failure().contains("exit code 3") && r.failure().contains("bye"), r.failure());
    }

    @Test
    void killsAProcessThatOutlivesItsTimeout() throws Exception {
        ProcessProbe.Result r = ProcessProbe.run(List.of("sleep", "30"), tmp, tmp.resolve("sleep.log"),
                Duration.ofMillis(300));
        assertTrue(r.timedOut());
        assertTrue(r.seconds() < 10, "wall " + r.seconds());
        assertTrue(r.failure().startsWith("timed out"), r.failure());
    }

    @Test
    void aGuardStopsAProcessEarly() throws Exception {
        long t0 = System.nanoTime();
        ProcessProbe.Result r = ProcessProbe.run(List.of("sleep", "30"), tmp, tmp.resolve("guard.log"),
                Duration.ofMinutes(1), java.util.Map.of(),
                () -> System.nanoTime() - t0 > 500_000_000L ? "disk full" : null);
        assertFalse(r.ok());
        assertFalse(r.timedOut());
        assertEquals("disk full", r.stopped());
        assertTrue(r.seconds() < 10, "wall " + r.seconds());
        assertTrue(r.failure().contains("stopped after") && r.failure().contains("disk full"), r.failure());
    }

    @Test
    void watchesALongRunningProcessUntilStopped() throws Exception {
        ProcessProbe.Watched w = ProcessProbe.startWatched(List.of("sleep", "30"), tmp, tmp.resolve("w.log"));
        Thread.sleep(200);
        assertTrue(w.process().isAlive());
        assertTrue(w.peaks().rssMiB() > 0, "sampled while running");
        assertTrue(w.peaks().privateMiB() > 0, "sampled while running");
        int code = w.stop(Duration.ofSeconds(5));
        assertFalse(w.process().isAlive());
        assertEquals(143, code, "SIGTERM");
    }

    @Test
    void aBenchmarkBeingStoppedEndsItsProcessesAndTheirChildrenAndStartsNoMore() throws Exception {
        // a shell whose own child is a sleep: both are this JVM's descendants, and both must end
        ProcessProbe.Watched w = ProcessProbe.startWatched(List.of("sh", "-c", "sleep 60 & wait"), tmp,
                tmp.resolve("tree.log"));
        ProcessHandle sleep = null;
        for (int i = 0; i < 100 && sleep == null; i++) {
            sleep = w.process().children().findFirst().orElse(null);
            Thread.sleep(20);
        }
        try {
            assertNotNull(sleep, "sh started its sleep");
            ProcessProbe.refuseNew("the benchmark is being stopped");
            ProcessProbe.stopAll(Duration.ofSeconds(5));
            assertTrue(w.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(sleep.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS) != null);
            assertFalse(sleep.isAlive());
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> ProcessProbe.run(List.of("true"), tmp, tmp.resolve("refused.log"), Duration.ofMinutes(1)));
            assertTrue(refused.getMessage().contains("the benchmark is being stopped"), refused.getMessage());
        } finally {
            ProcessProbe.refuseNew(null);
            if (sleep != null) sleep.destroyForcibly();
            w.process().destroyForcibly();
        }
        assertTrue(ProcessProbe.run(List.of("true"), tmp, tmp.resolve("again.log"), Duration.ofMinutes(1)).ok());
    }

    @Test
    void parsesStatusFields() {
        String status = "Name:\tjava\nVmPeak:\t 1234 kB\nVmHWM:\t  567890 kB\nVmRSS:\t   4321 kB\nThreads:\t12\n";
        assertEquals(OptionalLong.of(567890), ProcessMemory.statusField(status, "VmHWM"));
        assertEquals(OptionalLong.of(4321), ProcessMemory.statusField(status, "VmRSS"));
        assertEquals(OptionalLong.of(12), ProcessMemory.statusField(status, "Threads"));
        assertEquals(OptionalLong.empty(), ProcessMemory.statusField(status, "RssAnon"));
        assertNull(ProcessMemory.fromStatus(status), "no RssAnon: a zombie, or a kernel before 4.5");
    }

    @Test
    void privateIsAnonymousAndSwapMappedIsTheRestOfTheResidentSet() {
        String status = "VmHWM:\t 2110808 kB\nVmRSS:\t 2110808 kB\nRssAnon:\t  531208 kB\nRssFile:\t 1579000 kB\n"
                + "RssShmem:\t     600 kB\nVmSwap:\t    1000 kB\n";
        assertEquals(new ProcessMemory.Reading(2110808, 532208, 1579600), ProcessMemory.fromStatus(status));
        String rollup = "55929d2ec000-7ffdc885a000 ---p 00000000 00:00 0                          [rollup]\n"
                + "Rss:             2110900 kB\nPss:             2106692 kB\nPss_Anon:         531212 kB\n"
                + "Private_Dirty:    531212 kB\nAnonymous:        531212 kB\nAnonHugePages:         0 kB\n"
                + "Swap:                 88 kB\nSwapPss:              88 kB\n";
        assertEquals(new ProcessMemory.Reading(2110900, 531300, 1579688), ProcessMemory.fromSmapsRollup(rollup));
        assertNull(ProcessMemory.fromSmapsRollup(""), "a zombie's smaps_rollup is empty");
    }
}
