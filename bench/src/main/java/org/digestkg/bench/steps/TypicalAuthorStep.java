package org.digestkg.bench.steps;

import org.digestkg.bench.BenchQueries;
import org.digestkg.bench.BenchRun;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.SparqlHttp;

/**
 * The co-author questions for an ordinary author, for comparison with the most prolific one (no targets of their
 * own): the first author of a first-ranked paper of the last day.
 */
public final class TypicalAuthorStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "a typical author";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        LiveServer server = run.server();
        SparqlHttp.Answer typical = lookUp(run, server, BenchQueries.TYPICAL_AUTHOR, title(run));
        if (typical == null) return;
        BenchQueries q = queries(run);
        String author = typical.rows().get(0).get("author");
        run.table().add("a typical author, for comparison", author + ", " + typical.rows().get(0).get("coauthors")
                + " co-authors (first author of a first-ranked paper of the last day)");
        server.time("co-authors of the typical author", q.coauthors(author), "(< 50 ms)", Double.NaN);
        server.time("2-hop neighbourhood size of the typical author", q.twoHopSize(author), "(< 200 ms)", Double.NaN);
    }
}
