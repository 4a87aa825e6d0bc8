package org.digestkg.bench.steps;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Disk;

/**
 * The memory and disk of the smallest corpus's build: its private memory against 512 MiB apart from the pages of
 * the store it maps, its peak RSS against 1 GiB ({@link MemoryRows}), and the store's size on disk.
 */
public final class BuildMemoryStep implements BenchStep {

    @Override
    public String option() {
        return "build";
    }

    @Override
    public String title(BenchRun run) {
        return "build " + run.smallest() + " days: memory";
    }

    @Override
    public boolean applies(BenchRun run) {
        return run.build(run.smallest()).isPresent();
    }

    @Override
    public void run(BenchRun run) {
        int n = run.smallest();
        MemoryRows.smallestBuild(run.table(), n, run.build(n).orElseThrow());
        run.table().add("store on disk, " + n + " days", Disk.duMiB(run.store(n)));
    }
}
