package org.digestkg.storage.tdb;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/**
 * Counts read from a TDB2 store's quad indexes, for {@code kg stats}: its records are walked as raw node ids (8 bytes
 * each, compared as bytes, never decoded) in the index whose order puts equal values next to each other, so a
 * distinct count needs no set. SPARQL's {@code COUNT(DISTINCT …)} over a year of digests took seconds and hundreds of
 * megabytes; the same counts here are one pass over the quads' SPOG index and short range scans of POSG.
 * <p>
 * Patterns match the union of the named graphs, as queries over the store do. Use inside a read transaction, through
 * {@link JenaInternals#attempt} with {@link JenaInternals.Concern#COUNTS}.
 */
public final class IndexCounts {

    private static final int ID = NodeId.SIZE;
    private static final int QUAD_KEY = 4 * ID;

    private final DatasetGraphTDB tdb;
    private final NodeTable nodes;
    private final BPlusTree spog;
    private final BPlusTree posg;

    private IndexCounts(DatasetGraphTDB tdb, BPlusTree spog, BPlusTree posg) {
        this.tdb = tdb;
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.spog = spog;
        this.posg = posg;
    }

    /**
     * The counter of {@code dsg}: empty when it is not a TDB2 store.
     *
     * @throws UnknownLayout when it is one, but its quad indexes are not the B+trees this reads
     */
    public static Optional<IndexCounts> of(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TdbStorage.of(dsg);
        if (tdb == null) return Optional.empty();
        TupleTable quads = tdb.getQuadTable().getNodeTupleTable().getTupleTable();
        return Optional.of(new IndexCounts(tdb, tree(quads, "SPOG"), tree(quads, "POSG")));
    }

    private static BPlusTree tree(TupleTable table, String name) {
        TupleIndex index = table.selectIndex(name);
        if (!(index instanceof TupleIndexRecord r) || !(r.getRangeIndex() instanceof BPlusTree tree)) {
            throw new UnknownLayout("the store has no " + name + " quad index as a B+tree");
        }
        if (tree.getRecordFactory().keyLength() != QUAD_KEY || tree.getRecordFactory().valueLength() != 0) {
            throw new UnknownLayout("the quad index " + name + " has records of " + tree.getRecordFactory().recordLength()
                    + " bytes");
        }
        return tree;
    }

    /** How many quads the store holds, and how many distinct triples its named graphs hold together. */
    public record Sizes(long quads, long unionTriples) {
    }

    /** Every quad, the default graph's triples included, and the distinct triples of the named graphs: one pass. */
    public Sizes sizes() {
        // SPOG puts the copies of a triple in several graphs next to each other
        long[] counts = new long[2];
        long[] last = new long[3];
        scan(spog, new byte[0], (bb, at) -> {
            long s = bb.getLong(at), p = bb.getLong(at + ID), o = bb.getLong(at + 2 * ID);
            if (counts[0] == 0 || s != last[0] || p != last[1] || o != last[2]) {
                counts[1]++;
                last[0] = s;
                last[1] = p;
                last[2] = o;
            }
            counts[0]++;
        });
        long defaultGraph = tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()[0].size();
        return new Sizes(counts[0] + defaultGraph, counts[1]);
    }

    /** {@code COUNT(DISTINCT ?s) { ?s predicate object }}. */
    public long subjects(Node predicate, Node object) {
        long[] count = {0};
        long[] last = {0};
        byte[] prefix = prefix(predicate, object);
        if (prefix == null) return 0;
        // POSG: the subjects of one predicate and object in order
        scan(posg, prefix, (bb, at) -> {
            long s = bb.getLong(at + 2 * ID);
            if (count[0] == 0 || s != last[0]) {
                count[0]++;
                last[0] = s;
            }
        });
        return count[0];
    }

    /** {@code COUNT(DISTINCT ?o) { ?s predicate ?o }}. */
    public long objects(Node predicate) {
        return objects(predicate, null);
    }

