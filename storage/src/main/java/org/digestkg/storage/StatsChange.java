package org.digestkg.storage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.extractor.rdf.SKOS;

/**
 * What a writer's changes do to the store's {@link Stats}, told without counting the store again: the writes go
 * through {@link #recording()}, which notes, before the first write that could change it, whether each thing a count
 * counts was in the store (a quad; a triple of the union; an author; an authorship of a typed paper). When the
 * writer is done, {@link #moved} asks the same of the store as it is then and moves the counts kept for the state
 * before by the difference: work in proportion to what was written, so a day added to a decade costs what it costs
 * on a year, where counting reads the whole store.
 * <p>
 * Why it is exact: every scalar count of {@code stats.rq} is the number of values for which a test on the store
 * holds, and a value's test can change only through a write to a triple it reads; the value is noted before the
 * first such write, when the store still answers for it as it did before the change. Writes this cannot follow make
 * the change {@linkplain #complete() incomplete}, and then nothing is moved: a bulk load ({@link #untracked}), a
 * write to the default graph, a write transaction that ends without its commit after writing.
 */
public final class StatsChange {

    /** The types whose instances {@code stats.rq} counts, in the order of {@link Stats}. */
    private static final List<Node> COUNTED_TYPES = List.of(DKG.Paper, SKOS.Concept, DKG.Digest, DKG.Appearance);

    private final DatasetGraph store;
    private final DatasetGraph recording;
    private final boolean startedEmpty;

    /** Every quad written, with whether it was in the store before the change and whether it is after its last write. */
    private final Map<Quad, boolean[]> quads = new HashMap<>();
    /** Graphs removed whole: every quad they held is in {@link #quads}, so one not there was not in them. */
    private final Set<Node> cleared = new HashSet<>();
    /** Whether a subject written had no triple in the store before: then none of its triples needs looking up. */
    private final Map<Node, Boolean> fresh = new HashMap<>();
    /** Whether each triple written, author of a paper and authorship was counted before the change. */
    private final Map<Triple, Boolean> triples = new HashMap<>();
    private final Map<Node, Boolean> authors = new HashMap<>();
    private final Map<Node, Boolean> authorships = new HashMap<>();
    private boolean complete = true;
    private boolean wroteInTransaction;

    /** Starts following the changes of {@code store} (call outside any transaction, before the first write). */
    StatsChange(DatasetGraph store) {
        this.store = store;
        this.recording = new Recording(store);
        this.startedEmpty = Txn.calculateRead(store, store::isEmpty);
    }

    /** The store, for a writer: its writes are followed, everything else is the store's. */
    DatasetGraph recording() {
        return recording;
    }

    /** The writer changed the store in a way not seen through {@link #recording()} (an RDF import, a bulk load). */
    public void untracked() {
        complete = false;
    }

    /** Whether every write since the start went through {@link #recording()} and was committed. */
    public boolean complete() {
        return complete;
    }

    /** Whether the store was empty when the change began. */
    public boolean startedEmpty() {
        return startedEmpty;
    }

    /**
     * The graphs written to; with a graph that is not a digest's, or a date written or deleted that is not its graph's
     * day, a null element, which stands for "count the papers per category per day again".
     */
    Set<Node> graphs() {
        Set<Node> graphs = new HashSet<>();
        Map<Node, LocalDate> days = new HashMap<>(); // a day's graph holds thousands of the quads
        for (Quad q : quads.keySet()) {
            LocalDate day = days.computeIfAbsent(q.getGraph(), Iris::digestDay);
            if (day == null || q.getPredicate().equals(DCTERMS.date)
                    && !day.toString().equals(q.getObject().isLiteral() ? q.getObject().getLiteralLexicalForm() : null)) {
                graphs.add(null);
            }
            graphs.add(q.getGraph());
        }
        return graphs;
    }

