package org.digestkg.explorer.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.digestkg.storage.query.NamedQueries;

/**
 * Asks the store the questions of {@code sparql/}: each service question is a named query a user can run with
 * {@code kg query NAME --param ...}. Parameters are bound to the query's variables by Jena's substitution, never
 * pasted into its text; every query runs with the time limit the SPARQL endpoint has.
 *
 * <p>A caller that needs several answers to agree (one page) runs them inside {@link #read(Supplier)}: one read
 * transaction, one state of the store.
 */
public final class StoreQueries {

    private final DatasetGraph dsg;
    private final Duration timeout;
    private final ConcurrentMap<String, Query> parsed = new ConcurrentHashMap<>();
    private final AnswerCache cache;

    /** @param timeout longest time one query may run; {@code null} for none */
    public StoreQueries(DatasetGraph dsg, Duration timeout) {
        this.dsg = dsg;
        this.timeout = timeout;
        this.cache = new AnswerCache(dsg);
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    /** Runs {@code work} in one read transaction (or the caller's, when it is in one already). */
    public <T> T read(Supplier<T> work) {
        return Txn.calculateRead(dsg, work);
    }

    /**
     * The answer to a question about the whole store, computed once per committed state of the store (see
     * {@link AnswerCache}); {@code question} names it uniquely.
     */
    public <T> T kept(String question, Supplier<T> compute) {
        return read(() -> cache.get(question, compute));
    }

    /** The rows of the parameterless SELECT query {@code sparql/NAME.rq}, kept per state of the store. */
    public List<Row> selectKept(String name) {
        return kept("select " + name, () -> select(name, Map.of()));
    }

    /** The rows of the SELECT query {@code sparql/NAME.rq}, with {@code params} bound. */
    public List<Row> select(String name, Map<String, Node> params) {
        Query query = query(name, params);
        return read(() -> {
            try (QueryExec exec = exec(query, params)) {
                RowSet rows = exec.select();
                List<Row> out = new ArrayList<>();
                // TDB2 bindings read their terms lazily, from the transaction: copy them out while it is open
                rows.forEachRemaining(b -> out.add(new Row(materialised(b))));
                return out;
            }
        });
    }

    /** The graph the CONSTRUCT query {@code sparql/NAME.rq} builds, with {@code params} bound. */
    public Graph construct(String name, Map<String, Node> params) {
        Query query = query(name, params);
        return read(() -> {
            try (QueryExec exec = exec(query, params)) {
                Graph g = exec.construct();
                g.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
                return g;
            }
        });
    }

    private QueryExec exec(Query query, Map<String, Node> params) {
        var builder = QueryExec.dataset(dsg).query(query).substitution(binding(params));
        if (timeout != null) {
            long ms = timeout.toMillis();
            builder.initialTimeout(ms, TimeUnit.MILLISECONDS).overallTimeout(ms, TimeUnit.MILLISECONDS);
        }
        return builder.build();
    }

    /**
     * The parsed query; the first time, also checks that it has every parameter a service binds, so a renamed
     * variable in a query file fails loudly instead of silently matching everything.
     */
    private Query query(String name, Map<String, Node> params) {
        Query query = parsed.computeIfAbsent(name, n -> QueryFactory.create(NamedQueries.load(n)));
        var used = OpVars.mentionedVars(Algebra.compile(query));
        for (String p : params.keySet()) {
            if (!used.contains(Var.alloc(p))) {
                throw new IllegalStateException("sparql/" + name + ".rq has no variable ?" + p + " to bind");
            }
        }
        return query;
    }

    private static Binding materialised(Binding b) {
        BindingBuilder copy = BindingBuilder.create();
        b.vars().forEachRemaining(v -> copy.add(v, b.get(v)));
        return copy.build();
    }

    private static Binding binding(Map<String, Node> params) {
        BindingBuilder b = BindingBuilder.create();
        params.forEach((name, value) -> b.add(Var.alloc(name), value));
        return b.build();
    }
}
