package org.digestkg.storage.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TDB2 store with its text index beside it ({@value #DIR}/ in the store's folder), kept in step with every write.
 *
 * <ul>
 * <li>Writes through {@link #dataset()} — Jena's {@code DatasetGraphText} over the store — update the index as
 *     they happen: each digest loaded, replaced or removed, the latest-listing moves, RDF imports, SPARQL Update and
 *     Graph Store writes on the server. The index commits with TDB2's transaction, or rolls back with it.</li>
 * <li>Writes that go around it — TDB2's bulk loader writes to the storage directly — hand their quads to
 *     {@link #index} inside the same transaction.</li>
 * <li>When the store is opened: an index that is missing, or written in another layout, is built from the store
 *     (a store made before search existed gets its index on first use); graphs whose commit a killed process left
 *     half done ({@link PaperTextIndex}) are indexed again. Each says so in the log.</li>
 * </ul>
 * One per open store in a process: opening the same store again shares it.
 */
public final class TextIndexedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextIndexedStore.class);

    /** The index's folder inside the store's. */
    public static final String DIR = "text";
    /** The file of {@link #spill()}, in the store's folder. */
    static final String SPILL = "texts-to-index.tmp";

    private static final Map<DatasetGraph, TextIndexedStore> OPEN = new IdentityHashMap<>();

    private final Path storeDir;
    private final DatasetGraph storage;
    private final PaperTextIndex index;
    private final DatasetGraph dataset;
    private int users = 1;

    private TextIndexedStore(Path storeDir, DatasetGraph storage, PaperTextIndex index) {
        this.storeDir = storeDir;
        this.storage = storage;
        this.index = index;
        dropSpill();
        bringInStep();
        this.dataset = new TextIndexedDataset(storage, index);
    }

    /**
     * The text-indexed view of {@code storage}, the TDB2 store in {@code storeDir}: built or repaired first if it
     * needs to be.
     */
    public static TextIndexedStore attach(Path storeDir, DatasetGraph storage) {
        synchronized (OPEN) {
            TextIndexedStore open = OPEN.get(storage);
            if (open != null) {
                open.users++;
                return open;
            }
            TextIndexedStore s = new TextIndexedStore(storeDir, storage, PaperTextIndex.open(storeDir.resolve(DIR)));
            OPEN.put(storage, s);
            return s;
        }
    }

    /** The store to read and write through: every write reaches the index. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The index itself, for searching. */
    public PaperTextIndex index() {
        return index;
    }

    /**
     * Indexes quads that were written to the storage directly (not through {@link #dataset()}), inside the write
     * transaction that wrote them: they become searchable when it commits, and are dropped if it aborts.
     * Quads that hold no indexed text are skipped. May be called from any thread.
     */
    public void index(Iterable<Quad> quads) {
        EntityDefinition def = index.getDocDef();
        Set<Quad> seen = new HashSet<>(); // the store keeps a quad once, so must the index
        for (Quad q : quads) {
            if (def.getField(q.getPredicate()) == null || !q.getObject().isLiteral() || !seen.add(q)) continue;
            Entity e = TextQueryFuncs.entityFromQuad(def, q);
            if (e != null) index.addEntity(e);
        }
    }

    /**
     * Lets the current write transaction's commit wait for {@code indexing}: texts the transaction wrote to the
     * storage directly, being {@link #index indexed} on another thread while the writer goes on. The commit fails
     * if the indexing failed. A writer that aborts instead stops the indexing first.
     */
    public void commitAfter(Future<?> indexing) {
        index.commitAfter(indexing);
    }

    /**
     * Writes the texts indexed so far to the index's folder as new segments, uncommitted: the commit that follows
     * then has little left to do. For a writer that can do it on a core the commit's thread would otherwise wait for.
     */
    public void flush() {
        index.flush();
    }

    /** Tunes the index for a bulk load's many texts until {@code on} is false again. */
    public void bulk(boolean on) {
        index.bulk(on);
    }

    /**
     * A file in the store's folder for the texts of a write that goes around the index, until they are
     * {@link #index indexed}; one a killed process left there is deleted when the store is next opened.
     */
    public TextSpill spill() {
        return new TextSpill(storeDir.resolve(SPILL), index.getDocDef());
    }

    /** The texts a killed bulk load kept for the index: its transaction never committed, so they are nobody's. */
    private void dropSpill() {
        try {
            Files.deleteIfExists(storeDir.resolve(SPILL));
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", storeDir.resolve(SPILL), e.toString());
        }
    }

    /** What {@link #rebuild()} did. */
    public record Rebuilt(long texts, Duration took) {
    }

    /** Indexes the whole store again, from nothing, in one commit. */
    public Rebuilt rebuild() {
        long t0 = System.nanoTime();
        index.deleteAll();
        long texts = Txn.calculateRead(storage, () -> {
            long n = 0;
            for (IndexedText t : IndexedText.values()) {
                // any graph: the named graphs and the default graph
                n += indexAll(storage.find(Node.ANY, Node.ANY, t.predicate, Node.ANY));
            }
            return n;
        });
        commit();
        return new Rebuilt(texts, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Indexes these graphs again from the store, in one commit. */
    void reindex(List<String> graphs) {
        Txn.executeRead(storage, () -> {
            for (String g : graphs) {
                index.deleteGraph(g);
                Node graph = TextQueryFuncs.stringToNode(g);
                for (IndexedText t : IndexedText.values()) {
                    indexAll(storage.find(graph, Node.ANY, t.predicate, Node.ANY));
                }
            }
        });
        commit();
    }

    private long indexAll(Iterator<Quad> quads) {
        EntityDefinition def = index.getDocDef();
        long n = 0;
        try {
            while (quads.hasNext()) {
                Quad q = quads.next();
                if (!q.getObject().isLiteral()) continue;
                Entity e = TextQueryFuncs.entityFromQuad(def, q);
                if (e != null) {
                    index.addEntity(e);
                    n++;
                }
            }
        } finally {
            Iter.close(quads);
        }
        return n;
    }

    /** Commits the index on its own, outside any TDB2 transaction (repairs and rebuilds). */
    private void commit() {
        index.prepareCommit();
        index.commit();
    }

    private void bringInStep() {
        if (!index.isStamped()) {
            boolean hadData = Txn.calculateRead(storage, () -> !storage.isEmpty());
            if (!hadData) {
                index.commit(); // a new store: nothing to index, only the layout to record
                return;
            }
            LOG.info("Building the search index of the store in {} (first use) ...", storeDir);
            Rebuilt r = rebuild();
            LOG.info("Search index built: {} texts in {} s", String.format("%,d", r.texts()),
                    String.format("%.1f", r.took().toMillis() / 1000.0));
            return;
        }
        List<String> interrupted = index.interruptedGraphs();
        if (interrupted.isEmpty()) return;
        if (interrupted.contains(PaperTextIndex.ALL_GRAPHS)) {
            LOG.warn("The search index of the store in {} was being rebuilt when the process stopped: rebuilding it",
                    storeDir);
            rebuild();
            return;
        }
        LOG.warn("The search index of the store in {} may have missed the last write before the process stopped: "
                + "indexing its {} graph(s) again", storeDir, interrupted.size());
        reindex(interrupted);
    }

    /**
     * How the index and the store differ: literals the store holds that the index lacks, and index entries for
     * literals the store no longer holds, per graph. Empty when they agree. Reads everything: for checks, not for
     * every open.
     */
    public Map<String, Difference> compare() {
        EntityDefinition def = index.getDocDef();
        Map<String, Set<String>> inStore = new HashMap<>();
        Txn.executeRead(storage, () -> {
            for (IndexedText t : IndexedText.values()) {
                storage.find(Node.ANY, Node.ANY, t.predicate, Node.ANY).forEachRemaining(q -> {
                    if (!q.getObject().isLiteral()) return;
                    Entity e = TextQueryFuncs.entityFromQuad(def, q);
                    if (e == null) return;
                    inStore.computeIfAbsent(e.getGraph(), g -> new HashSet<>()).add(PaperTextIndex.uid(e));
                });
            }
        });
        Map<String, Set<String>> inIndex = index.withSearcher(searcher -> {
            Map<String, Set<String>> byGraph = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Map<Integer, String> graphOf = new HashMap<>();
                Bits live = leaf.reader().getLiveDocs();
                forEachTerm(leaf, PaperTextIndex.GRAPH, live, (term, doc) -> graphOf.put(doc, term));
                forEachTerm(leaf, PaperTextIndex.UID, live, (term, doc) ->
                        byGraph.computeIfAbsent(graphOf.get(doc), g -> new HashSet<>()).add(term));
            }
            return byGraph;
        });
        Map<String, Difference> differences = new TreeMap<>();
        Set<String> graphs = new HashSet<>(inStore.keySet());
        graphs.addAll(inIndex.keySet());
        for (String g : graphs) {
            Set<String> s = inStore.getOrDefault(g, Set.of());
            Set<String> i = inIndex.getOrDefault(g, Set.of());
            long missing = s.stream().filter(x -> !i.contains(x)).count();
            long extra = i.stream().filter(x -> !s.contains(x)).count();
            if (missing > 0 || extra > 0) differences.put(g, new Difference(missing, extra));
        }
        return differences;
    }

    /** How one graph's texts differ between store and index. */
    public record Difference(long missingFromIndex, long notInStore) {
    }

    private interface TermDoc {
        void accept(String term, int doc);
    }

    private static void forEachTerm(LeafReaderContext leaf, String field, Bits live, TermDoc action) throws IOException {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) return;
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            String t = term.utf8ToString();
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) action.accept(t, d);
            }
        }
    }

    /** Size of the index on disk, in bytes. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.list(index.dir())) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Literals in the index (its live documents). */
    public long texts() {
        return index.withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        synchronized (OPEN) {
            if (--users > 0) return;
            OPEN.remove(storage);
        }
        index.close();
    }
}
