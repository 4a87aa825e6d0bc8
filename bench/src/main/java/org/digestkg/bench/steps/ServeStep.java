package org.digestkg.bench.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.ResultTable.Met;

/**
 * {@code kg serve} on the smallest store, {@code --repeat} times: from process start to the first answered SPARQL
 * query over HTTP. The last server stays up for the query steps after this one, once its co-authorship index
 * (built in the background) is ready, so they are timed warm.
 */
public final class ServeStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "kg serve on the " + run.smallest() + "-day store: start to first answer";
    }

    @Override
    public String target() {
        return "≤ 5 s";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        int n = run.smallest();
        List<Double> starts = new ArrayList<>();
        for (int r = 0; r < run.options().repeat(); r++) {
            LiveServer server = LiveServer.start(run, run.store(n), "serve-" + n + "-" + r);
            OptionalDouble first = server.firstAnswer(Duration.ofMinutes(2));
            if (first.isEmpty()) {
                String why = "no answer within 2 min (alive: " + server.process().process().isAlive() + ") — "
                        + server.tail(3);
                run.serverFailed(server, why);
                run.table().failed(title(run), target(), why);
                return;
            }
            starts.add(first.getAsDouble());
            if (r < run.options().repeat() - 1) {
                server.stop();
                continue;
            }
            double s = Fmt.median(starts);
            run.table().add(title(run), Fmt.seconds(s) + Fmt.runsNote(starts), target(), Met.of(s <= 5));
            run.keepServer(server);
            coauthorIndex(run, server);
        }
    }

    /** Waits for the server's co-authorship index and reports how long the server says it took. */
    private static void coauthorIndex(BenchRun run, LiveServer server) throws InterruptedException {
        String measure = "kg serve: co-authorship index built in the background after start";
        OptionalDouble ms = server.coauthorIndexMillis(Duration.ofMinutes(3));
        if (ms.isPresent()) {
            run.table().add(measure, Fmt.seconds(ms.getAsDouble() / 1000.0) + " (queries meanwhile answer; "
                    + "co-authorship queries wait for it)");
        } else {
            run.table().failed(measure, "", "not ready within 3 min — " + server.tail(3));
        }
    }
}
