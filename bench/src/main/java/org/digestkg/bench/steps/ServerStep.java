package org.digestkg.bench.steps;

import java.io.IOException;

import org.digestkg.bench.BenchQueries;
import org.digestkg.bench.BenchRun;
import org.digestkg.bench.BenchStep;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.SparqlHttp;

/**
 * A step that asks the running {@code kg serve} (selected with {@code --steps serve}): a query family, a page, the
 * server's memory. Consecutive server steps share one server; a new one is a subclass and a line in
 * {@code Benchmark.STEPS} among the others.
 */
public abstract class ServerStep implements BenchStep {

    @Override
    public final String option() {
        return "serve";
    }

    @Override
    public final boolean usesServer() {
        return true;
    }

    /** The project's named queries in {@code sparql/}. */
    protected static BenchQueries queries(BenchRun run) {
        return new BenchQueries(run.options().root().resolve("sparql"));
    }

    /**
     * The first row of a look-up the step's queries are about (an author to ask about); null, after a FAILED row
     * named {@code measure}, when there is none.
     */
    protected static SparqlHttp.Answer lookUp(BenchRun run, LiveServer server, String query, String measure)
            throws IOException, InterruptedException {
        SparqlHttp.Answer a = server.ask(query);
        if (!a.ok() || a.rows().isEmpty()) {
            run.table().failed(measure, "", "HTTP " + a.status() + ": " + Fmt.tail(a.text(), 2));
            return null;
        }
        return a;
    }
}
