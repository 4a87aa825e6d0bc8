package org.digestkg.storage;

import java.util.Optional;

import org.apache.jena.tdb2.DatabaseMgr;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.StoreFootprint;

/**
 * Writes a store's data afresh. TDB2 copies every index block a write transaction touches and keeps the old copy for
 * readers that may still see it, so a store grows with every digest added, replaced or removed (about 60 MB for a
 * day added to a year's store) until it is compacted: TDB2 then copies what the latest state holds into a new
 * storage folder ({@code Data-NNNN}) and deletes the old one. A process killed meanwhile leaves the old folder in use
 * and the new one unfinished, which TDB2 does not use.
 * <p>
 * The data is the same after it, but the state key ({@link CommittedState}) is not: what is kept beside the store
 * under that key is carried over rather than left to be rebuilt: the counts, moved by a change that wrote nothing
 * ({@link Stats#update}), and the list of stored digests ({@link StoredDigests}). The co-author network, which lives
 * in another module, is carried over there ({@code StoredNetwork.compact}), which is what callers use.
 */
public final class Compaction {

    private Compaction() {
    }

    /** The bytes of the store's data ({@link StoreFootprint}) before and after; empty when they cannot be told. */
    public record Result(Optional<Long> bytesBefore, Optional<Long> bytesAfter) {
    }

    /**
     * Compacts {@code store}. Call outside any transaction; other threads' queries go on meanwhile, and this
     * process must be the store's only writer.
     *
     * @param before the store's state key before ({@link CommittedState#key}), under which the counts were kept
     */
    public static Result compact(GraphStore store, Optional<String> before) {
        Optional<Long> bytesBefore = StoreFootprint.bytes(store.storage());
        StatsChange none = new StatsChange(store.datasetGraph());
        DatabaseMgr.compact(store.storage(), true);
        Stats.update(store, before, none);
        StoredDigests.keep(store);
        return new Result(bytesBefore, StoreFootprint.bytes(store.storage()));
    }
}
