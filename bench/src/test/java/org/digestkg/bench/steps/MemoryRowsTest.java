package org.digestkg.bench.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.MemoryPeaks;
import org.digestkg.bench.ResultTable;
import org.digestkg.bench.ResultTable.Met;
import org.digestkg.bench.ResultTable.Row;
import org.junit.jupiter.api.Test;

class MemoryRowsTest {

    private static final MemoryPeaks SMALL = new MemoryPeaks(1540, 400, 1140);

    private static Row row(ResultTable t, String startsWith) {
        return t.rows().stream().filter(r -> r.measure().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void theSmallestBuildsPrivatePeakIsHeldTo512MiBAndItsMappedPagesAreReportedApart() {
        ResultTable t = new ResultTable();
        BuildFigures build = new BuildFigures(List.of(70.0, 72.0, 71.0), List.of(new MemoryPeaks(1500, 519, 990),
                new MemoryPeaks(1540, 500, 1050), new MemoryPeaks(1560, 530, 1040)), null);
        MemoryRows.smallestBuild(t, 184, build);
        Row priv = row(t, "build 184 days: private memory peak");
        assertEquals("519 MiB; median of 3: 519 MiB, 500 MiB, 530 MiB", priv.value());
        assertEquals(Met.NO, priv.met());
        assertEquals("1,040 MiB; median of 3: 990 MiB, 1,050 MiB, 1,040 MiB", row(t, "build 184 days: mapped").value());
        assertEquals(Met.NONE, row(t, "build 184 days: mapped").met());
        assertEquals(Met.NO, row(t, "build 184 days: peak RSS").met());
    }

    @Test
    void flatMeansAtMostFifteenPerCentAboveTheSmallestBuild() {
        ResultTable t = new ResultTable();
        MemoryRows.largerBuild(t, 1840, new MemoryPeaks(12_000, 456, 11_544), 184, SMALL, true);
        Row priv = row(t, "build 1840 days: private memory peak");
        assertEquals("456 MiB = 1.14× build 184", priv.value());
        assertEquals("flat: ≤ 1.15× build 184 (460 MiB)", priv.target());
        assertEquals(Met.YES, priv.met());
        Row rss = row(t, "build 1840 days: peak RSS");
        assertEquals(Met.NONE, rss.met(), "12 GB of mapped store counts in RSS: reported, not held to a target");
        assertEquals("12,000 MiB = 7.79× build 184 (no target: the mapped pages in it grow with the store)", rss.value());

        ResultTable grown = new ResultTable();
        MemoryRows.largerBuild(grown, 1840, new MemoryPeaks(12_000, 826, 11_174), 184, SMALL, true);
        assertEquals(Met.NO, row(grown, "build 1840 days: private memory peak").met());
    }

    @Test
    void aBuildStoppedBeforeTheEndCanMissATargetButNeverMeetOne() {
        ResultTable t = new ResultTable();
        MemoryRows.largerBuild(t, 1840, new MemoryPeaks(1600, 420, 1180), 184, SMALL, false);
        Row priv = row(t, "build 1840 days: private memory peak (anonymous + swap: heap, stacks, malloc) when stopped");
        assertEquals(Met.NONE, priv.met());
        assertEquals(Met.NONE, row(t, "build 1840 days: peak RSS").met());

        ResultTable over = new ResultTable();
        MemoryRows.largerBuild(over, 1840, new MemoryPeaks(1600, 700, 900), 184, SMALL, false);
        assertEquals(Met.NO, row(over, "build 1840 days: private memory peak").met());
    }

    @Test
    void withoutTheSmallestBuildThereIsNothingToCompareWith() {
        ResultTable t = new ResultTable();
        MemoryRows.largerBuild(t, 1840, new MemoryPeaks(1600, 420, 1180), 184, MemoryPeaks.NONE, true);
        assertEquals(Met.NONE, row(t, "build 1840 days: private memory peak").met());
        assertEquals("420 MiB = n/a build 184", row(t, "build 1840 days: private memory peak").value());
    }
}
