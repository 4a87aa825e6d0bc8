package org.digestkg.coauthorship.sparql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.PaperFilter;
import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.storage.tdb.CommittedState;

/**
 * The co-authorship network of a store, built once per committed state of the store and shared by every query
 * that reads that state.
 *
 * <p>A network is built inside a read transaction and kept with the {@link CommittedState} that transaction saw;
 * a query whose transaction sees another state gets another network. So the index answers exactly what plain
 * SPARQL would in the same transaction, after any reload, removal, SPARQL update or compaction: it is never stale,
 * only rebuilt. For a store on disk read through its union default graph the network is the one the store keeps
 * in its folder for that state ({@link StoredNetwork}): read in a fraction of a second, rebuilt (a few seconds for a
 * year of digests) only when the file is for another state. Inside a write transaction, which may hold uncommitted
 * changes, and when the store's state cannot be told, nothing is shared: each query builds its own network.
 */
public final class CoauthorIndex {

    /** The stores (by {@link CommittedState#store()}) most recently asked about; few are open at once. */
    private static final int STORES = 4;
    private static final Map<String, CoauthorIndex> BY_STORE = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CoauthorIndex> eldest) {
                    return size() > STORES;
                }
            });

    private final Object building = new Object();
    private volatile Snapshot latest;

    private CoauthorIndex() {
    }

    /**
     * The network of the dataset a property function is evaluated on, read the way the query reads it.
     *
     * @param category a main-category code (any case) to keep only its papers; {@code null} for all papers
     */
    static CoauthorGraph graph(ExecutionContext execCxt, String category) {
        return graph(execCxt.getDataset(), unionDefaultGraph(execCxt.getContext()), category);
    }

    /**
     * The network of {@code dsg} as the calling thread's transaction sees it (a read transaction of its own
     * when the thread has none), with the dataset's own settings.
     *
     * @param category a main-category code (any case) to keep only its papers; {@code null} for all papers
     */
    public static CoauthorGraph graph(DatasetGraph dsg, String category) {
        return graph(dsg, unionDefaultGraph(dsg.getContext()), category);
    }

    /** Builds the network of the store's current state now, so that the first co-authorship query does not wait. */
    public static void warm(DatasetGraph dsg) {
        Txn.executeRead(dsg, () -> graph(dsg, null));
    }

    private static CoauthorGraph graph(DatasetGraph dsg, boolean union, String category) {
        if (!dsg.isInTransaction()) {
            return Txn.calculateRead(dsg, () -> graph(dsg, union, category));
        }
        Optional<CommittedState> state = CommittedState.seenBy(dsg);
        if (state.isEmpty()) {
            return Snapshot.build(dsg, union, null).graph(category);
        }
        CoauthorIndex index = BY_STORE.computeIfAbsent(state.get().store(), k -> new CoauthorIndex());
        return index.snapshot(dsg, union, state.get()).graph(category);
    }

    /**
     * Whether a query with this context reads the union of the named graphs as its default graph. A property
     * function is evaluated on TDB2's storage dataset, whose own context need not say so: the served dataset's
     * setting reaches the function only through the query's context (after a compaction the new storage's
     * context is a fresh one).
     */
    private static boolean unionDefaultGraph(Context context) {
        return context != null
                && (context.isTrue(TDB2.symUnionDefaultGraph1) || context.isTrue(TDB2.symUnionDefaultGraph2));
    }

    private Snapshot snapshot(DatasetGraph dsg, boolean union, CommittedState state) {
        Snapshot current = latest;
        if (current != null && current.matches(union, state)) {
            return current;
        }
        // one build at a time: queries arriving meanwhile wait for it rather than build the same network again
        synchronized (building) {
            current = latest;
            if (current != null && current.matches(union, state)) {
                return current;
            }
            Snapshot built = Snapshot.build(dsg, union, state);
            // a slow reader of an older state does not push out the network of a newer one
            if (current == null || !current.state().isNewerThan(state)) {
                latest = built;
            }
            return built;
        }
    }

    /**
     * The network of one committed state of the store (null: a state that cannot be told), read with or without
     * the union default graph, and its per-category parts as queries ask for them.
     */
    private record Snapshot(boolean union, CommittedState state, CoauthorGraph all,
            ConcurrentMap<String, CoauthorGraph> byCategory) {

        static Snapshot build(DatasetGraph dsg, boolean union, CommittedState state) {
            // links worked out now, while queries wait for the build, rather than by the first query after it
            if (union && state != null) {
                // the network the store keeps in its folder for this state, or read and kept there for the next
                return new Snapshot(true, state, StoredNetwork.graph(dsg).withLinks(), new ConcurrentHashMap<>());
            }
            Context context = new Context();
            context.set(TDB2.symUnionDefaultGraph, union);
            return new Snapshot(union, state, CoauthorGraph.load(dsg, PaperFilter.ALL, context).withLinks(),
                    new ConcurrentHashMap<>());
        }

        boolean matches(boolean union, CommittedState state) {
            return this.union == union && state.equals(this.state);
        }

        CoauthorGraph graph(String category) {
            if (category == null) {
                return all;
            }
            return byCategory.computeIfAbsent(category.strip().toLowerCase(Locale.ROOT),
                    code -> all.filtered(PaperFilter.ALL.withCategory(code)));
        }
    }
}
