package org.digestkg.bench.steps;

import java.util.List;

import org.digestkg.bench.BenchRun;

/** The running server's memory peaks once the query steps before this one have run. */
public final class ServerMemoryStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "kg serve: memory peaks after the queries";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        MemoryRows.peaks(run.table(), title(run), List.of(run.server().process().peaks()));
    }
}
