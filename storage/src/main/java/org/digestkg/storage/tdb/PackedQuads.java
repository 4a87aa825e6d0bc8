package org.digestkg.storage.tdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.TransactionalSystem;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.digestkg.storage.tdb.JenaInternals.Concern;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/**
 * Fills an empty TDB2 quad table the way TDB2's xloader does. The quads' nodes go into the node table inside the
 * caller's write transaction, and the quads are kept aside as node ids (16 bytes each, mostly); once that
 * transaction has committed, each quad index is written bottom up, full blocks, from the ids sorted in its order
 * (TDB2's {@code BPlusTreeRewriter}). On the 184-day corpus the six indexes took 9 s this way against some 20 s of
 * B+tree inserts in TDB2's sequential loader's index phase, and a third of the space. A load larger than memory
 * holds sorts on disk ({@link IdTuples}), so a decade is loaded this way too.
 * <p>
 * Not crash-safe: each index is written in a transaction of its own, and the rewriter writes the root block where
 * the empty tree's root was, before the tree's allocation state. So it is only for an empty store, and its caller
 * marks the store so that one left unfinished is emptied again ({@code FirstLoad}).
 */
public final class PackedQuads implements AutoCloseable {

    /**
     * Fault injection for the crash tests: with {@code -D}{@value #HALT_AFTER_INDEXES}{@code =N} the process stops
     * dead (as {@code kill -9} would) once N quad indexes are written, the others still empty.
     */
    static final String HALT_AFTER_INDEXES = "digestkg.faults.haltAfterPackedIndexes";
    private static final int HALT_AFTER = Integer.getInteger(HALT_AFTER_INDEXES, 0);

    /**
     * Quads held in memory before they are sorted and written out as runs ({@link IdTuples}): 16 bytes each, so
     * 64 MB; a year of digests (2.4 million quads) fits. Read at each load, so a test can make a small load spill.
     */
    static final String IN_MEMORY = "digestkg.packedQuadsInMemory";
    private static final int DEFAULT_IN_MEMORY = 4 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final TupleIndex[] indexes;
    private final IdTuples tuples;
    private final byte[] idBytes = new byte[NodeId.SIZE];

    private PackedQuads(DatasetGraphTDB tdb, TupleIndex[] indexes, Path runs) {
        this.tdb = tdb;
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.indexes = indexes;
        int[][] orders = new int[indexes.length][];
        for (int i = 0; i < indexes.length; i++) orders[i] = order(indexes[i].getMapping());
        this.tuples = new IdTuples(orders, Integer.getInteger(IN_MEMORY, DEFAULT_IN_MEMORY), runs);
    }

    /** Column k of the index is column {@code order[k]} of the (graph, subject, predicate, object) tuple. */
    private static int[] order(TupleMap map) {
        int[] order = new int[4];
        var mapped = map.map(TupleFactory.tuple(0, 1, 2, 3));
        for (int k = 0; k < 4; k++) order[k] = mapped.get(k);
        return order;
    }

    /**
     * A packed load of {@code storage}, inside its write transaction: empty when the store is not empty (or its
     * indexes are not laid out as TDB2 5 lays them out), or when Jena's internals are not available; the caller then
     * loads the usual way.
     *
     * @param runs a folder for the sorted quads of a load larger than memory holds, deleted by {@link #close()}
     */
    public static Optional<PackedQuads> start(DatasetGraph storage, Path runs) {
        return JenaInternals.attempt(Concern.PACKED_LOAD, () -> {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(storage);
            if (tdb == null) throw new UnknownLayout("not a TDB2 store");
            // an empty store, so that undoing an unfinished load is emptying it
            if (!tdb.getTripleTable().getNodeTupleTable().isEmpty()) return Optional.empty();
            TupleIndex[] indexes = tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            for (TupleIndex index : indexes) {
                if (!(index instanceof TupleIndexRecord r) || !(r.getRangeIndex() instanceof BPlusTree tree)) {
                    throw new UnknownLayout("quad index " + index.getName() + " is not a B+tree");
                }
                if (tree.getRecordFactory().keyLength() != 4 * NodeId.SIZE) {
                    throw new UnknownLayout("quad index " + index.getName() + " has records of "
                            + tree.getRecordFactory().keyLength() + " bytes");
                }
                // the rewriter puts the root in block 0, where a new store's empty tree has it
                if (!index.isEmpty() || tree.getRootId() != 0) return Optional.empty();
            }
            // touches what the index phase calls, so a Jena without it falls back here rather than failing later
            BPlusTreeRewriter.class.getName();
            CoLib.class.getName();
            return Optional.of(new PackedQuads(tdb, indexes, runs));
        });
    }

    /** Adds a quad: its nodes now, in the write transaction; its index entries in {@link #writeIndexes()}. */
    public void add(Quad quad) {
        if (quad.isDefaultGraph()) {
            tdb.add(quad); // the triple table, as usual: not what a digest writes, and not worth packing
            return;
        }
        tuples.add(id(quad.getGraph()), id(quad.getSubject()), id(quad.getPredicate()), id(quad.getObject()));
    }

    private long id(Node node) {
        NodeIdFactory.set(nodes.getAllocateNodeId(node), idBytes, 0);
        return (long) LONGS.get(idBytes, 0);
    }

    /**
     * Writes every quad index from the quads added, after the write transaction that added their nodes has committed
     * and with no other transaction on the store (TDB2's exclusive mode keeps them out meanwhile).
     */
    public void writeIndexes() {
        TransactionalSystem txn = tdb.getTxnSystem();
        txn.getTxnMgr().startExclusiveMode();
        try {
            for (int i = 0; i < indexes.length; i++) {
                write(indexes[i], tuples.keys(i));
                if (i + 1 == HALT_AFTER) Runtime.getRuntime().halt(137);
            }
        } finally {
            txn.getTxnMgr().finishExclusiveMode();
        }
    }

    private void write(TupleIndex index, Iterator<byte[]> keys) {
        BPlusTree tree = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
        RecordFactory factory = tree.getRecordFactory();
        Iterator<byte[]> sorted = ascending(index.getName(), keys);
        Iterator<Record> records = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sorted.hasNext();
            }

            @Override
            public Record next() {
                return factory.create(sorted.next());
            }
        };
        CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(records, tree.getParams(), factory,
                tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(),
                tree.getRecordsMgr().getBlockMgr()));
    }

    /**
     * {@code keys}, checked to be strictly ascending: the rewriter trusts its input to be, and given keys out of order
     * writes a tree that finds the wrong quads. A load that hits this fails instead (a first load's store is then
     * emptied when next opened, a compaction keeps the old storage).
     */
    static Iterator<byte[]> ascending(String index, Iterator<byte[]> keys) {
        return new Iterator<>() {
            private byte[] last;
            private long count;

            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public byte[] next() {
                byte[] key = keys.next();
                if (last != null && Arrays.compareUnsigned(last, key) >= 0) {
                    throw new IllegalStateException("the sorted quads for index " + index + " are out of order at key "
                            + (count + 1));
                }
                last = key;
                count++;
                return key;
            }
        };
    }

    /** Deletes the sorted quads kept on disk, if any: after {@link #writeIndexes()}, or when the load is undone. */
    @Override
    public void close() {
        tuples.close();
    }

    /** Runs of sorted quads written so far (none while the load fits in memory). */
    public int runs() {
        return tuples.runCount();
    }
}
