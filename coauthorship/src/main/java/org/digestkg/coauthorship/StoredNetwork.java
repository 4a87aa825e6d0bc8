package org.digestkg.coauthorship;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.coauthorship.NetworkFile.Corrupt;
import org.digestkg.coauthorship.NetworkFile.Stored;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.TdbStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The co-authorship network of a store kept in a file inside the store's folder ({@value #FILE}), so that a command
 * or a server starting up reads it in a fraction of a second instead of reading the network from the store (seconds
 * for a year of digests).
 *
 * <p>The file carries the key of the store's {@link CommittedState} it was read from, and is used only for exactly
 * that state: it can never be stale. A build or a removal brings it up to date after its commits
 * ({@link #update}); anyone who finds it made for another state (a build killed before it could update the file, a
 * SPARQL update, a compaction), cut short or of an older format, reads the network from the store again and
 * replaces the file, and the log says so once. The network kept is the one of the store's union default graph,
 * as {@link GraphStore} reads it.
 */
public final class StoredNetwork {

    /** The file's name in the store's folder. */
    public static final String FILE = "coauthorship.idx";

    private static final Logger LOG = LoggerFactory.getLogger(StoredNetwork.class);

    /** Writers of one process take turns; processes do not share a store (TDB2 locks it). */
    private static final Object WRITING = new Object();

    private StoredNetwork() {
    }

    /** The whole network of the store as it is now: from the file when it is for this state, else read and kept. */
    public static CoauthorGraph graph(GraphStore store) {
        return graph(store.datasetGraph(), true);
    }

    /**
     * The network in the store's file when the file is for the store's current state, without reading the store;
     * empty when there is no such file (none, another state's, unusable).
     */
    public static Optional<CoauthorGraph> kept(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Optional<CommittedState> state = CommittedState.seenBy(dsg);
            if (state.isEmpty()) {
                return Optional.empty();
            }
            try {
                Stored stored = NetworkFile.read(store.dir().resolve(FILE));
                return stored != null && stored.stateKey().equals(state.get().key())
                        ? Optional.of(stored.graph()) : Optional.empty();
            } catch (IOException | Corrupt e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Brings the file in line with the store's state after a write: nothing to do when it already is, else the
     * network is read from the store and written. Quiet, unlike a reader's rebuild: keeping the file is the writer's
     * job.
     */
    public static void update(GraphStore store) {
        graph(store.datasetGraph(), false);
    }

    /**
     * The network of {@code dsg} (its default graph the union of the named graphs) as the calling thread's read
     * transaction sees it, or one of its own without: from the file of the store's folder when it is for the state
     * seen, else read from the store and written there. A store whose state or folder cannot be told is read
     * every time.
     */
    public static CoauthorGraph graph(DatasetGraph dsg) {
        return graph(dsg, true);
    }

    private static CoauthorGraph graph(DatasetGraph dsg, boolean announce) {
        if (!dsg.isInTransaction()) {
            return Txn.calculateRead(dsg, () -> graph(dsg, announce));
        }
        Optional<CommittedState> state = CommittedState.seenBy(dsg);
        Optional<Path> folder = TdbStorage.folder(dsg);
        if (state.isEmpty() || folder.isEmpty()) {
            return read(dsg);
        }
        Path file = folder.get().resolve(FILE);
        String key = state.get().key();
        String why;
        try {
            Stored stored = NetworkFile.read(file);
            if (stored != null && stored.stateKey().equals(key)) {
                return stored.graph();
            }
            why = stored == null ? "none yet" : "made for another state of the store";
        } catch (Corrupt e) {
            why = "unusable (" + e.getMessage() + ")";
        } catch (IOException e) {
            why = "unreadable (" + e + ")";
        }
        long start = System.nanoTime();
        CoauthorGraph graph = read(dsg);
        write(file, key, graph);
        if (announce) {
            LOG.info("Co-authorship index of the store in {}: {}; rebuilt from the store in {} s", folder.get(), why,
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
        return graph;
    }

    /** Reads the network from the store, with the union default graph whatever the dataset's own settings. */
    private static CoauthorGraph read(DatasetGraph dsg) {
        Context union = new Context();
        union.set(TDB2.symUnionDefaultGraph, true);
        return CoauthorGraph.load(dsg, PaperFilter.ALL, union);
    }

    private static void write(Path file, String key, CoauthorGraph graph) {
        synchronized (WRITING) {
            try {
                NetworkFile.write(file, key, graph);
            } catch (IOException e) {
                // the network is still right; only the next reader will have to read it from the store again
                LOG.warn("Could not keep the co-authorship index in {}: {}", file, e.toString());
            }
        }
    }
}
