package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void readsTheChildsPeakResidentSetFromProc() throws Exception {
        // the child touches 256 MiB of heap and holds it for 600 ms: the poller must see it
        ProcessProbe.Result r = ProcessProbe.run(List.of(java(), "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), Hog.class.getName(), "256", "600"),
                tmp, tmp.resolve("hog.log"), Duration.ofMinutes(1));
        assertTrue(r.ok(), r.failure());
        assertTrue(r.output().contains("held 256 MiB"), r.output());
        assertTrue(r.peakHwmKb() >= 256 * 1024, "VmHWM " + r.peakHwmKb() + " KiB");
        assertTrue(r.peakRssKb() >= 256 * 1024, "VmRSS " + r.peakRssKb() + " KiB");
        assertTrue(r.peakAnonKb() >= 256 * 1024, "RssAnon " + r.peakAnonKb() + " KiB");
        assertTrue(r.peakHwmKb() < 1024 * 1024, "a 256 MiB child is not a GiB: " + r.peakHwmKb());
        assertTrue(r.seconds() >= 0.6, "wall " + r.seconds());
    }

    @Test
    void timesAShortProcessAndKeepsItsExitCode() throws Exception {
        ProcessProbe.Result r = ProcessProbe.run(List.of("sh", "-c", "sleep 0.2; echo bye; exit 3"), tmp,
                tmp.resolve("sh.log"), Duration.ofMinutes(1));
        assertEquals(3, r.exitCode());
        assertFalse(r.ok());
        assertFalse(r.timedOut());
        assertTrue(r.seconds() >= 0.2 && r.seconds() < 10, "wall " + r.seconds());
        assertTrue(r.peakHwmKb() > 0, "a sleeping shell has some resident memory");
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
        assertTrue(w.peakHwmKb() > 0, "sampled while running");
        assertTrue(ProcessProbe.currentHwmKb(w.process().pid()) > 0);
        int code = w.stop(Duration.ofSeconds(5));
        assertFalse(w.process().isAlive());
        assertEquals(143, code, "SIGTERM");
    }

    @Test
    void parsesStatusFields() {
        String status = "Name:\tjava\nVmPeak:\t 1234 kB\nVmHWM:\t  567890 kB\nVmRSS:\t   4321 kB\nThreads:\t12\n";
        assertEquals(OptionalLong.of(567890), ProcessProbe.statusField(status, "VmHWM"));
        assertEquals(OptionalLong.of(4321), ProcessProbe.statusField(status, "VmRSS"));
        assertEquals(OptionalLong.of(12), ProcessProbe.statusField(status, "Threads"));
        assertEquals(OptionalLong.empty(), ProcessProbe.statusField(status, "RssAnon"));
    }
}
