package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark reads {@code kg build --report} JSON for its counts and timings. The fixtures are the reports of a
 * real {@code ./kg build --report} of {@code data/} into a new store and of the same build again, which printed
 * "2 digests loaded, 0 unchanged, 0 failed: 275 papers, 1,437 authors, 16,982 triples, …, 13.8 s" and
 * "0 digests loaded, 2 unchanged, …, 0.6 s".
 */
class KgBuildReportTest {

    @TempDir
    Path tmp;

    @Test
    void aBuildReportGivesWhatTheSummaryLineSaid() throws Exception {
        KgBuildReport r = KgBuildReport.read(resource("build-report-loaded.json")).orElseThrow();
        assertEquals(2, r.loaded());
        assertEquals(0, r.unchanged());
        assertEquals(0, r.failed());
        assertEquals("275 papers, 1,437 authors, 16,982 quads", r.graph());
        assertEquals("13.8 s", r.ownClock());
        assertEquals(List.of(9.288, 4.233), r.loadedSeconds(), "each digest's time, in load order");
        assertEquals("data/2026-02-04.md", r.files().get(0).file());
    }

    @Test
    void digestsThatWereUnchangedHaveNoLoadTime() throws Exception {
        KgBuildReport r = KgBuildReport.read(resource("build-report-unchanged.json")).orElseThrow();
        assertEquals(0, r.loaded());
        assertEquals(2, r.unchanged());
        assertTrue(r.files().stream().allMatch(f -> f.status().equals("unchanged")));
        assertEquals(List.of(), r.loadedSeconds());
    }

    @Test
    void aBuildThatDidNotFinishHasNoReport() throws Exception {
        assertTrue(KgBuildReport.read(tmp.resolve("none.json")).isEmpty());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(KgBuildReportTest.class.getResource("/" + name).toURI());
    }
}