    /**
     * {@code COUNT(DISTINCT ?o) { ?s a type ; predicate ?o }}: the objects of {@code predicate} on subjects of that
     * type (any subject when null). The typed subjects are held as sorted ids while POSG's entries of the predicate
     * go by.
     */
    public long objects(Node predicate, Node type) {
        byte[] prefix = prefix(predicate);
        if (prefix == null) return 0;
        long[] typed = type == null ? null : subjectIds(type);
        long[] count = {0};
        long[] last = {0};
        // POSG: the objects of one predicate in order, each object's subjects after it
        scan(posg, prefix, (bb, at) -> {
            long o = bb.getLong(at + ID);
            if (count[0] > 0 && o == last[0]) return; // counted already
            if (typed == null || Arrays.binarySearch(typed, bb.getLong(at + 2 * ID)) >= 0) {
                count[0]++;
                last[0] = o;
            }
        });
        return count[0];
    }

    /** The ids of the distinct subjects of {@code ?s a type}, sorted. */
    private long[] subjectIds(Node type) {
        byte[] prefix = prefix(RDF.Nodes.type, type);
        if (prefix == null) return new long[0];
        long[][] ids = {new long[1024]};
        int[] n = {0};
        scan(posg, prefix, (bb, at) -> {
            long s = bb.getLong(at + 2 * ID);
            if (n[0] > 0 && ids[0][n[0] - 1] == s) return;
            if (n[0] == ids[0].length) ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            ids[0][n[0]++] = s;
        });
        long[] sorted = Arrays.copyOf(ids[0], n[0]);
        Arrays.sort(sorted); // the index's order is unsigned; a binary search needs Java's
        return sorted;
    }

    /** The key prefix of {@code terms}' ids, or null when one of them is in no quad of the store. */
    private byte[] prefix(Node... terms) {
        byte[] key = new byte[terms.length * ID];
        for (int i = 0; i < terms.length; i++) {
            NodeId id = nodes.getNodeIdForNode(terms[i]);
            if (NodeId.isDoesNotExist(id)) return null;
            NodeIdFactory.set(id, key, i * ID);
        }
        return key;
    }

    /** What a scan does with each record: the record's key is in {@code bb} from offset {@code at}. */
    private interface Visit {
        void record(ByteBuffer bb, int at);
    }

    /** Visits the records of {@code tree} whose keys start with {@code prefix}, in order. */
    private static void scan(BPlusTree tree, byte[] prefix, Visit visit) {
        RecordFactory factory = tree.getRecordFactory();
        int length = factory.recordLength();
        long[] wanted = new long[prefix.length / ID];
        for (int i = 0; i < wanted.length; i++) wanted[i] = ByteBuffer.wrap(prefix).getLong(i * ID);
        // The range iterator maps a record before it compares it with the upper bound: the mapper sees the first
        // record past the range too, so it checks the prefix itself.
        RecordMapper<Boolean> mapper = (bb, entry, key, f) -> {
            int at = entry * length;
            for (int i = 0; i < wanted.length; i++) {
                if (bb.getLong(at + i * ID) != wanted[i]) return Boolean.TRUE;
            }
            visit.record(bb, at);
            return Boolean.TRUE;
        };
        Iterator<Boolean> records = prefix.length == 0
                ? tree.iterator(null, null, mapper)
                : tree.iterator(factory.create(Arrays.copyOf(prefix, QUAD_KEY)), upperBound(factory, prefix), mapper);
        while (records.hasNext()) records.next();
    }

    /** The first key after every key that starts with {@code prefix} (exclusive), or null when there is none. */
    private static Record upperBound(RecordFactory factory, byte[] prefix) {
        byte[] key = Arrays.copyOf(prefix, QUAD_KEY);
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (key[i] != (byte) 0xFF) {
                key[i]++;
                return factory.create(key);
            }
            key[i] = 0;
        }
        return null;
    }
}
