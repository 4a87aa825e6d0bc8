package org.digestkg.bench.steps;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;

/** Without the build step, the smallest corpus's store an earlier run left is measured on, if it is there. */
public final class ReuseStoreStep implements BenchStep {

    @Override
    public String option() {
        return null;
    }

    @Override
    public String title(BenchRun run) {
        return "store " + run.smallest() + " days";
    }

    @Override
    public boolean applies(BenchRun run) {
        return !run.options().runs("build");
    }

    @Override
    public void run(BenchRun run) {
        Path store = run.store(run.smallest());
        if (Files.isDirectory(store)) {
            run.table().add(title(run), "reused from an earlier run: " + store);
            run.storeReady(true);
        } else {
            run.table().failed(title(run), "", "no store at " + store + ": run the build step first");
        }
    }
}
