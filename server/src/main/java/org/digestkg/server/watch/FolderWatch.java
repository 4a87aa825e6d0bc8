package org.digestkg.server.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.digestkg.server.BackgroundWork;
import org.digestkg.server.KgServer;
import org.digestkg.server.ServedGraph;
import org.digestkg.storage.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that takes in new days by itself: a Fuseki module that watches a folder and loads the digests (and RDF
 * files) that appear or change in it into the served store while the server answers queries — see
 * {@link FolderWatcher} for how and by which rules.
 * <pre>
 * KgServer.builder().store(store).module(FolderWatch.of(Path.of("digests"))).build().start();
 * </pre>
 * The watcher writes in-process: the HTTP endpoints stay read-only unless updates were allowed. It starts once the
 * server listens, reading the folder first (files already there are loaded, or skipped when the store holds the
 * same bytes); it stops when the server stops, after the load in progress, if any, so that no write transaction is
 * left open when the store closes.
 */
public final class FolderWatch implements FusekiModule {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final GraphStore store;
    private final Path dir;
    private final WatchSettings settings;
    private final WatchEvents events;
    private FolderWatcher watcher;
    private Thread worker;
    private boolean stopped;

    FolderWatch(GraphStore store, Path dir, WatchSettings settings, WatchEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.settings = settings;
        this.events = events;
        if (!Files.isDirectory(this.dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
    }

    /**
     * The module for {@link KgServer.Builder#module}: watches {@code dir}, loading into the server's store.
     *
     * @throws IllegalArgumentException (when the server is built) if {@code dir} is not a folder, or the server
     *                                  was given a dataset rather than a {@link GraphStore}
     */
    public static Function<ServedGraph, FusekiModule> of(Path dir) {
        return of(dir, WatchSettings.DEFAULT, WatchEvents.NONE);
    }

    static Function<ServedGraph, FusekiModule> of(Path dir, WatchSettings settings, WatchEvents events) {
        return served -> new FolderWatch(served.store().orElseThrow(() -> new IllegalArgumentException(
                "watching a folder needs the server to own its store")), dir, settings, events);
    }

    /** The folder watched, as an absolute path. */
    public Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return "digest-kg folder watch";
    }

    @Override
    public synchronized void serverAfterStarting(FusekiServer server) {
        if (stopped || worker != null) {
            return;
        }
        try {
            watcher = new FolderWatcher(store, dir, settings, events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir + ": " + e.getMessage(), e);
        }
        worker = BackgroundWork.start(watcher, "kg-folder-watch");
        LOG.info("Watching {} for new and changed digests", dir);
    }

    /** Stops watching and waits for a load in progress to commit or roll back: the store closes next. */
    @Override
    public void serverStopped(FusekiServer server) {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = worker;
            if (watcher != null) watcher.stop();
        }
        BackgroundWork.awaitEnd(running);
    }
}
