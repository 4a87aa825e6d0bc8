package org.digestkg.bench.steps;

import org.digestkg.bench.BenchQueries;
import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.SparqlHttp;

/**
 * The co-authorship queries, warm, through the running server: co-authors of the most prolific author
 * ({@code sparql/coauthors.rq}, the name bound, never pasted), the top-20 pairs, the 2-hop neighbourhood's size,
 * and its rows for information.
 */
public final class CoauthorQueriesStep extends ServerStep {

    @Override
    public String title(BenchRun run) {
        return "co-authorship queries";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        LiveServer server = run.server();
        BenchQueries q = queries(run);
        SparqlHttp.Answer who = lookUp(run, server, BenchQueries.MOST_PROLIFIC, "most prolific author");
        if (who == null) return;
        String author = who.rows().get(0).get("author");
        String papers = who.rows().get(0).get("papers");
        run.table().add("most prolific author (the queries' subject)", author + ", " + papers + " papers (found in "
                + Fmt.millis(who.millis()) + ", cold)");
        server.time("co-authors of the most prolific author (sparql/coauthors.rq)", q.coauthors(author), "< 50 ms", 50);
        server.time("top-20 author pairs over the whole graph (sparql/top-pairs.rq)", q.topPairs(), "< 1 s", 1000);
        server.time("2-hop neighbourhood size (sparql/two-hop-size.rq)", q.twoHopSize(author), "< 200 ms", 200);
        server.time("2-hop neighbourhood rows (sparql/two-hop.rq as is)", q.twoHopRows(author), "", Double.NaN);
    }
}
