package org.digestkg.storage.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;

/** Runs one query, on the local store or a remote SPARQL endpoint, and prints its results. */
public final class QueryRunner {

    private QueryRunner() {
    }

    /** Runs {@code queryText} against the store, printing results; returns the number of rows (or triples). */
    public static long run(DatasetGraph dsg, String queryText, Binding params, ResultFormat format, OutputStream out) {
        Query query = parse(queryText, params);
        return Txn.calculateRead(dsg, () -> print(QueryExec.dataset(dsg).query(query).substitution(params), query, format, out));
    }

    /** Runs {@code queryText} on a remote SPARQL endpoint. */
    public static long runRemote(String endpoint, String queryText, Binding params, ResultFormat format, OutputStream out) {
        Query query = parse(queryText, params);
        return print(QueryExecHTTP.service(endpoint).query(query).substitution(params), query, format, out);
    }

    /** Parses the query and refuses parameters it does not use: a typo would otherwise silently filter nothing. */
    static Query parse(String queryText, Binding params) {
        Query query = QueryFactory.create(queryText);
        var used = OpVars.mentionedVars(Algebra.compile(query));
        params.vars().forEachRemaining(v -> {
            if (!used.contains(v)) {
                throw new IllegalArgumentException("the query has no variable ?" + v.getVarName() + " to bind; it uses "
                        + used.stream().map(Var::toString).sorted().toList());
            }
        });
        return query;
    }

    private static long print(QueryExecBuilder builder, Query query, ResultFormat format, OutputStream out) {
        try (QueryExec exec = builder.build()) {
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
