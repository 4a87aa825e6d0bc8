package org.digestkg.bench.steps;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.ProcessProbe;

/** The running server's peak RSS once the query steps before this one have run. */
public final class ServerMemoryStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "kg serve: peak RSS (VmHWM) after the queries";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        ProcessProbe.Watched w = run.server().process();
        run.table().add(title(run), Fmt.mib(w.peakHwmKb() / 1024.0) + " (largest seen: anonymous "
                + Fmt.mib(w.peakAnonKb() / 1024.0) + ", file-backed " + Fmt.mib(w.peakFileKb() / 1024.0) + ")");
    }
}
