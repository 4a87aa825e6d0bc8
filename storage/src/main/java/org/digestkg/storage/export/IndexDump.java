package org.digestkg.storage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.digestkg.storage.tdb.TdbStorage;
import org.digestkg.storage.export.LineEncoder.Lines;
import org.digestkg.storage.tdb.JenaInternals;
import org.digestkg.storage.tdb.NodeFile;

/**
 * {@link StoreDump}'s fast path: writes a TDB2 store as N-Triples or N-Quads straight from its quad indexes. This
 * thread reads node ids in index order and writes lines; one other thread turns batches of ids into lines
 * ({@link LineEncoder}). The lines are the ones Jena's writers produce for the same graphs, in index order.
 * <p>
 * Use inside a read transaction, on the thread that holds it.
 */
final class IndexDump {

    private static final int BATCH = 4096;
    // Encoded batches waiting to be written: enough to keep the encoder busy, few enough to keep memory flat.
    private static final int IN_FLIGHT = 3;
    // 1M slots: the IRIs of about a year of digests; about 120 MB when full.
    private static final int CACHE_BITS = 20;
    private static final int[] TRIPLE = {1, 2, 3};
    private static final int[] QUAD = {1, 2, 3, 0};

    private final NodeTupleTable quads;
    private final TupleIndex spog;
    private final NodeFile nodes;

    private IndexDump(NodeTupleTable quads, TupleIndex spog, NodeFile nodes) {
        this.quads = quads;
        this.spog = spog;
        this.nodes = nodes;
    }

    /**
     * The dump of {@code dsg}; empty when it is not a TDB2 store on disk.
     *
     * @throws JenaInternals.UnknownLayout when it is one, but not laid out as this code expects
     */
    static Optional<IndexDump> open(DatasetGraph dsg) {
        var tdb = TdbStorage.of(dsg);
        if (tdb == null || tdb.getLocation().isMem()) return Optional.empty();
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        TupleIndex spog = quads.getTupleTable().selectIndex("SPOG");
        if (spog == null) throw new JenaInternals.UnknownLayout("the store has no SPOG index");
        IndexDump dump = new IndexDump(quads, spog, NodeFile.map(tdb));
        dump.probe();
        return Optional.of(dump);
    }

    /**
     * Writes the first line of each kind, and throws them away. The JVM links a call to Jena the first time it runs;
     * a call that this Jena version lacks fails here, while Jena's writers can still take over, not after half the
     * output is written.
     */
    private void probe() {
        OutputStream none = OutputStream.nullOutputStream();
        write(first(spog.all()), TRIPLE, true, none);
        write(first(find(Node.ANY)), QUAD, false, none);
    }

    private static <T> Iterator<T> first(Iterator<T> all) {
        return all.hasNext() ? List.of(all.next()).iterator() : Collections.emptyIterator();
    }

    /**
     * Writes the triples of {@code graph}, or when null of the union of all named graphs, as N-Triples.
     *
     * @return the number of triples written
     */
    long writeTriples(Node graph, OutputStream out) {
        if (graph != null) return write(find(graph), TRIPLE, false, out);
        // SPOG order puts the copies of a triple in several graphs next to each other.
        return write(spog.all(), TRIPLE, true, out);
    }

    /**
     * Writes the quads of {@code graph}, or when null of all named graphs, as N-Quads.
     *
     * @return the number of quads written
     */
    long writeQuads(Node graph, OutputStream out) {
        return write(find(graph == null ? Node.ANY : graph), QUAD, false, out);
    }

    private Iterator<Tuple<NodeId>> find(Node graph) {
        Iterator<Tuple<NodeId>> found = quads.findAsNodeIds(graph, Node.ANY, Node.ANY, Node.ANY);
        return found != null ? found : Collections.emptyIterator();
    }

    /**
     * Writes each tuple's {@code slots} as a line; {@code distinct} skips a line equal to the one before. One encoder
     * thread beside this one: on two cores a second encoder only added CPU time (the JIT and GC need the core too).
     */
    private long write(Iterator<Tuple<NodeId>> tuples, int[] slots, boolean distinct, OutputStream out) {
        // Only the encoder thread touches the encoder; the executor orders its tasks.
        LineEncoder encoder = new LineEncoder(nodes, new TermCache(CACHE_BITS));
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kg-export");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Lines>> pending = new ArrayDeque<>();
        int width = slots.length;
        long count = 0;
        try {
            NodeId[] batch = new NodeId[BATCH * width];
            int n = 0;
            Tuple<NodeId> previous = null;
            while (tuples.hasNext()) {
                Tuple<NodeId> t = tuples.next();
                if (distinct && previous != null && sameLine(previous, t, slots)) continue;
                previous = t;
                for (int slot : slots) batch[n++] = t.get(slot);
                count++;
                if (n == batch.length) {
                    NodeId[] full = batch;
                    pending.add(thread.submit(() -> encoder.encode(full, full.length, width)));
                    batch = new NodeId[BATCH * width];
                    n = 0;
                    while (pending.size() > IN_FLIGHT) write(next(pending), out);
                }
            }
            NodeId[] last = batch;
            int lastLength = n;
            pending.add(thread.submit(() -> encoder.encode(last, lastLength, width)));
            while (!pending.isEmpty()) write(next(pending), out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.shutdownNow();
        }
        return count;
    }

    private static Lines next(Deque<Future<Lines>> pending) {
        try {
            return pending.poll().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        }
    }

    private static void write(Lines lines, OutputStream out) throws IOException {
        out.write(lines.bytes(), 0, lines.length());
    }

    private static boolean sameLine(Tuple<NodeId> a, Tuple<NodeId> b, int[] slots) {
        for (int slot : slots) {
            if (!NodeIds.same(a.get(slot), b.get(slot))) return false;
        }
        return true;
    }
}
