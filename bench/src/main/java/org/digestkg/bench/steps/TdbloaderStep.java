package org.digestkg.bench.steps;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;

/** Jena's {@code tdb2.tdbloader} on the N-Quads export of the smallest store, and the build's ratio to it. */
public final class TdbloaderStep implements BenchStep {

    @Override
    public String option() {
        return "tdbloader";
    }

    @Override
    public String title(BenchRun run) {
        return "tdb2.tdbloader " + run.smallest() + " days";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Tdbloader.measure(run, run.store(run.smallest()), run.smallest(), run.options().repeat());
    }
}
