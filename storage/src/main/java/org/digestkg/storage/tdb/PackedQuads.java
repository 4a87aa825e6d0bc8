package org.digestkg.storage.tdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
import org.apache.lucene.util.IntroSorter;
import org.digestkg.storage.tdb.JenaInternals.Concern;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/**
 * Fills an empty TDB2 quad table the way TDB2's xloader does. The quads' nodes go into the node table inside the
 * caller's write transaction, and the quads are kept aside as node ids (16 bytes each, mostly); once that
 * transaction has committed, each quad index is written bottom up, full blocks, from the ids sorted in its order
 * (TDB2's {@code BPlusTreeRewriter}). On the 184-day corpus the six indexes took 9 s this way against some 20 s of
 * B+tree inserts in TDB2's sequential loader's index phase, and a third of the space.
 * <p>
 * Not crash-safe: each index is written in a transaction of its own, and the rewriter writes the root block where
 * the empty tree's root was, before the tree's allocation state. So it is only for an empty store, and its caller
 * marks the store so that one left unfinished is emptied again ({@code FirstLoad}).
 */
public final class PackedQuads {

    /**
     * Fault injection for the crash tests: with {@code -D}{@value #HALT_AFTER_INDEXES}{@code =N} the process stops
     * dead (as {@code kill -9} would) once N quad indexes are written, the others still empty.
     */
    static final String HALT_AFTER_INDEXES = "digestkg.faults.haltAfterPackedIndexes";
    private static final int HALT_AFTER = Integer.getInteger(HALT_AFTER_INDEXES, 0);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final TupleIndex[] indexes;
    private final IdTuples tuples = new IdTuples();
    private final byte[] idBytes = new byte[NodeId.SIZE];

    private PackedQuads(DatasetGraphTDB tdb, TupleIndex[] indexes) {
        this.tdb = tdb;
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.indexes = indexes;
    }

    /**
     * A packed load of {@code storage}, inside its write transaction: empty when the store is not empty (or its
     * indexes are not laid out as TDB2 5 lays them out), or when Jena's internals are not available; the caller then
     * loads the usual way.
     */
    public static Optional<PackedQuads> start(DatasetGraph storage) {
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
            return Optional.of(new PackedQuads(tdb, indexes));
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
            int written = 0;
            for (TupleIndex index : indexes) {
                write(index);
                if (++written == HALT_AFTER) Runtime.getRuntime().halt(137);
            }
        } finally {
            txn.getTxnMgr().finishExclusiveMode();
        }
    }

    private void write(TupleIndex index) {
        TupleIndexRecord records = (TupleIndexRecord) index;
        BPlusTree tree = (BPlusTree) records.getRangeIndex();
        TupleMap map = index.getMapping();
        // column k of the index is column order[k] of the (graph, subject, predicate, object) tuple
        int[] order = new int[4];
        var mapped = map.map(TupleFactory.tuple(0, 1, 2, 3));
        for (int k = 0; k < 4; k++) order[k] = mapped.get(k);
        tuples.sort(order);
        RecordFactory factory = tree.getRecordFactory();
        CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(tuples.records(order, factory),
                tree.getParams(), factory, tree.getStateManager().getBufferChannel(),
                tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr()));
    }

    /**
     * Quads as four node ids each, in blocks (no copy of the whole when it grows), sorted in place per index. An id
     * is kept in an int when it fits (a node's place in the node file, for a node file under 2 GB); any other (an
     * inline value: a number, a date) in a table of its own, the int then naming its entry. Half the memory of longs.
     */
    private static final class IdTuples {
        private static final int BLOCK_SHIFT = 18; // tuples per block: 2^18, 4 MB
        private static final int BLOCK = 1 << BLOCK_SHIFT;
        private final List<int[]> blocks = new ArrayList<>();
        private final Map<Long, Integer> wideIndex = new HashMap<>();
        private long[] wide = new long[64];
        private int size;

        void add(long g, long s, long p, long o) {
            if ((size & (BLOCK - 1)) == 0 && size >> BLOCK_SHIFT == blocks.size()) blocks.add(new int[BLOCK * 4]);
            int[] b = blocks.get(size >> BLOCK_SHIFT);
            int at = (size & (BLOCK - 1)) * 4;
            b[at] = narrow(g);
            b[at + 1] = narrow(s);
            b[at + 2] = narrow(p);
            b[at + 3] = narrow(o);
            size++;
        }

        private int narrow(long id) {
            if (id >>> 31 == 0) return (int) id;
            return ~wideIndex.computeIfAbsent(id, x -> {
                int n = wideIndex.size();
                if (n == wide.length) wide = Arrays.copyOf(wide, n * 2);
                wide[n] = x;
                return n;
            });
        }

        private long widen(int v) {
            return v >= 0 ? v : wide[~v];
        }

        long get(int tuple, int column) {
            return widen(blocks.get(tuple >> BLOCK_SHIFT)[(tuple & (BLOCK - 1)) * 4 + column]);
        }

        void sort(int[] order) {
            long[] pivot = new long[4];
            new IntroSorter() {
                @Override
                protected void setPivot(int i) {
                    for (int c = 0; c < 4; c++) pivot[c] = get(i, order[c]);
                }

                @Override
                protected int comparePivot(int j) {
                    for (int c = 0; c < 4; c++) {
                        int r = Long.compareUnsigned(pivot[c], get(j, order[c]));
                        if (r != 0) return r;
                    }
                    return 0;
                }

                @Override
                protected int compare(int i, int j) {
                    for (int c = 0; c < 4; c++) {
                        int r = Long.compareUnsigned(get(i, order[c]), get(j, order[c]));
                        if (r != 0) return r;
                    }
                    return 0;
                }

                @Override
                protected void swap(int i, int j) {
                    int[] bi = blocks.get(i >> BLOCK_SHIFT);
                    int[] bj = blocks.get(j >> BLOCK_SHIFT);
                    int ai = (i & (BLOCK - 1)) * 4;
                    int aj = (j & (BLOCK - 1)) * 4;
                    for (int c = 0; c < 4; c++) {
                        int t = bi[ai + c];
                        bi[ai + c] = bj[aj + c];
                        bj[aj + c] = t;
                    }
                }
            }.sort(0, size);
        }

        private boolean sameAs(int i, int j) {
            int[] bi = blocks.get(i >> BLOCK_SHIFT);
            int[] bj = blocks.get(j >> BLOCK_SHIFT);
            int ai = (i & (BLOCK - 1)) * 4;
            int aj = (j & (BLOCK - 1)) * 4;
            return bi[ai] == bj[aj] && bi[ai + 1] == bj[aj + 1] && bi[ai + 2] == bj[aj + 2] && bi[ai + 3] == bj[aj + 3];
        }

        /** The tuples, sorted by {@code order}, as index records: big-endian ids, so byte order is id order. */
        Iterator<Record> records(int[] order, RecordFactory factory) {
            return new Iterator<>() {
                private int next = 0;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Record next() {
                    if (next >= size) throw new NoSuchElementException();
                    byte[] key = new byte[4 * NodeId.SIZE];
                    for (int k = 0; k < 4; k++) LONGS.set(key, k * NodeId.SIZE, get(next, order[k]));
                    // the store keeps a quad once; an index given it twice would count it twice
                    do next++; while (next < size && sameAs(next - 1, next));
                    return factory.create(key);
                }
            };
        }
    }
}
