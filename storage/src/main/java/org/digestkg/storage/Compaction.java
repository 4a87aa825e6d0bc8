package org.digestkg.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.PackedCompaction;
import org.digestkg.storage.tdb.StoreFootprint;
import org.slf4j.LoggerFactory;

/**
 * Writes a store's data afresh. TDB2 copies every index block a write transaction touches and keeps the old copy for
 * readers that may still see it, so a store grows with every digest added, replaced or removed (about 60 MB for a
 * day added to a year's store) until it is compacted: what the latest state holds is then copied into a new storage
 * folder ({@code Data-NNNN}), its indexes packed ({@link PackedCompaction}; TDB2's own compaction where that cannot
 * run), and the old one deleted. A process killed meanwhile leaves the old folder in use and the new one unfinished,
 * which TDB2 does not use.
 * <p>
 * The data is the same after it, but the state key ({@link CommittedState}) is not: what is kept beside the store
 * under that key is carried over rather than left to be rebuilt: the counts, moved by a change that wrote nothing
 * ({@link Stats#update}), and the list of stored digests ({@link StoredDigests}). The co-author network, which lives
 * in another module, is carried over there ({@code StoredNetwork.compact}), which is what callers use.
 */
public final class Compaction {

    /**
     * How many times its size just after its last compaction a store's data may grow to before compacting it is
     * worth its time: a watching server then compacts its store by itself, and {@code kg build} and {@code kg remove}
     * say so.
     */
    public static final double WORTH_AT = 2;
    /** Beside the store: the bytes of its data just after its last compaction, or when first measured. */
    static final String SIZE_FILE = "compacted-size.txt";

    private Compaction() {
    }

    /** The bytes of a store's data now, and just after its last compaction (or when first measured). */
    public record Growth(long bytes, long compacted) {
        /** Whether the data has grown to {@code factor} times its size then. */
        public boolean atLeast(double factor) {
            return bytes >= factor * compacted;
        }
    }

    /**
     * How the store's data has grown since its last compaction ({@value #SIZE_FILE}). A store without that record gets
     * one, with its size now: after a first build, whose indexes are packed, or the first time a writer asks. Empty
     * when the size cannot be told.
     */
    public static Optional<Growth> growth(GraphStore store) {
        Optional<Long> now = StoreFootprint.bytes(store.storage());
        if (now.isEmpty()) return Optional.empty();
        Path file = store.dir().resolve(SIZE_FILE);
        try {
            return Optional.of(new Growth(now.get(), Long.parseLong(Files.readString(file).strip())));
        } catch (IOException | NumberFormatException e) {
            keepSize(store, now.get());   // none yet, or unreadable: from now on
            return Optional.of(new Growth(now.get(), now.get()));
        }
    }

    private static void keepSize(GraphStore store, long bytes) {
        Path file = store.dir().resolve(SIZE_FILE);
        try {
            Path tmp = Files.createTempFile(store.dir(), SIZE_FILE, ".tmp");
            try {
                Files.writeString(tmp, bytes + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // the next writer measures again
            LoggerFactory.getLogger(Compaction.class).debug("Could not keep {}: {}", file, e.toString());
        }
    }

    /** The bytes of the store's data ({@link StoreFootprint}) before and after; empty when they cannot be told. */
    public record Result(Optional<Long> bytesBefore, Optional<Long> bytesAfter) {
    }

    /**
     * Compacts {@code store}. Call outside any transaction; other threads' queries go on meanwhile. TDB2 holds other
     * writers of the process back while it copies; one that commits right after (a SPARQL update on a server that
     * allows them) is told by the count of commits, and then the counts are not carried over but counted again by
     * their next reader.
     *
     * @param before        the store's state key before ({@link CommittedState#key}), under which the counts were kept
     * @param commitsBefore the store's commits by then ({@link CommittedState#commitsBefore}), seen with it
     */
    public static Result compact(GraphStore store, Optional<String> before, OptionalLong commitsBefore) {
        Optional<Long> bytesBefore = StoreFootprint.bytes(store.storage());
        StatsChange none = new StatsChange(store.datasetGraph());
        if (!PackedCompaction.run(store.storage())) DatabaseMgr.compact(store.storage(), true);
        Stats.update(store, before, none);
        StoredDigests.keep(store);
        DatasetGraph dsg = store.datasetGraph();
        if (!commitsBefore.equals(Txn.calculateRead(dsg, () -> CommittedState.commitsBefore(dsg)))) {
            try {
                Files.deleteIfExists(store.dir().resolve(StatsFile.NAME)); // may have been moved past that commit
            } catch (IOException e) {
                LoggerFactory.getLogger(Compaction.class).warn("Could not delete {}, which may be stale: {}",
                        store.dir().resolve(StatsFile.NAME), e.toString());
            }
        }
        Optional<Long> bytesAfter = StoreFootprint.bytes(store.storage());
        bytesAfter.ifPresent(bytes -> keepSize(store, bytes));
        return new Result(bytesBefore, bytesAfter);
    }
}
