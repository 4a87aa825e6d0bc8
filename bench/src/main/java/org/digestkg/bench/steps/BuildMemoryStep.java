package org.digestkg.bench.steps;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.BuildFigures;
import org.digestkg.bench.Disk;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ResultTable.Met;

/**
 * The memory and disk of the smallest corpus's build: the median peak RSS of its runs against the 1 GB target,
 * with the anonymous and file-backed parts (TDB2 maps its files), and the store's size on disk.
 */
public final class BuildMemoryStep implements BenchStep {

    static final double MIB_PER_GB_TARGET = 1024; // the 1 GB target, read as 1 GiB

    @Override
    public String option() {
        return "build";
    }

    @Override
    public String title(BenchRun run) {
        return "build " + run.smallest() + " days: peak RSS (VmHWM)";
    }

    @Override
    public String target() {
        return "≤ 1 GB (1,024 MiB)";
    }

    @Override
    public boolean applies(BenchRun run) {
        return run.build(run.smallest()).isPresent();
    }

    @Override
    public void run(BenchRun run) {
        int n = run.smallest();
        BuildFigures build = run.build(n).orElseThrow();
        double mib = build.peakMiB();
        run.table().add(title(run), Fmt.mib(mib) + " (" + build.memory() + ")" + Fmt.runsNote(build.peaks(), Fmt::mib),
                target(), Met.of(mib <= MIB_PER_GB_TARGET));
        run.table().add("store on disk, " + n + " days", Disk.duMiB(run.store(n)));
    }
}
