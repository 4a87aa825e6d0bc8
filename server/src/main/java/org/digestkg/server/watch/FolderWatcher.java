package org.digestkg.server.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.digestkg.coauthorship.StoredNetwork;
import org.digestkg.coauthorship.sparql.CoauthorIndex;
import org.digestkg.extractor.model.Problem;
import org.digestkg.storage.Compaction;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.ImportResult;
import org.digestkg.storage.InputFiles;
import org.digestkg.storage.LoadResult;
import org.digestkg.storage.RdfImport;
import org.digestkg.server.watch.SettlingFiles.Fingerprint;
import org.digestkg.server.watch.SettlingFiles.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the digests and RDF files that appear or change in a folder (and its folders) into a store that is in use:
 * the loop of {@link FolderWatch}, on one thread of its own.
 *
 * <p>It hears of changes from the file system's {@link WatchService} and, as a fallback, reads the whole folder again
 * every {@link WatchSettings#rescan()}. A file is loaded once it has settled ({@link SettlingFiles}), by the same
 * loaders as {@code kg build}: a digest by {@link DigestLoader}, an RDF file by {@link RdfImport}, each in one write
 * transaction of its own. A digest's load starts as soon as the file has looked the same for one look
 * ({@value #TICK_MILLIS} ms), so that reading it overlaps the quiet period, and commits only if the file is then still
 * the same and has settled (one renamed into the folder has: it arrives whole); else it is rolled back, unreported,
 * and loaded again once settled. Queries go on reading the last commit meanwhile. Unchanged bytes are skipped, a
 * changed digest replaces its graph, a bad file changes nothing and is reported in the log with its file and line.
 * After new data is committed, the co-authorship index is built again for it, so the next co-authorship query finds it
 * ready; the network is written beside the store just after. Removing a file from the folder does not remove its
 * digest from the store. Each load leaves behind the index blocks TDB2 copied, so once the store's data has grown to
 * {@link WatchSettings#compactAt} times its size, the watcher compacts it after a load ({@link #compactIfGrown}).
 */
final class FolderWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);
    /** How often a settling file is looked at again. */
    private static final long TICK_MILLIS = 50;

    private final GraphStore store;
    private final Path dir;
    private final WatchSettings settings;
    private final WatchEvents events;
    private final SettlingFiles files;
    private final WatchService service;
    private final Set<Path> registered = new HashSet<>();
    private volatile boolean stopping;
    /** Set once a compaction failed (a full disk, say): not tried again, after every load, until the next start. */
    private boolean compactionFailed;

    FolderWatcher(GraphStore store, Path dir, WatchSettings settings, WatchEvents events) throws IOException {
        this.store = store;
        this.dir = dir;
        this.settings = settings;
        this.events = events;
        this.files = new SettlingFiles(settings.quiet().toNanos(), TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        this.service = dir.getFileSystem().newWatchService();
    }

    /**
     * Asks the loop to end: it returns after the file being loaded, if any, is committed or rolled back. Never
     * interrupts: an interrupt during TDB2's file I/O would close the store's files.
     */
    void stop() {
        stopping = true;
        try {
            service.close();   // wakes the loop from its wait
        } catch (IOException e) {
            LOG.debug("Closing the watch service of {}: {}", dir, e.toString());
        }
    }

    @Override
    public void run() {
        try {
            if (settings.rehearsals() > 0) rehearse();
            if (settings.compactAt() > 0) Compaction.growth(store);   // a store without a record of its size gets one
            // listen first, then look: a file written in between is heard of, not missed
            scan(dir);
            long lastScan = System.nanoTime();
            while (!stopping) {
                long wait = files.anySettling() ? TICK_MILLIS : settings.rescan().toMillis();
                for (WatchKey key = service.poll(wait, TimeUnit.MILLISECONDS); key != null; key = service.poll()) {
                    heard(key);
                }
                if (System.nanoTime() - lastScan >= settings.rescan().toNanos()) {
                    scan(dir);
                    lastScan = System.nanoTime();
                }
                load(files.due(settings.clock().getAsLong()));
                events.round();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stop() closed the service: done
        } catch (RuntimeException | Error e) {
            LOG.error("Stopped watching {} for digests: {}", dir, e.toString(), e);
        }
    }

    /**
     * Runs the load path on the sample digests ({@link LoadRehearsal}), then the co-author update on the served
     * store's own network, in memory ({@link StoredNetwork#rehearseUpdate}), once the served store's co-author index
     * is built (the server starts building it as it starts; two such jobs at once on two cores would slow both).
     */
    private void rehearse() {
        try {
            CoauthorIndex.warm(store.datasetGraph());   // waits for the build under way, if any
            long t0 = System.nanoTime();
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            if (LoadRehearsal.run(tmp, settings.rehearsals(), () -> stopping) && !stopping) {
                StoredNetwork.rehearseUpdate(store);
                LOG.info("Load path warmed up on the sample digests ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not rehearse a load: {}", e.toString());   // the first load is only slower
        }
    }

    /** Reads a folder: listens to it and the folders its inputs are in, and notes how each input looks. */
    private void scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        listen(folder);
        for (Path f : InputFiles.inFolder(folder)) {
            listen(f.getParent());
            observe(f);
        }
    }

    private void listen(Path folder) {
        if (stopping || !registered.add(folder)) {
            return;
        }
        try {
            folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            registered.remove(folder);   // the rescan still sees its files, only later
            LOG.debug("Cannot watch {}: {}", folder, e.toString());
        }
    }

    private void heard(WatchKey key) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW) {
                scan(dir);   // too many changes at once: the notices were dropped, so look at everything
                continue;
            }
            Path p = folder.resolve((Path) e.context());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (!p.getFileName().toString().startsWith(".")) scan(p);   // a folder of digests moved in
            } else if (InputFiles.isInput(p)) {
                observe(p);
            }
        }
        if (!key.reset()) {
            registered.remove(folder);
        }
    }

    private void observe(Path file) {
        Optional<Fingerprint> f = Fingerprint.of(file);
        if (files.observe(file, f, settings.clock().getAsLong()) && f.isPresent()) {
            events.changed(file, f.get().size());
        }
    }

    /**
     * Loads the files due, one transaction each, then brings the co-authorship network kept beside the store
     * ({@link StoredNetwork}, by the days changed, as {@code kg build} does) and the in-memory index up to date.
     */
    private void load(List<Due> due) {
        if (due.isEmpty()) {
            return;   // most rounds: no read transaction for nothing
        }
        StoredNetwork.Noted before = StoredNetwork.note(store);
        Set<LocalDate> days = new HashSet<>();
        boolean imported = false;
        int commits = 0;   // each change is one commit; anyone else's (a SPARQL update) makes the network read whole
        for (Due d : due) {
            if (stopping) {
                break;   // the rest is loaded at the next start, as the folder is read then
            }
            if (Fingerprint.of(d.file()).isEmpty()) {
                continue;   // gone before it was loaded: a temporary file after all
            }
            Optional<Change> change;
            try {
                change = loadOne(d);
                files.handled(d);
            } catch (NotYet e) {
                files.notYet(d);   // nothing of it was kept: loaded again once settled
                change = Optional.empty();
            }
            if (change.isPresent()) {
                commits++;
                if (change.get().day() == null) imported = true; else days.add(change.get().day());
            }
            observe(d.file());   // written to again while it loaded: it settles and loads once more
        }
        if (commits > 0) {
            long t0 = System.nanoTime();
            // an import may change any paper; the index is served from memory before the file is written
            StoredNetwork.Update network = StoredNetwork.updated(store, before, commits, imported ? null : days);
            try {
                if (!stopping) CoauthorIndex.warm(store.datasetGraph());
                LOG.info("Co-authorship index updated ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            } finally {
                network.keep();
            }
            compactIfGrown();
        }
    }

    /**
     * Compacts the store when its data has grown to {@link WatchSettings#compactAt} times its size just after its last
     * compaction, or when first measured ({@link Compaction#growth}), carrying over what is kept beside it
     * ({@link StoredNetwork#compact}). It comes right after a load: digests come a day apart, and the compaction (a
     * minute for a year's store) holds up only the next load and a stop of the server, never the queries.
     */
    private void compactIfGrown() {
        if (settings.compactAt() == 0 || stopping || compactionFailed) return;
        Optional<Compaction.Growth> growth = Compaction.growth(store);
        if (growth.isEmpty() || !growth.get().atLeast(settings.compactAt())) return;
        long t0 = System.nanoTime();
        try {
            Compaction.Result r = StoredNetwork.compact(store);
            CoauthorIndex.warm(store.datasetGraph());
            LOG.info("Compacted the store in {} s: its data {} -> {} MB", String.format("%.1f",
                    (System.nanoTime() - t0) / 1e9), megabytes(growth.get().bytes()),
                    r.bytesAfter().map(FolderWatcher::megabytes).orElse("?"));
        } catch (RuntimeException e) {
            compactionFailed = true;
            LOG.error("Could not compact the store (not tried again until the server starts again): {}",
                    e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%,.0f", bytes / 1e6);
    }

    /** What a file changed in the store: the day of a digest, or (day null) anything an RDF import brought. */
    private record Change(LocalDate day) { }

    /** A load that came before its file had settled, and was rolled back. */
    private static final class NotYet extends RuntimeException {
        NotYet() {
            super(null, null, false, false);
        }
    }

    /**
     * Loads one file; empty when it changed nothing.
     *
     * @throws NotYet when the file had not settled by the end of its load (nothing was kept, nothing reported)
     */
    private Optional<Change> loadOne(Due due) {
        Path file = due.file();
        if (InputFiles.isImport(file) && !files.isQuiet(due, settings.clock().getAsLong())) {
            throw new NotYet();   // RDF files load settled only: their loader has no check before its commit
        }
        events.loading(file);
        try {
            if (InputFiles.isImport(file)) {
                ImportResult r = new RdfImport(store).load(file);
                log(r);
                events.imported(r);
                return r.status() == LoadResult.Status.LOADED ? Optional.of(new Change(null)) : Optional.empty();
            }
            long t0 = System.nanoTime();
            LoadResult r = new DigestLoader(store).beforeCommit(() -> awaitSettled(due)).load(file, null);
            if (r.status() != LoadResult.Status.LOADED) awaitSettled(due);   // a half-written file fails quietly
            log(r, System.nanoTime() - t0);
            events.loaded(r);
            return r.status() == LoadResult.Status.LOADED ? Optional.of(new Change(r.date())) : Optional.empty();
        } catch (NotYet e) {
            throw e;
        } catch (RuntimeException e) {
            // the store could not take it (disk full, ...): rolled back; tried again when the file changes
            LOG.error("Could not load {}: {}", file, e.getMessage() != null ? e.getMessage() : e.toString());
            return Optional.empty();
        }
    }

    /**
     * Returns once the file has stayed as it was when due for the quiet period, waiting out the rest of the period (at
     * most one period, even when stopping: the load is kept if it can be); throws {@link NotYet} when the file changed
     * or is not quiet by then.
     */
    private void awaitSettled(Due due) {
        long giveUp = System.nanoTime() + settings.quiet().toNanos();
        while (Fingerprint.of(due.file()).equals(Optional.of(due.fingerprint()))) {
            if (files.isQuiet(due, settings.clock().getAsLong())) return;
            if (System.nanoTime() >= giveUp) break;
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new NotYet();
    }

    /** @param nanos the whole load, its commit included (the result's own time ends before the commit) */
    private static void log(LoadResult r, long nanos) {
        switch (r.status()) {
            case FAILED -> LOG.warn("Not loaded: {} (nothing of it was written; it is tried again when it changes)",
                    r.error());
            case UNCHANGED -> LOG.debug("Unchanged: {} {} (same bytes as stored)", r.source(), r.date());
            case LOADED -> LOG.info("Loaded {} {}: {} papers, {} authors, {} triples, {} warnings, {} rejected, {} s; "
                            + "committed after {} s", r.source(), r.date(), count(r.papers()), count(r.authors()),
                    count(r.triples()), r.warnings().size(), r.rejected().size(),
                    String.format("%.2f", r.time().toNanos() / 1e9), String.format("%.2f", nanos / 1e9));
        }
        for (Problem p : r.warnings()) LOG.info("  warning: {}", p);
        for (Problem p : r.rejected()) LOG.warn("  rejected: {}", p);
    }

    private static void log(ImportResult r) {
        if (r.clean()) {
            LOG.info("Imported {}: {} quads into {} graph(s), {} s", r.source(), count(r.quads()), r.graphs().size(),
                    String.format("%.2f", r.time().toNanos() / 1e9));
        } else {
            LOG.warn("Not imported: {} (it is tried again when it changes)", r.error());
        }
        for (Problem p : r.warnings()) LOG.info("  warning: {}", p);
    }

    private static String count(long n) {
        return String.format("%,d", n);
    }
}