    /**
     * {@code before}, the counts of the state the change began in, moved to the store as the calling thread's read
     * transaction sees it, with {@code perCategoryPerDay} counted there; only for a {@link #complete} change.
     */
    Stats moved(Stats before, List<Stats.DayCount> perCategoryPerDay) {
        if (!complete) throw new IllegalStateException("an incomplete change cannot move counts");
        long quadDelta = 0;
        Set<Triple> stillHeld = new HashSet<>();
        Set<Node> authorsHeld = new HashSet<>();
        for (Map.Entry<Quad, boolean[]> e : quads.entrySet()) {
            boolean[] was = e.getValue();
            quadDelta += (was[1] ? 1 : 0) - (was[0] ? 1 : 0);
            if (was[1]) {
                Quad q = e.getKey();
                stillHeld.add(q.asTriple());
                if (q.getPredicate().equals(DCTERMS.creator)) authorsHeld.add(q.getObject());
            }
        }
        long tripleDelta = 0;
        long[] typed = new long[COUNTED_TYPES.size()];
        // a subject left with no triple (a removed day's papers and appearances) needs no look-up for each of its own
        Map<Node, Boolean> left = new HashMap<>();
        for (Map.Entry<Triple, Boolean> e : triples.entrySet()) {
            Triple t = e.getKey();
            boolean now = stillHeld.contains(t)
                    || left.computeIfAbsent(t.getSubject(), s -> inUnion(s, Node.ANY, Node.ANY))
                    && inUnion(t.getSubject(), t.getPredicate(), t.getObject());
            int d = delta(e.getValue(), now);
            tripleDelta += d;
            if (t.getPredicate().equals(RDF.type)) {
                int i = COUNTED_TYPES.indexOf(t.getObject());
                if (i >= 0) typed[i] += d;
            }
        }
        long authorDelta = 0;
        for (Map.Entry<Node, Boolean> e : authors.entrySet()) {
            Node a = e.getKey();
            authorDelta += delta(e.getValue(), authorsHeld.contains(a) || inUnion(Node.ANY, DCTERMS.creator, a));
        }
        long authorshipDelta = 0;
        for (Map.Entry<Node, Boolean> e : authorships.entrySet()) {
            authorshipDelta += delta(e.getValue(), ofTypedPaper(e.getKey()));
        }
        return new Stats(before.papers() + typed[0], before.authors() + authorDelta,
                before.authorships() + authorshipDelta, before.categories() + typed[1], before.digests() + typed[2],
                before.appearances() + typed[3], before.triples() + tripleDelta, before.quads() + quadDelta,
                perCategoryPerDay);
    }

    private static int delta(boolean before, boolean after) {
        return (after ? 1 : 0) - (before ? 1 : 0);
    }

    /**
     * Notes what {@code q} bears on before it is written; {@code held} when the writer knows the quad is in the store
     * now (it found it), which spares looking it up.
     */
    private void beforeWrite(Quad q, boolean held) {
        if (q.isDefaultGraph() || !q.getGraph().isConcrete()) {
            complete = false;
            return;
        }
        wroteInTransaction = true;
        boolean[] was = quads.get(q);
        if (was == null) {
            boolean before = held || !cleared.contains(q.getGraph()) && store.contains(q);
            quads.put(q, was = new boolean[] {before, before});
        }
        Triple t = q.asTriple();
        if (!triples.containsKey(t)) noteTriple(t, held || was[1]);
    }

