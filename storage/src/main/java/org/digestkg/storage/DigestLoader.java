package org.digestkg.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RDF;
import org.digestkg.extractor.rdf.RdfMapper;

/**
 * Loads digests into the store, each all or nothing: a digest that fails leaves the store as it was, a digest
 * with the same bytes as its stored version is skipped, and a changed digest replaces its graph.
 */
public final class DigestLoader {

    /** From this many digests on, {@link BulkLoad} takes them. */
    static final int BULK_FROM = Integer.getInteger("kg.bulkFrom", 8);
    /** Digests per bulk transaction: what a killed build can lose, and what the loader holds at once. */
    static final int BULK_CHUNK = Integer.getInteger("kg.bulkChunk", 400);
    /**
     * Digests of the first bulk transaction into an empty store: all of them. That load writes TDB2's indexes from
     * sorted quads ({@link org.digestkg.storage.tdb.PackedQuads}), at a cost that grows with its size alone, where a
     * later chunk's B+tree inserts cost more the larger the store has grown; a first build stopped midway is undone
     * whole ({@link FirstLoad}) and starts again.
     */
    static final int FIRST_CHUNK = Integer.getInteger("kg.firstChunk", Integer.MAX_VALUE);
    /** Quads after which a batch of the smaller path is committed. */
    static final long BATCH_QUADS = Long.getLong("kg.batchQuads", 1_000_000);

    private final GraphStore store;
    /** What this loader's writes did to the store's counts; null unless {@link #followChanges followed}. */
    private StatsChange change;
    /** The store; after {@link #followChanges}, with its writes followed. */
    private DatasetGraph dsg;
    private final Path dir;
    private DistinctNames authorsSeen = new DistinctNames();
    private boolean strict;
    private QuadTap tap = QuadTap.NONE;
    private Runnable afterScan = () -> { };
    private Consumer<Path> read = file -> { };
    private Runnable beforeCommit = () -> { };

    public DigestLoader(GraphStore store) {
        this.store = store;
        this.dsg = store.datasetGraph();
        this.dir = store.dir();
    }

    /**
     * Follows this loader's writes from now on, so that the counts kept beside the store can be moved by them
     * ({@link Stats#update}) instead of counted again; call before the first load. A writer that does not keep the
     * counts (a served store's watched folder) need not pay for following them.
     */
    public StatsChange followChanges() {
        if (change == null) {
            change = new StatsChange(store.datasetGraph());
            dsg = change.recording();
        }
        return change;
    }

    /** Shows {@code tap} the quads the bulk path writes, and tells it of every other change this loader makes. */
    public DigestLoader tap(QuadTap tap) {
        this.tap = tap;
        return this;
    }

    /**
     * Told of each digest a bulk load has read, before its result comes with the load's commit: a first build is
     * one load, so this is its progress.
     */
    public DigestLoader reading(Consumer<Path> read) {
        this.read = read;
        return this;
    }

    /** For tests: runs between a bulk load's reading of the entry headings and its load (see {@link BulkLoad}). */
    DigestLoader afterScan(Runnable action) {
        this.afterScan = action;
        return this;
    }

    /**
     * Runs {@code check} in {@link #load}'s write transaction just before it commits a digest: whatever it throws
     * aborts the load, leaving the store as it was, and is thrown on. A watched folder checks there that the file has
     * not changed since it was read.
     */
    public DigestLoader beforeCommit(Runnable check) {
        this.beforeCommit = check;
        return this;
    }

    /** Rejects a whole digest on any warning instead of loading what was good. */
    public DigestLoader strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /**
     * Loads one digest file in its own transaction.
     *
     * @param date the digest's day, or null to take it from the file name
     */
    public LoadResult load(Path file, LocalDate date) {
        return committed(StoreWriteFailure.inWriteTransaction(dsg, dir, file::toString, () -> {
            Attempt a = attempt(file, date);
            if (a.result.status() == LoadResult.Status.LOADED) {
                beforeCommit.run();
                dsg.commit();
            } else {
                dsg.abort();
            }
            return a;
        }));
    }

