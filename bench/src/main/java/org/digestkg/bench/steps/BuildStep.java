package org.digestkg.bench.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.KgBuildReport;
import org.digestkg.bench.MemoryPeaks;

/**
 * {@code kg build} of the smallest corpus into a fresh store, {@code --repeat} times: the graph it made and the
 * median wall time. The store of the last run is what later steps measure on; {@link BuildMemoryStep} reports
 * the memory.
 */
public final class BuildStep implements BenchStep {

    @Override
    public String option() {
        return "build";
    }

    @Override
    public String title(BenchRun run) {
        return "build " + run.smallest() + " days";
    }

    @Override
    public boolean applies(BenchRun run) {
        return true;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        Path store = run.store(n);
        List<Double> times = new ArrayList<>();
        List<MemoryPeaks> memory = new ArrayList<>();
        KgBuild last = null;
        for (int r = 0; r < run.options().repeat(); r++) {
            Disk.deleteQuietly(store);
            last = KgBuild.run(run, run.corpus(n), store, "build-" + n + "-" + r);
            if (!last.complete()) {
                run.table().failed(title(run), "≤ 1.0× tdbloader; ≤ 1,024 MiB", last.failure());
                return;
            }
            times.add(last.process().seconds());
            memory.add(last.process().memory());
            run.perDigest(n, last.report().orElseThrow().loadedSeconds());
            if (last.process().exitCode() != 0) {
                run.note("build " + n + " exited with " + last.process().exitCode() + " (rejected entries)");
            }
        }
        KgBuildReport report = last.report().orElseThrow();
        BuildFigures figures = new BuildFigures(times, memory, report);
        run.build(n, figures);
        run.table().add("graph " + n + " days", report.graph() + " (build report)");
        run.table().add("build " + n + " days: wall time, whole command", Fmt.seconds(figures.seconds())
                + " (build's own clock " + report.ownClock() + ")" + Fmt.runsNote(times));
        run.storeReady(true);
    }
}
