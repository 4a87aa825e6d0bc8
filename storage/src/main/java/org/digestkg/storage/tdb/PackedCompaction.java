package org.digestkg.storage.tdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.base.Sys;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.CopyDSG;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.digestkg.storage.tdb.JenaInternals.Concern;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/**
 * TDB2's compaction with the new storage's quad indexes written packed, as a first build writes them
 * ({@link PackedQuads}), instead of by one B+tree insert per quad, and the nodes read from the node file mapped into
 * memory ({@link NodeFile}). TDB2's own compaction leaves the indexes about two-thirds full: a year's store of 936 MB
 * (596 MB packed, then a day added and removed three times) came out at 989 MB in 90 s; this way, at 596 MB in 43 s.
 * <p>
 * Otherwise it does what {@code DatabaseOps.compact} does, step for step, so that a process stopped at any point
 * leaves what TDB2's compaction would: the new storage is written into {@code Data-NNNN-tmp}, which TDB2 deletes when
 * it next opens the store, and becomes {@code Data-NNNN} by one rename once complete (and is then the storage the
 * store opens with). Writers wait meanwhile; readers go on. The store then switches to it under TDB2's exclusive
 * mode, taking over the transaction counters and the external components (the text index); readers that began on
 * the old storage finish on it, and its folder is deleted.
 */
public final class PackedCompaction {

    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");
    private static final String TMP_SUFFIX = "-tmp";
    /** A folder of the new storage for the sorted quads of a store larger than memory holds; gone before the rename. */
    private static final String RUNS = "packed-runs";

    /** One compaction at a time in the process, as TDB2's own. */
    private static final Object COMPACTING = new Object();

    private PackedCompaction() {
    }

    /**
     * Compacts {@code storage} (a store's TDB2 dataset, outside any transaction), deleting its old storage folder.
     *
     * @return false when Jena's internals are not as expected (the new storage, if begun, deleted again): the caller
     *         then takes TDB2's compaction
     */
    public static boolean run(DatasetGraph storage) {
        return JenaInternals.attempt(Concern.PACKED_COMPACTION, () -> {
            // Windows cannot rename a folder with files mapped in it, which TDB2 compacts another way
            if (Sys.isWindows) return Optional.empty();
            DatasetGraphSwitchable container = TdbStorage.switchable(storage)
                    .filter(DatasetGraphSwitchable::hasContainerPath)
                    .orElseThrow(() -> new UnknownLayout("not a TDB2 store on disk"));
            if (!(container.get() instanceof DatasetGraphTDB)) throw new UnknownLayout("not a TDB2 dataset");
            // touched now, so that a Jena without them falls back here rather than failing halfway
            CopyDSG.class.getName();
            StoreConnection.class.getName();
            TransactionCoordinator.class.getName();
            synchronized (COMPACTING) {
                compact(container);
            }
            return Optional.of(true);
        }).isPresent();
    }