    /**
     * Loads digests in order, handing each result to {@code done} once it is committed. From {@link #BULK_FROM}
     * digests on, they go through {@link BulkLoad} ({@link #BULK_CHUNK} per transaction, all of them into an empty
     * store: {@link #FIRST_CHUNK}); fewer, and those that replace a stored digest, go through {@link #loadEach}.
     * Either way each digest is all or nothing, and a build killed midway leaves the store at its last commit (empty,
     * for a first build), which rerunning the build completes.
     *
     * @param date the day of every file, or null to take each from its file name
     */
    public void loadAll(List<Path> files, LocalDate date, Consumer<LoadResult> done) {
        int size = files.size() > BULK_CHUNK && Txn.calculateRead(dsg, dsg::isEmpty) ? FIRST_CHUNK : BULK_CHUNK;
        for (int from = 0; from < files.size(); size = BULK_CHUNK) {
            List<Path> chunk = files.subList(from, (int) Math.min(files.size(), (long) from + size));
            from += chunk.size();
            if (chunk.size() < BULK_FROM) {
                loadEach(chunk, date, done);
                continue;
            }
            if (change != null) change.untracked(); // the bulk path writes the indexes itself
            BulkLoad.Outcome outcome = new BulkLoad(store, strict, tap, afterScan, read).load(chunk, date);
            // a first build's set is the build's: taken as it is rather than copied (a decade has 750,000 names)
            if (authorsSeen.isEmpty()) authorsSeen = outcome.authors(); else authorsSeen.addAll(outcome.authors());
            for (Path file : chunk) {
                LoadResult r = outcome.results().get(file);
                if (r == null) continue; // left over: loaded below
                done.accept(r);
            }
            loadEach(outcome.leftOver(), date, done);
        }
    }

    /**
     * Consecutive digests share a write transaction (up to {@link #BATCH_QUADS} quads): TDB2 copies every index
     * block a transaction touches, so a few larger transactions cost less than one per digest. When a digest fails
     * after writing, the batch is aborted and redone one transaction per digest, so the failure is that digest's
     * alone.
     */
    private void loadEach(List<Path> files, LocalDate date, Consumer<LoadResult> done) {
        int next = 0;
        while (next < files.size()) {
            int first = next;
            List<Attempt> batch = new ArrayList<>();
            int[] upTo = {next};
            boolean redo = StoreWriteFailure.inWriteTransaction(dsg, dir,
                    () -> String.join(", ", files.subList(first, upTo[0]).stream().map(Path::toString).toList()), () -> {
                        long quads = 0;
                        while (upTo[0] < files.size() && quads < BATCH_QUADS) {
                            Attempt a = attempt(files.get(upTo[0]++), date);
                            if (a.dirty) {
                                dsg.abort();
                                return true;
                            }
                            batch.add(a);
                            quads += a.result.triples();
                        }
                        dsg.commit();
                        return false;
                    });
            next = upTo[0];
            if (redo) {
                for (int i = first; i < next; i++) done.accept(load(files.get(i), date));
            } else {
                batch.forEach(a -> done.accept(committed(a)));
            }
        }
    }

    /**
     * What loading one digest inside the caller's write transaction did.
     *
     * @param dirty it failed after writing to the store, so the transaction must be aborted
     */
    private record Attempt(LoadResult result, Set<String> authors, boolean dirty) {
    }

    private Attempt attempt(Path file, LocalDate date) {
        long t0 = System.nanoTime();
        String source = file.toString();
        DigestParser parser;
        try {
            DigestParser.Builder b = DigestParser.create().source(file).sourceName(source);
            if (date != null) b.date(date);
            parser = b.build();
        } catch (DigestException e) {
            return new Attempt(LoadResult.failed(source, date, e.getMessage(), since(t0)), Set.of(), false);
        }
        DigestRecord recorder = new DigestRecord();
        try {
            parser.parse(new Replacing(recorder));
            recorder.checkStrict(strict, source);
        } catch (Unchanged e) {
            return new Attempt(new LoadResult(source, recorder.day, LoadResult.Status.UNCHANGED, 0,
                    0, 0, 0, List.of(), List.of(), since(t0), null), Set.of(), false);
        } catch (RuntimeException e) {
            // the store failing to write is no fault of this digest: it ends the transaction, named by the caller
            if (!(e instanceof DigestException) && StoreWriteFailure.isStoreWrite(e)) throw e;
            String why = e instanceof DigestException ? e.getMessage() : source + ": " + e;
            return new Attempt(LoadResult.failed(source, recorder.day, why, since(t0)), Set.of(), recorder.wrote);
        }
        return new Attempt(recorder.loaded(source, since(t0)), recorder.authors, false);
    }

