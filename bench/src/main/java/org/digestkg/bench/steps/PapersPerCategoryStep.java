package org.digestkg.bench.steps;

import org.digestkg.bench.BenchRun;

/** Papers per category per day ({@code sparql/papers-per-category.rq}), warm, through the running server. */
public final class PapersPerCategoryStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "papers per category per day";
    }

    @Override
    public String target() {
        return "< 500 ms";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        run.server().time("papers per category per day (sparql/papers-per-category.rq)", queries(run).papersPerCategory(),
                target(), 500);
    }
}