    /** Before the first write of any quad of {@code t}: its presence in the union, and what hangs on it. */
    private void noteTriple(Triple t, boolean held) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        Boolean isFresh = fresh.get(s);
        if (isFresh == null) {
            isFresh = !held && !inUnion(s, Node.ANY, Node.ANY);
            fresh.put(s, isFresh);
        }
        triples.put(t, held || !isFresh && inUnion(s, p, o));
        if (p.equals(DCTERMS.creator) && !authors.containsKey(o)) {
            authors.put(o, held || inUnion(Node.ANY, DCTERMS.creator, o));
        }
        if (p.equals(DKG.authorship) && !authorships.containsKey(o)) {
            authorships.put(o, ofTypedPaper(o));
        }
        if (p.equals(RDF.type) && o.equals(DKG.Paper) && !isFresh) {
            // whether the paper is typed decides whether its authorships count
            Iterator<Quad> ships = store.findNG(Node.ANY, s, DKG.authorship, Node.ANY);
            try {
                ships.forEachRemaining(q -> authorships.computeIfAbsent(q.getObject(), this::ofTypedPaper));
            } finally {
                Iter.close(ships);
            }
        }
    }

    /** Whether the named graphs hold a quad of the pattern. */
    private boolean inUnion(Node s, Node p, Node o) {
        Iterator<Quad> it = store.findNG(Node.ANY, s, p, o);
        try {
            return it.hasNext();
        } finally {
            Iter.close(it);
        }
    }

    /** {@code stats.rq}'s authorship test: {@code ?paper a dkg:Paper ; dkg:authorship ship}. */
    private boolean ofTypedPaper(Node ship) {
        Iterator<Quad> it = store.findNG(Node.ANY, Node.ANY, DKG.authorship, ship);
        try {
            while (it.hasNext()) {
                if (inUnion(it.next().getSubject(), RDF.type, DKG.Paper)) return true;
            }
            return false;
        } finally {
            Iter.close(it);
        }
    }

    private void written(Quad q, boolean now) {
        boolean[] was = quads.get(q);
        if (was != null) was[1] = now;
    }

    /** The store with its writes followed; reads, transactions and everything else are the store's. */
    private final class Recording extends DatasetGraphWrapper {

        Recording(DatasetGraph store) {
            super(store);
        }

        @Override
        public void add(Quad quad) {
            beforeWrite(quad, false);
            super.add(quad);
            written(quad, true);
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            add(Quad.create(g, s, p, o));
        }

        @Override
        public void delete(Quad quad) {
            beforeWrite(quad, false);
            super.delete(quad);
            written(quad, false);
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            delete(Quad.create(g, s, p, o));
        }

        @Override
        public void deleteAny(Node g, Node s, Node p, Node o) {
            removing(g, s, p, o, () -> super.deleteAny(g, s, p, o));
        }

        @Override
        public void removeGraph(Node graphName) {
            // the store's own removal: TDB2's removes the graph's quads by their ids, where deleteAny looks up the
            // nodes of each quad it deletes (removing a day from a year's store: 5.7-5.8 s that way, 4.7-5.6 s this)
            removing(graphName, Node.ANY, Node.ANY, Node.ANY, () -> super.removeGraph(graphName));
            cleared.add(graphName);
        }

        /** Notes the quads matching the pattern, then has {@code removal} delete them. */
        private void removing(Node g, Node s, Node p, Node o, Runnable removal) {
            List<Quad> found = Iter.toList(super.find(g, s, p, o));
            for (Quad q : found) beforeWrite(q, true);
            removal.run();
            for (Quad q : found) written(q, false);
        }

        @Override
        public void addGraph(Node graphName, Graph graph) {
            graph.find().forEachRemaining(t -> add(Quad.create(graphName, t)));
        }

        @Override
        public void clear() {
            complete = false;
            super.clear();
        }

        @Override
        public Graph getGraph(Node graphNode) {
            // a view over this dataset, so that writes through the graph are followed too
            return GraphView.createNamedGraph(this, graphNode);
        }

        @Override
        public Graph getDefaultGraph() {
            return GraphView.createDefaultGraph(this);
        }

        @Override
        public void begin(TxnType type) {
            wroteInTransaction = false;
            super.begin(type);
        }

        @Override
        public void begin(ReadWrite mode) {
            wroteInTransaction = false;
            super.begin(mode);
        }

        @Override
        public void commit() {
            super.commit();
            wroteInTransaction = false;
        }

        @Override
        public void end() {
            // a write transaction ended without its commit (aborted, or an exception) is undone: what was noted as
            // written was not
            if (wroteInTransaction) complete = false;
            super.end();
        }
    }
}