    private LoadResult committed(Attempt a) {
        if (a.result.status() == LoadResult.Status.LOADED) {
            authorsSeen.addAll(a.authors);
            tap.missed(); // written one digest at a time, around the tap
        }
        return a.result;
    }

    /** Distinct normalised author names over every digest this loader has loaded. */
    public long distinctAuthors() {
        return authorsSeen.size();
    }

    /** Removes the digest of {@code day}; papers it was the latest listing of fall back to their previous one. */
    public boolean remove(LocalDate day) {
        return Txn.calculateWrite(dsg, () -> {
            Node graph = Iris.digest(day);
            if (!dsg.containsGraph(graph)) return false;
            Listings listings = new Listings(dsg);
            Set<Node> held = papersHeldBy(graph);
            dsg.removeGraph(graph);
            held.forEach(p -> listings.promoteLatestRemaining(p, day));
            return true;
        });
    }

    /** The hash of the file a stored digest graph was loaded from, if the graph exists. */
    static Optional<String> storedSha256(DatasetGraph dsg, Node graph) {
        var it = dsg.find(graph, graph, DKG.sha256, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        } finally {
            Iter.close(it);
        }
    }

    private Set<Node> papersHeldBy(Node graph) {
        Set<Node> papers = new HashSet<>();
        dsg.find(graph, Node.ANY, DCTERMS.title, Node.ANY).forEachRemaining(q -> {
            if (dsg.contains(graph, q.getSubject(), RDF.type, DKG.Paper)) papers.add(q.getSubject());
        });
        return papers;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Thrown to abort the transaction of a digest whose bytes are already stored. */
    private static final class Unchanged extends RuntimeException {
        Unchanged() {
            super(null, null, false, false);
        }
    }


    /**
     * Between the parser and the RDF mapper: replaces the digest's previous graph, applies the latest-listing
     * rule against the other digests in the store, and records what happened.
     */
    private final class Replacing extends MappingSink {
        private final Listings listings = new Listings(dsg);
        private final Set<Node> listed = new HashSet<>();
        /**
         * The digest graph's quads, once each: the mapper may write one twice, and the store keeps it once. Counting
         * them here spares reading the graph back (a fifth of a second when a day is added to a year's store).
         */
        private final Set<Quad> written = new HashSet<>();
        private Set<Node> heldBefore = Set.of();
        private Node graph;
        private LocalDate day;
        private boolean latest;

        Replacing(DigestRecord record) {
            super(record);
        }

        @Override
        public void start(Digest digest) {
            day = digest.date();
            record.day = day;
            graph = Iris.digest(day);
            if (storedSha256(dsg, graph).filter(digest.sha256()::equals).isPresent()) {
                // stops the parser before it reads a line: the stored graph is this very file's
                throw new Unchanged();
            }
            heldBefore = papersHeldBy(graph);
            record.wrote = true;
            dsg.removeGraph(graph);
            StreamRDF into = StreamRDFLib.dataset(dsg);
            mapper = new RdfMapper(new StreamRDFWrapper(into) {
                @Override
                public void quad(Quad quad) {
                    if (quad.getGraph().equals(graph)) written.add(quad);
                    into.quad(quad);
                }
            }, (paper, d) -> latest);
            mapper.start(digest);
        }

        @Override
        void beforePaper(Paper paper) {
            Node node = Iris.paper(paper);
            if (listed.add(node)) {
                latest = listings.daysListing(node, day).stream().noneMatch(d -> d.isAfter(day));
                if (latest) {
                    listings.holder(node).filter(g -> !g.equals(graph)).ifPresent(g -> listings.demote(g, node));
                }
            }
        }

        @Override
        void afterFinish() {
            record.triples = written.size();
            for (Node paper : heldBefore) {
                if (!listed.contains(paper)) listings.promoteLatestRemaining(paper, day);
            }
        }
    }
}
