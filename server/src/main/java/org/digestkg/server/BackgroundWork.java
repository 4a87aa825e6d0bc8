package org.digestkg.server;

/** For modules that work on a thread of their own while the server runs, and must finish before the store closes. */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /** Starts {@code work} on a daemon thread of its own, named {@code name}: it never keeps the JVM from exiting. */
    public static Thread start(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits until {@code worker} (may be null) has ended. The wait is not cut short by an interrupt, and the worker
     * is never interrupted: an interrupt during TDB2's file I/O closes the store's files, and closing the store
     * under a transaction would fail it. An interrupt of the waiting thread is kept for after.
     */
    public static void awaitEnd(Thread worker) {
        if (worker == null) {
            return;
        }
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
