package org.digestkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.coauthorship.sparql.CoauthorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the co-authorship index in the background once the server listens, so the first co-author query finds
 * it ready (queries arriving meanwhile wait for it; after an update the next co-authorship query builds it again).
 *
 * <p>The build reads the store in a transaction of its own, so the store cannot be closed under it: when the
 * server stops, {@link #serverStopped} waits for a running build to finish (a few seconds for a year of digests)
 * and keeps one that has not begun from starting. The build is never interrupted: an interrupt during TDB2 file
 * I/O closes the store's file channels.
 */
final class CoauthorIndexWarmUp implements FusekiModule {

    private static final Logger LOG = LoggerFactory.getLogger(CoauthorIndexWarmUp.class);

    private final Runnable build;
    private Thread worker;
    private boolean stopped;

    CoauthorIndexWarmUp(DatasetGraph dsg) {
        this(() -> CoauthorIndex.warm(dsg));
    }

    /** With the work to do in the background given, so that a test can hold it up. */
    CoauthorIndexWarmUp(Runnable build) {
        this.build = build;
    }

    @Override
    public String name() {
        return "digest-kg co-authorship index warm-up";
    }

    @Override
    public synchronized void serverAfterStarting(FusekiServer server) {
        if (stopped || worker != null) {
            return;
        }
        worker = BackgroundWork.start(this::run, "kg-coauthor-index");
    }

    private void run() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            long start = System.nanoTime();
            build.run();
            LOG.info("Co-authorship index ready ({} ms)", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Could not build the co-authorship index now; queries will build it: {}", e.toString());
        }
    }

    @Override
    public void serverStopped(FusekiServer server) {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = worker;
        }
        if (running == null || !running.isAlive()) {
            return;
        }
        LOG.info("Waiting for the co-authorship index build to finish before closing the store");
        BackgroundWork.awaitEnd(running);
    }
}
