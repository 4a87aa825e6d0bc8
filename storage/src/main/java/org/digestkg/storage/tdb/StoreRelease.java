package org.digestkg.storage.tdb;

import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.digestkg.storage.tdb.JenaInternals.Concern;

/**
 * Closing a TDB2 store for good. TDB2 keeps every store it opened in a process-wide cache, holding its files and its
 * lock until the process ends, and its public API has no call to let one go; {@code TDBInternal.expel} does, so that
 * another process, or a test, can open the directory afterwards.
 */
public final class StoreRelease {

    private StoreRelease() {
    }

    /**
     * Releases {@code dsg}'s files and lock; without the fast path the store stays open (and locked) until the process
     * ends, which is all a short-lived command needs.
     *
     * @throws RuntimeException from TDB2 when transactions are still active on the store
     */
    public static void release(DatasetGraph dsg) {
        Optional<Boolean> released = JenaInternals.attempt(Concern.RELEASE, () -> {
            TDBInternal.expel(dsg);
            return Optional.of(true);
        });
        if (released.isEmpty()) {
            dsg.close();
        }
    }
}
