package org.digestkg.server.watch;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.digestkg.storage.Compaction;

/**
 * How a folder is watched.
 *
 * @param quiet  how long a file's size and modification time must stay the same before it counts as written
 *               completely and its load is committed (a digest's load may start before, and is rolled back if the
 *               file changes meanwhile)
 * @param rescan how often the whole folder is read again, besides the file system's change notices: some file
 *               systems (network mounts, some containers) send none, and some watch by polling slowly
 * @param clock  the clock the quiet period is measured with, in nanoseconds ({@link System#nanoTime()}); a test
 *               may hold it still
 * @param rehearsals how many rounds of the load path to run on sample digests before watching ({@link LoadRehearsal}),
 *               so that the first watched file loads on compiled code; 0 for none
 * @param compactAt how many times its size just after its last compaction (or when first measured) the store's data
 *               may grow to before the watch compacts it after a load (TDB2 keeps the blocks each write copies: a day
 *               added to a year's store adds about 60 MB); 0 for never
 */
record WatchSettings(Duration quiet, Duration rescan, LongSupplier clock, int rehearsals, double compactAt) {

    /** The system property that sets how many rounds a server rehearses ({@link LoadRehearsal#ROUNDS}; 0 for none). */
    static final String REHEARSALS = "digestkg.watch.rehearsals";

    /**
     * A quiet period short enough for a new digest to be queryable within about a second, long enough for a copy to go
     * on; the data compacted once it has doubled.
     */
    static final WatchSettings DEFAULT = new WatchSettings(Duration.ofMillis(300), Duration.ofSeconds(1), System::nanoTime,
            Integer.getInteger(REHEARSALS, LoadRehearsal.ROUNDS), Compaction.WORTH_AT);

    WatchSettings {
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(rescan, "rescan");
        Objects.requireNonNull(clock, "clock");
        if (quiet.isNegative() || rescan.isNegative() || rescan.isZero() || rehearsals < 0
                || !(compactAt == 0 || compactAt >= 1)) {
            throw new IllegalArgumentException("quiet and rehearsals must not be negative, rescan must be positive, "
                    + "compactAt 0 or at least 1");
        }
    }
}
