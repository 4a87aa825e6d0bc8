package org.digestkg.coauthorship.sparql;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.PaperFilter;

/**
 * The co-authorship network of a store, built once per committed state of the store and shared by every query
 * that reads that state.
 *
 * <p>TDB2 numbers its committed states: each write commit advances the store's data version, and a read
 * transaction sees the version that was current when it began. A network is built inside a read transaction
 * and kept with the version that transaction saw; a query whose transaction sees another version gets another
 * network. So the index answers exactly what plain SPARQL would in the same transaction, after any reload,
 * removal or SPARQL update: it is never stale, only rebuilt (a few seconds for a year of digests). Inside a
 * write transaction, which may hold uncommitted changes, nothing is cached.
 */
public final class CoauthorIndex {

    /** One per open store; weak, so a closed store's network goes with it. */
    private static final Map<TransactionCoordinator, CoauthorIndex> BY_STORE =
            Collections.synchronizedMap(new WeakHashMap<>());

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
        DatasetGraphTDB storage = storage(dsg);
        if (storage == null) {
            return Snapshot.build(dsg, union, -1).graph(category); // not TDB2: no version to key a cache on
        }
        Transaction txn = storage.getTxnSystem().getThreadTransaction();
        if (txn == null) {
            return Txn.calculateRead(dsg, () -> graph(dsg, union, category));
        }
        if (txn.isWriteTxn()) {
            return Snapshot.build(dsg, union, -1).graph(category);
        }
        CoauthorIndex index = BY_STORE.computeIfAbsent(storage.getTxnSystem().getTxnMgr(), k -> new CoauthorIndex());
        return index.snapshot(dsg, union, txn.getDataVersion()).graph(category);
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

    private Snapshot snapshot(DatasetGraph dsg, boolean union, long version) {
        Snapshot current = latest;
        if (current != null && current.matches(union, version)) {
            return current;
        }
        // one build at a time: queries arriving meanwhile wait for it rather than build the same network again
        synchronized (building) {
            current = latest;
            if (current != null && current.matches(union, version)) {
                return current;
            }
            Snapshot built = Snapshot.build(dsg, union, version);
            if (current == null || version >= current.version) {
                latest = built;
            }
            return built;
        }
    }

    private static DatasetGraphTDB storage(DatasetGraph dsg) {
        return DatasetGraphWrapper.unwrap(dsg) instanceof DatasetGraphTDB tdb ? tdb : null;
    }

    /**
     * The network of one version of the store, read with or without the union default graph, and its per-category
     * parts as queries ask for them.
     */
    private record Snapshot(boolean union, long version, CoauthorGraph all,
            ConcurrentMap<String, CoauthorGraph> byCategory) {

        static Snapshot build(DatasetGraph dsg, boolean union, long version) {
            Context context = new Context();
            context.set(TDB2.symUnionDefaultGraph, union);
            return new Snapshot(union, version, CoauthorGraph.load(dsg, PaperFilter.ALL, context),
                    new ConcurrentHashMap<>());
        }

        boolean matches(boolean union, long version) {
            return this.union == union && this.version == version;
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
