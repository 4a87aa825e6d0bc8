package org.digestkg.coauthorship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.coauthorship.CoauthorGraphLoader.Loaded;
import org.digestkg.coauthorship.NetworkFile.Corrupt;
import org.digestkg.coauthorship.NetworkFile.Stored;
import org.digestkg.storage.Compaction;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.QuadTap;
import org.digestkg.storage.StoredDigests;
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
 * ({@link #update}), reading again only the papers of the days it changed; anyone who finds it made for another state (a build killed before it could update the file, a
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
        return graph(store.datasetGraph());
    }

    /**
     * The network of the papers {@code filter} keeps, for a command: taken from the store's whole network
     * ({@link #graph(GraphStore)}), and, for the whole network, with the centrality of its authors kept beside it
     * for the same state ({@link CentralityFile}), computed and kept by the first caller that asks for it.
     */
    static CoauthorNetwork network(GraphStore store, PaperFilter filter) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            CoauthorGraph whole = graph(dsg);
            Optional<String> key = CommittedState.seenBy(dsg).map(CommittedState::key);
            Optional<Path> folder = TdbStorage.folder(dsg);
            return key.isPresent() && folder.isPresent() ? network(whole, filter, folder.get(), key.get())
                    : new CoauthorNetwork(whole.keeping(filter));
        });
    }

    /**
     * Like {@link #network(GraphStore, PaperFilter)} for the closed store in {@code storeDir}, without opening it: when
     * its file is for the state the store is still in ({@link StoredDigests#committedKey}). Empty otherwise.
     */
    static Optional<CoauthorNetwork> network(Path storeDir, PaperFilter filter) {
        Optional<String> key = StoredDigests.committedKey(storeDir);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Stored stored = NetworkFile.read(storeDir.resolve(FILE));
            return stored != null && stored.stateKey().equals(key.get())
                    ? Optional.of(network(stored.network().graph(), filter, storeDir, key.get())) : Optional.empty();
        } catch (IOException | Corrupt e) {
            return Optional.empty();
        }
    }

    /** The part of {@code whole} that {@code filter} keeps; for the whole network, with its centrality kept beside it. */
    private static CoauthorNetwork network(CoauthorGraph whole, PaperFilter filter, Path folder, String key) {
        CoauthorNetwork network = new CoauthorNetwork(whole.keeping(filter));
        if (filter.equals(PaperFilter.ALL)) {
            Path file = folder.resolve(CentralityFile.FILE);
            network.centralityFrom(() -> CentralityFile.read(file, key, whole.authorCount()).orElseGet(() -> {
                double[] scores = WeightedPageRank.scores(whole);
                try {
                    CentralityFile.write(file, key, scores);
                } catch (IOException e) {
                    LOG.warn("Could not keep the authors' centrality in {}: {}", file, e.toString());
                }
                return scores;
            }));
        }
        return network;
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
                        ? Optional.of(stored.network().graph()) : Optional.empty();
            } catch (IOException | Corrupt e) {
                return Optional.empty();
            }
        });
    }

    /** The key of the store's committed state now: what a writer notes before it changes the store. */
    public static Optional<String> stateKey(GraphStore store) {
        return CommittedState.seenBy(store.datasetGraph()).map(CommittedState::key);
    }

    /**
     * Compacts the store ({@link Compaction}) and carries the kept network over to the state the compaction gives it:
     * the same papers, merged with the papers of no day, rather than read from the store again (unless another writer
     * committed meanwhile).
     */
    public static Compaction.Result compact(GraphStore store) {
        Noted before = note(store);
        Compaction.Result r = Compaction.compact(store, before.stateKey(), before.commits());
        updated(store, before, 0, Set.of()).keep();
        return r;
    }

    /**
     * Brings the file in line with the store after a writer changed the digests of {@code changedDays} (and nothing
     * else) since the state {@code before}: when the file is for that state, only the papers listed on those days
     * are read again ({@link CoauthorGraphLoader#update}); else the whole network is read. Quiet, unlike a reader's
     * rebuild: keeping the file is the writer's job.
     *
     * @param before      the state key the writer noted before its first change ({@link #stateKey}); empty when
     *                    it could not be told, which means reading the whole network
     * @param changedDays the days of the digests loaded, replaced or removed; null when the writer changed
     *                    something else too (an RDF import), which means reading the whole network
     */
    public static Kept update(GraphStore store, Optional<String> before, Set<LocalDate> changedDays) {
        return update(store, before, changedDays, QuadTap.NONE);
    }

    /** How {@link #update} brought the file in line. */
    public enum Kept {
        /** It was already for the store's state. */
        CURRENT,
        /** From the network a {@link #collector} saw the build write (and the papers it settled, read again). */
        COLLECTED,
        /** From the file before the change and the papers of the changed days, read again. */
        UPDATED,
        /** From the whole store, read again. */
        READ,
        /** The store's state cannot be told: nothing kept. */
        NONE
    }

    /**
     * A tap for the loader of a build into {@code store} ({@link org.digestkg.storage.DigestLoader#tap}): when the
     * store is empty, the network of what the build writes is collected as it is written, so that {@link #update}
     * need not read it back from the store (for a year of digests, seconds; for ten, minutes).
     */
    public static QuadTap collector(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, dsg::isEmpty) ? new CoauthorGraphLoader.Collector(store.dir()) : QuadTap.NONE;
    }

    /**
     * Like {@link #update(GraphStore, Optional, Set)}, taking the network from {@code seen} when it is a
     * {@link #collector} that saw the whole change.
     */
    public static Kept update(GraphStore store, Optional<String> before, Set<LocalDate> changedDays, QuadTap seen) {
        return updated(store, before, changedDays, seen, OptionalLong.empty()).keep();
    }

    /**
     * Like {@link #update(GraphStore, Optional, Set)}, with the file written only by {@link Update#keep}: until then
     * this process's readers of the store's state ({@link #graph(DatasetGraph)}, the co-author index) find the network
     * in memory. A server answers co-authorship queries on a watched day that way before the file is written.
     */
    public static Update updated(GraphStore store, Optional<String> before, Set<LocalDate> changedDays) {
        return updated(store, before, changedDays, QuadTap.NONE, OptionalLong.empty());
    }

    /** What a writer notes before it changes a store that other writers of the process share. */
    public record Noted(Optional<String> stateKey, OptionalLong commits) {
    }

    /** The store's committed state and this process's commits to it so far, seen together. */
    public static Noted note(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> new Noted(CommittedState.seenBy(dsg).map(CommittedState::key),
                CommittedState.commitsBefore(dsg)));
    }

    /**
     * Like {@link #updated(GraphStore, Optional, Set)} for a writer that shares the store with other writers of the
     * process (a server's watched folder, beside SPARQL updates) and made {@code commits} commits since it noted
     * {@code before}: when anyone else committed meanwhile, the days changed no longer say everything that changed,
     * and the whole network is read.
     */
    public static Update updated(GraphStore store, Noted before, int commits, Set<LocalDate> changedDays) {
        OptionalLong expected = before.commits().isPresent()
                ? OptionalLong.of(before.commits().getAsLong() + commits) : OptionalLong.empty();
        return updated(store, before.stateKey(), changedDays, QuadTap.NONE, expected);
    }

    /** @param commits the commits the store must have seen for the days to tell what changed; empty: not checked */
    private static Update updated(GraphStore store, Optional<String> before, Set<LocalDate> changedDays, QuadTap seen,
            OptionalLong commits) {
        DatasetGraph dsg = store.datasetGraph();
        if (!(seen instanceof CoauthorGraphLoader.Collector)) {
            try {
                SpilledNetwork.removeLeftover(store.dir()); // a stopped first build's
            } catch (UncheckedIOException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        return Txn.calculateRead(dsg, () -> {
            Optional<CommittedState> state = CommittedState.seenBy(dsg);
            if (state.isEmpty()) {
                return new Update(Kept.NONE, null);
            }
            Path file = store.dir().resolve(FILE);
            Stored stored;
            try {
                stored = NetworkFile.read(file);
            } catch (IOException | Corrupt e) {
                stored = null;
            }
            if (stored != null && stored.stateKey().equals(state.get().key())) {
                return new Update(Kept.CURRENT, null);
            }
            if (changedDays != null && seen instanceof CoauthorGraphLoader.Collector c && c.complete()) {
                // written as it is put together, never held whole in memory
                synchronized (WRITING) {
                    try {
                        c.write(dsg, union(), file, state.get().key());
                    } catch (IOException | UncheckedIOException e) {
                        LOG.warn("Could not keep the co-authorship index in {}: {}", file, e.toString());
                    }
                }
                return new Update(Kept.COLLECTED, null);
            }
            Kept how;
            Loaded network;
            if (stored != null && before.isPresent() && stored.stateKey().equals(before.get())
                    && changedDays != null
                    && (commits.isEmpty() || CommittedState.commitsBefore(dsg).equals(commits))) {
                how = Kept.UPDATED;
                network = CoauthorGraphLoader.update(dsg, union(), stored.network(), changedDays);
            } else {
                if (writeWhole(dsg, store.dir(), file, state.get().key())) {
                    return new Update(Kept.READ, null); // in its file, as a collected network is
                }
                how = Kept.READ;
                network = CoauthorGraphLoader.loadWithDays(dsg, PaperFilter.ALL, union());
            }
            Held made = new Held(file.toAbsolutePath().normalize(), state.get().key(), network);
            held = made;
            return new Update(how, made);
        });
    }

    /** A network made for a state of the store in this process, until its file (an absolute path) is written. */
    private record Held(Path file, String key, Loaded network) {
    }

    /** The network {@link #updated} made last, while its file is not written yet; else null. */
    private static volatile Held held;

    /** A network brought in line with the store by {@link #updated}, in memory until {@link #keep kept}. */
    public static final class Update {
        private final Kept how;
        private Held made;

        private Update(Kept how, Held made) {
            this.how = how;
            this.made = made;
        }

        /** Writes the file, if this update made a network (once); says how the network was brought in line. */
        public Kept keep() {
            if (made != null) {
                write(made.file(), made.key(), made.network());
                synchronized (WRITING) {
                    if (held == made) held = null;   // the file holds it now
                }
                made = null;
            }
            return how;
        }
    }

    /**
     * The network of {@code dsg} (its default graph the union of the named graphs) as the calling thread's read
     * transaction sees it, or one of its own without: from the file of the store's folder when it is for the state
     * seen, else read from the store and written there (the log says so). A store whose state or folder cannot be
     * told is read every time.
     */
    public static CoauthorGraph graph(DatasetGraph dsg) {
        if (!dsg.isInTransaction()) {
            return Txn.calculateRead(dsg, () -> graph(dsg));
        }
        Optional<CommittedState> state = CommittedState.seenBy(dsg);
        Optional<Path> folder = TdbStorage.folder(dsg);
        if (state.isEmpty() || folder.isEmpty()) {
            return CoauthorGraphLoader.load(dsg, PaperFilter.ALL, union());
        }
        Path file = folder.get().resolve(FILE);
        String key = state.get().key();
        Held made = held;
        if (made != null && made.file().equals(file.toAbsolutePath().normalize()) && made.key().equals(key)) {
            return made.network().graph();   // made by this process, its file not written yet
        }
        String why;
        try {
            Stored stored = NetworkFile.read(file);
            if (stored != null && stored.stateKey().equals(key)) {
                return stored.network().graph();
            }
            why = stored == null ? "none yet" : "made for another state of the store";
        } catch (Corrupt e) {
            why = "unusable (" + e.getMessage() + ")";
        } catch (IOException e) {
            why = "unreadable (" + e + ")";
        }
        long start = System.nanoTime();
        Loaded network = readWhole(dsg, folder.get(), file, key);
        LOG.info("Co-authorship index of the store in {}: {}; rebuilt from the store in {} s", folder.get(), why,
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return network.graph();
    }

    /**
     * Runs {@link #update}'s work for the latest day of the store's kept network twice in memory, keeping nothing, so
     * that a server's first real update (a watched folder's new day) runs on compiled code. Its loops go over every
     * author and paper of the store, which a rehearsal on small samples cannot stand in for: cold, the update of a
     * year's network took 0.8 s, compiled 0.1 s. Does nothing when the file is not for the store's state.
     */
    public static void rehearseUpdate(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        Optional<String> key = stateKey(store);
        Stored stored;
        try {
            stored = NetworkFile.read(store.dir().resolve(FILE));
        } catch (IOException | Corrupt e) {
            return;
        }
        if (stored == null || key.isEmpty() || !stored.stateKey().equals(key.get())) {
            return;
        }
        Loaded network = stored.network();
        int latest = Integer.MIN_VALUE;
        for (int[] days : network.days()) {
            for (int day : days) latest = Math.max(latest, day);
        }
        if (latest == Integer.MIN_VALUE) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            CoauthorGraphLoader.update(dsg, union(), network, Set.of(LocalDate.ofEpochDay(latest))).graph();
        }
    }

    /**
     * Writes the whole network read from the store to {@code file} ({@link CoauthorGraphLoader#writeWhole}, which does
     * not hold it in memory while it is put together); false when the file cannot be written (a read-only store
     * folder, a full disk).
     */
    private static boolean writeWhole(DatasetGraph dsg, Path storeDir, Path file, String key) {
        synchronized (WRITING) {
            try {
                CoauthorGraphLoader.writeWhole(dsg, union(), storeDir, file, key);
                return true;
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not keep the co-authorship index in {}: {}", file, e.toString());
                return false;
            }
        }
    }

    /**
     * The whole network read from the store: written to {@code file} and read back from it, or read into memory, and
     * not kept, when the file cannot be written.
     */
    private static Loaded readWhole(DatasetGraph dsg, Path storeDir, Path file, String key) {
        synchronized (WRITING) { // no other writer replaces the file between the two
            if (writeWhole(dsg, storeDir, file, key)) {
                try {
                    Stored written = NetworkFile.read(file);
                    if (written != null && written.stateKey().equals(key)) return written.network();
                } catch (IOException | Corrupt e) {
                    LOG.warn("Could not read back the co-authorship index in {}: {}", file, e.toString());
                }
            }
        }
        return CoauthorGraphLoader.loadWithDays(dsg, PaperFilter.ALL, union());
    }

    /** The loader's setting: the union default graph, whatever the dataset's own settings. */
    private static Context union() {
        Context union = new Context();
        union.set(TDB2.symUnionDefaultGraph, true);
        return union;
    }

    private static void write(Path file, String key, Loaded network) {
        synchronized (WRITING) {
            try {
                NetworkFile.write(file, key, network);
            } catch (IOException e) {
                // the network is still right; only the next reader will have to read it from the store again
                LOG.warn("Could not keep the co-authorship index in {}: {}", file, e.toString());
            }
        }
    }
}
