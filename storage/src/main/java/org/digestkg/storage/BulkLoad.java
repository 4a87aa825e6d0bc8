package org.digestkg.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.parse.DigestException;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.extractor.rdf.RdfMapper;
import org.digestkg.storage.tdb.PackedQuads;
import org.digestkg.storage.text.TextIndexedStore;
import org.digestkg.storage.text.TextSpill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads many new digests at the speed of TDB2's own bulk loader. TDB2 copies every index block a transaction
 * touches, so inserting digest by digest costs several times what its sequential loader needs, which fills the
 * primary index and then each other index in turn. The sequential loader is also one of the two TDB2 loaders that
 * are fully transactional under a crash (the phased and parallel ones are not), so a killed build leaves the
 * store at its last commit.
 * <p>
 * A store's first load (a first build's every digest: {@link DigestLoader#loadAll}) writes TDB2's quad indexes from
 * the sorted quads instead ({@link PackedQuads}), several times faster; it is not crash-safe, so a store it did not
 * finish is emptied when next opened ({@link FirstLoad}).
 * <p>
 * The loader cannot be read while it loads, so the latest-listing rule is settled ahead: a first pass reads only
 * the entry headings, so each paper's latest day is known before any digest is mapped. Each digest is
 * parsed and mapped into a buffer (both cores: parsing runs ahead of loading) and handed to the loader only when
 * it has been read completely and accepted, so a rejected digest leaves no trace. Listings the store already held
 * are brought in line afterwards.
 * <p>
 * The loader writes to TDB2's storage directly, so the text index hears nothing of it: each digest's texts are
 * kept in a file as it is read ({@link TextSpill}) and indexed while the loader builds TDB2's other indexes, a
 * phase that leaves one core idle; the commit waits for the index.
 */
final class BulkLoad {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);

    /**
     * Digests handed to the reader ahead of the loader: two, so one is parsed while the loader writes the one before.
     * Parsing a digest takes a fraction of loading it, so more buys no speed; it did cost memory: with three, the
     * digests waiting outlived young collections and were promoted, and the full collections that freed them made the
     * JVM grow its heap (a decade's build: private peak 887 → 662 MiB, docs/performance.md).
     */
    private static final int READ_AHEAD = 2;

    /** The loader's own progress lines would interleave with the build report. */
    private static final MonitorOutput QUIET = (format, args) -> { };

    private final DatasetGraph dsg;
    private final Path dir;
    private final DatasetGraph storage;
    private final TextIndexedStore text;
    private final boolean strict;
    private final QuadTap tap;
    /** Set when the load fails: digests still being read are neither mapped nor indexed. */
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Runs between the headings pass and the load: lets a test change a file in between. */
    private final Runnable afterScan;
    /** Told of each digest read, before the commit. */
    private final Consumer<Path> read;

    BulkLoad(GraphStore store, boolean strict, QuadTap tap, Runnable afterScan, Consumer<Path> read) {
        this.dsg = store.datasetGraph();
        this.dir = store.dir();
        this.storage = store.storage();
        this.text = store.text();
        this.strict = strict;
        this.tap = tap;
        this.afterScan = afterScan;
        this.read = read;
    }

    /** A digest read once ahead of loading: its day and bytes' hash, and the papers it lists. */
    private record Scan(Path file, LocalDate day, String sha256, Set<Node> papers, LoadResult failure) {
        /** What is kept of it once handed to the reader: a decade's papers are too many to hold twice. */
        Scan submitted() {
            return new Scan(file, day, sha256, Set.of(), failure);
        }
    }

    /** A digest parsed and mapped, waiting for the loader. */
    private record Mapped(Scan scan, LoadResult result, Collection<Quad> quads, Set<String> authors, Set<Node> papers) {
    }

    /**
     * What a bulk load did: results in file order, the distinct authors of the digests it loaded (one set for them
     * all: a set per digest held a decade's names ten times over), and the files it left to the
     * one-digest-at-a-time path.
     */
    record Outcome(Map<Path, LoadResult> results, DistinctNames authors, List<Path> leftOver) {
    }

    Outcome load(List<Path> files, LocalDate date) {
        long t0 = System.nanoTime();
        List<Scan> scans = scanAll(files, date);
        afterScan.run();
        long tScan = System.nanoTime();
        Map<Path, LoadResult> results = new HashMap<>();
        DistinctNames authors = new DistinctNames();
        List<Path> leftOver = new ArrayList<>();
        List<Scan> bulk = new ArrayList<>();
        Map<Node, LocalDate> latest = new HashMap<>();
        Set<Node> settleAfter = new HashSet<>();
        Set<Node> relisted = new HashSet<>();

        Txn.executeRead(dsg, () -> {
            Listings listings = new Listings(dsg);
            Set<LocalDate> days = new HashSet<>();
            for (Scan s : scans) {
                if (s.failure != null) {
                    results.put(s.file, s.failure);
                    continue;
                }
                Node graph = Iris.digest(s.day);
                String stored = storedSha256(graph);
                if (s.sha256.equals(stored)) {
                    results.put(s.file, new LoadResult(s.file.toString(), s.day, LoadResult.Status.UNCHANGED, 0, 0, 0, 0,
                            List.of(), List.of(), Duration.ZERO, null));
                } else if (stored != null || !days.add(s.day)) {
                    leftOver.add(s.file); // replaces a stored digest, or a second file for one day: needs the store's view
                } else {
                    bulk.add(s);
                    for (Node p : s.papers) {
                        LocalDate other = latest.putIfAbsent(p, s.day);
                        if (other != null) {
                            relisted.add(p);
                            if (s.day.isAfter(other)) latest.put(p, s.day);
                        }
                    }
                }
            }
            for (Iterator<Map.Entry<Node, LocalDate>> it = latest.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Node, LocalDate> e = it.next();
                List<LocalDate> stored = listings.daysListing(e.getKey(), null);
                Optional<LocalDate> later = stored.stream().max(LocalDate::compareTo).filter(d -> d.isAfter(e.getValue()));
                if (!stored.isEmpty()) settleAfter.add(e.getKey());
                later.ifPresent(e::setValue);
                // listed on one day only, and not later in the store: latest that day, which is what the rule
                // assumes of a paper the map lacks (a decade's 367,000 entries were held until the load ended)
                if (later.isEmpty() && !relisted.contains(e.getKey())) it.remove();
            }
            relisted.clear();
        });
        scans.clear(); // what is needed of them is in bulk and latest
        if (bulk.isEmpty()) return new Outcome(results, authors, leftOver);

        Target target = PackedTarget.start(this).orElse(null);
        if (target == null) target = new SequentialTarget(LoaderFactory.sequentialLoader(storage, QUIET));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digest-reader");
            t.setDaemon(true);
            return t;
        });
        TextSpill texts = text.spill();
        try {
            target.begin();
        } catch (RuntimeException | Error e) {
            texts.close();
            throw e;
        }
        try {
            ArrayDeque<Future<Mapped>> ahead = new ArrayDeque<>();
            int submitted = 0;
            while (submitted < bulk.size() || !ahead.isEmpty()) {
                while (submitted < bulk.size() && ahead.size() < READ_AHEAD) {
                    Scan s = bulk.get(submitted);
                    bulk.set(submitted++, s.submitted());
                    ahead.add(reader.submit(() -> map(s, latest, texts)));
                }
                Mapped m = ahead.poll().get();
                Set<Node> scanned = m.scan.papers;
                if (m.result.status() == LoadResult.Status.LOADED) {
                    target.digest(m.quads);
                    m.quads.forEach(tap::quad);
                    authors.addAll(m.authors);
                    // an entry whose heading was scanned but which the parse rejected was counted as a listing
                    scanned.stream().filter(p -> !m.papers.contains(p)).forEach(settleAfter::add);
                } else {
                    // a failed digest's papers may have been mapped as older listings of it: settle them afterwards
                    settleAfter.addAll(scanned);
                }
                results.put(m.scan.file, m.result);
                read.accept(m.scan.file);
            }
            // every digest has been read: the reader indexes their texts while the indexes of the store are built
            target.finish(() -> reader.submit(() -> indexTexts(texts)));
        } catch (InterruptedException | ExecutionException | RuntimeException | Error e) {
            // no digest may reach the index once the loader's abort has rolled it back
            stopped.set(true);
            reader.shutdown();
            awaitStopped(reader);
            try {
                target.abort(e instanceof Exception x ? x : new RuntimeException(e));
            } catch (StoreWriteFailure notKept) {
                throw notKept; // a first load that cannot be completed: the build ends here
            } catch (RuntimeException | Error again) {
                e.addSuppressed(again); // the first failure is the one to report
            }
            tap.missed(); // it was shown quads that are now undone
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            String why = "bulk load aborted, nothing of it was stored: " + (StoreWriteFailure.isStoreWrite(e)
                    ? "the store at " + dir + " could not be written: " + StoreWriteFailure.cause(e, dir)
                    : String.valueOf(e.getCause() != null ? e.getCause() : e));
            for (Scan s : bulk) {
                results.put(s.file, LoadResult.failed(s.file.toString(), s.day, why, Duration.ZERO));
            }
            return new Outcome(results, new DistinctNames(), leftOver);
        } finally {
            reader.shutdownNow();
            texts.close();
        }
        long tLoad = System.nanoTime();
        if (!settleAfter.isEmpty()) {
            tap.settled(settleAfter);
            Txn.executeWrite(dsg, () -> {
                Listings listings = new Listings(dsg);
                settleAfter.forEach(listings::settle);
            });
        }
        LOG.debug("bulk load of {} digests: scan {} ms, parse+load {} ms, settle {} papers {} ms", bulk.size(),
                (tScan - t0) / 1_000_000, (tLoad - tScan) / 1_000_000, settleAfter.size(), (System.nanoTime() - tLoad) / 1_000_000);
        return new Outcome(results, authors, leftOver);
    }

    /** Where the accepted digests' quads go, inside one transaction of the store. */
    private interface Target {
        void begin();

        /** The quads of an accepted digest. */
        void digest(Collection<Quad> quads);

        /** After the last digest: the store's indexes, and the commit, which waits for {@code indexSpill}'s texts. */
        void finish(Supplier<Future<?>> indexSpill);

        /** Undoes the load after a failure; throws when it cannot, with {@code failure} as the cause. */
        void abort(Exception failure);
    }

    /** TDB2's sequential loader: crash-safe, for any store. */
    private final class SequentialTarget implements Target {
        private final DataLoader loader;

        SequentialTarget(DataLoader loader) {
            this.loader = loader;
        }

        @Override
        public void begin() {
            loader.startBulk();
        }

        @Override
        public void digest(Collection<Quad> quads) {
            StreamRDF into = loader.stream();
            quads.forEach(into::quad);
        }

        @Override
        public void finish(Supplier<Future<?>> indexSpill) {
            text.commitAfter(indexSpill.get());
            loader.finishBulk();
        }

        @Override
        public void abort(Exception failure) {
            loader.finishException(failure);
        }
    }

    /**
     * The first load of an empty store: the nodes in a write transaction, then each quad index written from the
     * sorted quads ({@link PackedQuads}) while the reader indexes the texts. The store is marked from the start
     * ({@link FirstLoad}): a load larger than memory keeps sorted quads in the store's folder meanwhile, and a process
     * stopped at any point leaves a store that is emptied when next opened. A failure before the nodes' commit
     * undoes the load as the sequential loader's abort does; after it, the store cannot be undone in place: the
     * failure ends the build, and the store is emptied when next opened.
     */
    private static final class PackedTarget implements Target {
        private final BulkLoad load;
        private final PackedQuads packed;
        private boolean committed;

        private PackedTarget(BulkLoad load, PackedQuads packed) {
            this.load = load;
            this.packed = packed;
        }

        /** A packed load, in a write transaction just begun; empty, the transaction ended, when it does not apply. */
        static Optional<Target> start(BulkLoad load) {
            load.storage.begin(TxnType.WRITE);
            boolean started = false;
            try {
                Optional<PackedQuads> packed = PackedQuads.start(load.storage, FirstLoad.runs(load.dir));
                if (packed.isEmpty()) return Optional.empty();
                FirstLoad.begin(load.dir); // a mark that cannot be written ends the load before it writes anything
                started = true;
                return Optional.of(new PackedTarget(load, packed.get()));
            } finally {
                if (!started) {
                    load.storage.abort();
                    load.storage.end();
                }
            }
        }

        @Override
        public void begin() {
        }

        @Override
        public void digest(Collection<Quad> quads) {
            quads.forEach(packed::add);
        }

        @Override
        public void finish(Supplier<Future<?>> indexSpill) {
            committed = true; // from here on a failure leaves the mark, whatever the commit did
            load.storage.commit(); // the nodes, and nothing in the text index yet: its texts are still in the spill
            load.storage.end();
            Future<?> indexing = indexSpill.get();
            packed.writeIndexes();
            Txn.executeWrite(load.storage, () -> load.text.commitAfter(indexing));
            packed.close();
            FirstLoad.done(load.dir);
        }

        @Override
        public void abort(Exception failure) {
            RuntimeException ending = null;
            if (load.storage.isInTransaction()) {
                try {
                    load.storage.abort();
                    load.storage.end();
                } catch (RuntimeException e) {
                    ending = e;
                }
            }
            try {
                packed.close(); // the sorted quads cannot serve another load; on a full disk, their room is wanted
                if (!committed) FirstLoad.done(load.dir); // the store is as it was: empty
            } catch (RuntimeException e) {
                // left for the next open, which empties the store and the sorted quads with it
                if (ending == null) ending = e; else ending.addSuppressed(e);
            }
            if (committed) {
                StoreWriteFailure lost = StoreWriteFailure.firstLoad(failure, load.dir);
                if (ending != null) lost.addSuppressed(ending);
                throw lost;
            }
            if (ending != null) throw ending;
        }
    }

    private static void awaitStopped(ExecutorService reader) {
        try {
            if (!reader.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the digest reader did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads every file once for its day, hash and papers, on both cores. */
    private static List<Scan> scanAll(List<Path> files, LocalDate date) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Scan>> futures = files.stream().map(f -> pool.submit(() -> scan(f, date))).toList();
            List<Scan> scans = new ArrayList<>();
            for (Future<Scan> f : futures) scans.add(f.get());
            return scans;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading digests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Scan scan(Path file, LocalDate date) {
        String source = file.toString();
        try {
            DigestParser.Builder b = DigestParser.create().source(file).sourceName(source);
            if (date != null) b.date(date);
            DigestParser.HeadingScan scan = b.build().scanHeadings();
            Set<Node> papers = new HashSet<>();
            for (DigestParser.Heading h : scan.headings()) {
                if (h.arxivId() != null) {
                    papers.add(Iris.paper(h.arxivId()));
                } else if (!h.link().isBlank()) {
                    papers.add(Iris.paperAt(h.link().strip()));
                }
            }
            return new Scan(file, scan.digest().date(), scan.digest().sha256(), papers, null);
        } catch (DigestException e) {
            return new Scan(file, date, null, Set.of(), LoadResult.failed(source, date, e.getMessage(), Duration.ZERO));
        }
    }

    /** The index pass, inside the loader's transaction: the texts kept as the digests were read. */
    private Void indexTexts(TextSpill texts) {
        text.bulk(true);
        try {
            texts.read(batch -> {
                if (!stopped.get()) text.index(batch);
            });
            // the last buffered documents are written here, beside the loader's index build, not by the commit after it
            if (!stopped.get()) text.flush();
        } finally {
            text.bulk(false);
        }
        return null;
    }

    /** Parses and maps one digest into a buffer, the latest-listing rule coming from the days known ahead. */
    private Mapped map(Scan s, Map<Node, LocalDate> latest, TextSpill texts) {
        long t0 = System.nanoTime();
        String source = s.file.toString();
        if (stopped.get()) {
            return new Mapped(s, LoadResult.failed(source, s.day, "bulk load aborted", Duration.ZERO), List.of(),
                    Set.of(), Set.of());
        }
        DigestRecord record = new DigestRecord();
        Set<Node> emitted = new HashSet<>();
        // a set: the mapper may write a quad twice (a paper naming one author twice links the same creator twice),
        // and the store keeps it once, so the count reported is the count stored
        Set<Quad> quads = new LinkedHashSet<>();
        StreamRDF buffer = new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        };
        RdfMapper toBuffer = new RdfMapper(buffer, (paper, day) -> !day.isBefore(latest.getOrDefault(paper, day)));
        try {
            DigestParser.create().source(s.file).sourceName(source).date(s.day).build().parse(new MappingSink(record) {
                @Override
                public void start(Digest digest) {
                    // the listings were settled from the headings read before: a file changed since then is not loaded
                    if (!digest.sha256().equals(s.sha256)) {
                        throw new DigestException(source + ": the file changed while it was being loaded");
                    }
                    record.day = digest.date();
                    mapper = toBuffer;
                    mapper.start(digest);
                }

                @Override
                void beforePaper(Paper paper) {
                    emitted.add(Iris.paper(paper));
                }
            });
            record.checkStrict(strict, source);
        } catch (RuntimeException e) {
            String why = e instanceof DigestException ? e.getMessage() : source + ": " + e;
            return new Mapped(s, LoadResult.failed(source, s.day, why, Duration.ofNanos(System.nanoTime() - t0)), List.of(),
                    Set.of(), Set.of());
        }
        record.triples = quads.size();
        if (!stopped.get()) texts.write(quads); // outside the try: a spill that cannot be written stops the whole load
        // held until loaded as a list: the set's entries are garbage from here, before they can outlive a collection
        return new Mapped(s, record.loaded(source, Duration.ofNanos(System.nanoTime() - t0)), List.copyOf(quads),
                record.authors, emitted);
    }

    private String storedSha256(Node graph) {
        return DigestLoader.storedSha256(dsg, graph).orElse(null);
    }
}
