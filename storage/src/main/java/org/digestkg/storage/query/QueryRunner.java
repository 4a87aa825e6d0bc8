package org.digestkg.storage.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;

/**
 * Runs one query, on the local store or a remote SPARQL endpoint, and prints its results. Parameters are put in
 * by {@link ParameterSubstitution} on both paths, so a parameter means the same wherever the query runs.
 */
public final class QueryRunner {

    private QueryRunner() {
    }

    /** Runs {@code queryText} against the store, printing results; returns the number of rows (or triples). */
    public static long run(DatasetGraph dsg, String queryText, Binding params, ResultFormat format, OutputStream out) {
        return run(dsg, prepare(queryText, params), format, out, null);
    }

    /**
     * Runs a prepared query against the store, printing results.
     *
     * @param timeout stops the query after this long, or null for no limit
     */
    public static long run(DatasetGraph dsg, Query query, ResultFormat format, OutputStream out, Duration timeout) {
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder b = QueryExec.dataset(dsg).query(query);
            if (timeout != null) b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return print(b.build(), query, format, out);
        });
    }

    /** Runs a prepared query on a remote SPARQL endpoint, printing results as they arrive. */
    public static long run(RemoteEndpoint endpoint, Query query, ResultFormat format, OutputStream out) {
        return print(endpoint.exec(query), query, format, out);
    }

    /**
     * Parses the query and puts the parameters in: the query that runs, locally or remotely.
     *
     * @throws IllegalArgumentException when a parameter does not fit the query ({@link ParameterSubstitution})
     */
    public static Query prepare(String queryText, Binding params) {
        return ParameterSubstitution.bind(QueryFactory.create(queryText), params);
    }

    private static long print(QueryExec execution, Query query, ResultFormat format, OutputStream out) {
        try (QueryExec exec = execution) {
            if (query.isSelectType()) {
                RowSet rows = exec.select();
                long[] count = {0};
                // counts rows as they stream past, so the W3C formats never hold the results in memory
                ResultSet rs = ResultSet.adapt(RowSetStream.create(rows.getResultVars(), Iter.map(rows, b -> {
                    count[0]++;
                    return b;
                })));
                if (format == ResultFormat.TABLE) {
                    // the table needs all rows to size its columns; the W3C formats stream
                    var rewindable = rs.rewindable();
                    PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(query.getPrefixMapping());
                    ResultSetFormatter.out(out, rewindable, pm);
                    return count[0];
                }
                ResultSetMgr.write(out, rs, format.lang);
                return count[0];
            }
            if (query.isAskType()) {
                boolean answer = exec.ask();
                if (format == ResultFormat.TABLE) {
                    new PrintStream(out, true, StandardCharsets.UTF_8).println(answer ? "yes" : "no");
                } else {
                    ResultSetMgr.write(out, answer, format.lang);
                }
                return 1;
            }
            var graph = query.isConstructType() ? exec.construct() : exec.describe();
            graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
            RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
            return graph.size();
        }
    }
}