    private static void compact(DatasetGraphSwitchable container) {
        DatasetGraphTDB current = (DatasetGraphTDB) container.get();
        Path old = DatabaseOps.findStorageLocation(container.getContainerPath());
        if (old == null || !Location.create(old).equals(current.getLocation())) {
            throw new TDBException("Not the latest storage of " + container.getContainerPath() + ": "
                    + current.getLocation());
        }
        Matcher m = GENERATION.matcher(old.getFileName().toString());
        if (!m.matches()) throw new UnknownLayout("storage folder " + old.getFileName());
        Path next = old.resolveSibling(String.format("Data-%04d", Integer.parseInt(m.group(1)) + 1));
        Path tmp = next.resolveSibling(next.getFileName() + TMP_SUFFIX);
        if (Files.exists(next) || Files.exists(tmp)) {
            throw new TDBException("Cannot compact " + container.getContainerPath() + ": " + next + " or " + tmp
                    + " exists");
        }
        try {
            Files.createDirectory(tmp);   // fails if another compaction made it meanwhile, which is then left alone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            container.execReadOnlyDatabase(() -> {
                if (container.get() != current) {
                    throw new TDBException("Compacted meanwhile: " + container.getContainerPath());
                }
                copyConfig(old, tmp);
                DatasetGraphTDB target = StoreConnection.connectCreate(Location.create(tmp)).getDatasetGraphTDB();
                copy(current, target, tmp.resolve(RUNS));
                StoreConnection.internalExpel(Location.create(tmp), true);
                move(tmp, next);
                DatasetGraphTDB compacted = StoreConnection.connectCreate(Location.create(next)).getDatasetGraphTDB();
                try {
                    switchTo(container, current, compacted);
                } catch (RuntimeException | Error e) {
                    if (container.get() != compacted) {
                        // still on the old storage, which writers go on with: the store must not open the new one
                        StoreConnection.internalExpel(Location.create(next), true);
                        IO.deleteAll(next);
                    }
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            if (Files.exists(tmp)) IO.deleteAll(tmp);
            throw e;
        }
        // readers still on the old storage finish first; then it is closed and deleted
        current.getTxnSystem().getTxnMgr().startExclusiveMode();
        StoreConnection.release(current.getLocation());
        IO.deleteAll(old);
    }

    /**
     * The latest state of {@code from} into the empty {@code to}: its nodes in one commit, then each quad index
     * packed, with no transaction on {@code to} left open (its exclusive mode waits for them all).
     */
    private static void copy(DatasetGraphTDB from, DatasetGraphTDB to, Path runs) {
        PackedQuads packed = null;
        boolean committed = false;
        to.begin(TxnType.WRITE);
        try {
            PackedQuads into = PackedQuads.start(to, runs)
                    .orElseThrow(() -> new UnknownLayout("the new storage's indexes cannot be written packed"));
            packed = into;
            Txn.executeRead(from, () -> {
                eachQuad(from, into::add);
                CopyDSG.copyPrefixes(from, to);
            });
            to.commit();
            committed = true;
        } finally {
            if (!committed) to.abort();
            to.end();
            if (!committed && packed != null) packed.close();
        }
        try (PackedQuads written = packed) {
            written.writeIndexes();
        }
    }

    /**
     * Every quad of {@code from}, inside a read transaction on it, decoded from its node file mapped into memory (Jena
     * reads that file a few bytes per system call, which took half of a year's compaction), else by Jena.
     */
    private static void eachQuad(DatasetGraphTDB from, Consumer<Quad> action) {
        NodeFile file;
        try {
            file = NodeFile.map(from);
        } catch (UnknownLayout e) {
            Iterator<Quad> quads = from.find();
            try {
                quads.forEachRemaining(action);
            } finally {
                Iter.close(quads);
            }
            return;
        }
        Nodes nodes = new Nodes(file);
        each(from.getTripleTable().getNodeTupleTable(), ids ->
                action.accept(Quad.create(Quad.defaultGraphIRI, nodes.get(ids.get(0)), nodes.get(ids.get(1)),
                        nodes.get(ids.get(2)))));
        each(from.getQuadTable().getNodeTupleTable(), ids ->
                action.accept(Quad.create(nodes.get(ids.get(0)), nodes.get(ids.get(1)), nodes.get(ids.get(2)),
                        nodes.get(ids.get(3)))));
    }

    private static void each(NodeTupleTable table, Consumer<Tuple<NodeId>> action) {
        Node[] any = new Node[table.getTupleTable().getTupleLen()];
        Arrays.fill(any, Node.ANY);
        Iterator<Tuple<NodeId>> tuples = table.findAsNodeIds(any);
        if (tuples == null) return;   // a node of the pattern is not in the store: none here
        try {
            tuples.forEachRemaining(action);
        } finally {
            Iter.close(tuples);
        }
    }

    /**
     * The nodes of a node file, the IRIs and blank nodes among them kept in a cache of fixed size, which holds the ones
     * that recur (predicates, classes, categories, authors); literals are mostly a paper's own.
     */
    private static final class Nodes {
        private static final int SLOTS = 1 << 19;

        private final NodeFile file;
        /** The node file offset of the node in each slot, plus one; 0 for none. */
        private final long[] offsets = new long[SLOTS];
        private final Node[] cached = new Node[SLOTS];

        Nodes(NodeFile file) {
            this.file = file;
        }

        Node get(NodeId id) {
            if (NodeId.isInline(id)) return file.get(id);
            long offset = id.getPtrLocation();
            int slot = (int) (offset ^ (offset >>> 19) ^ (offset >>> 38)) & (SLOTS - 1);
            if (offsets[slot] == offset + 1) return cached[slot];
            Node node = file.get(id);
            if (node.isURI() || node.isBlank()) {
                offsets[slot] = offset + 1;
                cached[slot] = node;
            }
            return node;
        }
    }

    /** The store's configuration files, as TDB2's compaction copies them. */
    private static void copyConfig(Path from, Path to) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from,
                f -> f.getFileName().toString().equals("tdb.cfg") || f.getFileName().toString().endsWith(".opt"))) {
            for (Path f : files) Files.copy(f, to.resolve(f.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code compacted} the store's storage for every transaction that begins from now on. */
    private static void switchTo(DatasetGraphSwitchable container, DatasetGraphTDB current, DatasetGraphTDB compacted) {
        TransactionCoordinator before = current.getTxnSystem().getTxnMgr();
        TransactionCoordinator after = compacted.getTxnSystem().getTxnMgr();
        after.execExclusive(() -> {
            after.takeOverFrom(before);
            after.modifyConfigDirect(() -> before.listExternals().forEach(after::addExternal));
            if (!container.change(current, compacted)) container.set(compacted);
        });
    }
}
