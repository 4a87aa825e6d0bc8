package org.digestkg.storage.tdb;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into Jena's internals. Code compiled against classes Jena does not promise to keep (TDB2's node file,
 * index trees and transaction state, its lock file) runs only inside {@link #attempt}: a {@link LinkageError} (a
 * Jena upgrade removed or changed what it calls) or an {@link UnknownLayout} (the store is not laid out as the code
 * expects) makes the caller take Jena's public API instead, after a one-line notice. So a Jena upgrade can make
 * digest-kg slower, never wrong or broken; {@code JenaInternalsTest} in each module shows which.
 * <p>
 * {@code -Ddigestkg.jenaInternals=off} turns every fast path off, for a Jena release that changes behaviour
 * without changing signatures; the tests use it to compare both paths.
 */
public final class JenaInternals {

    /** The system property that turns the fast paths off when set to {@code off}. */
    public static final String SWITCH = "digestkg.jenaInternals";

    private static final Logger LOG = LoggerFactory.getLogger(JenaInternals.class);
    private static final Map<Concern, String> FALLBACKS = new ConcurrentHashMap<>();
    private static final Map<Concern, LongAdder> COUNTS = new EnumMap<>(Concern.class);

    static {
        for (Concern c : Concern.values()) COUNTS.put(c, new LongAdder());
    }

    /** What reaches into Jena, and what takes over when it cannot. */
    public enum Concern {
        EXPORT("the fast N-Triples/N-Quads export", "Jena's writers export instead"),
        COMMITTED_STATE("the key of the store's committed state", "nothing is cached across queries"),
        RELEASE("releasing the store on close", "the store stays open until the process ends"),
        LOCK("trying the store's lock", "Jena's error message tells whether the store is in use"),
        PACKED_LOAD("writing a new store's quad indexes from sorted quads", "TDB2's sequential loader writes them"),
        PACKED_COMPACTION("writing a compacted store's quad indexes packed",
                "TDB2's compaction copies the store quad by quad"),
        COUNTS("counting the store from its quad indexes", "SPARQL counts it"),
        FOOTPRINT("the bytes TDB2's indexes and node file use", "kg compact does not say what it freed");

        private final String what;
        private final String instead;

        Concern(String what, String instead) {
            this.what = what;
            this.instead = instead;
        }
    }

    /** The store is not laid out as the fast path expects; {@code getMessage()} says how. */
    public static final class UnknownLayout extends RuntimeException {
        public UnknownLayout(String message) {
            super(message, null, false, false);
        }
    }

    private JenaInternals() {
    }

    /** Whether fast paths are on (they are unless {@link #SWITCH} is {@code off}). */
    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty(SWITCH, "").strip());
    }

    /**
     * Runs a fast path. Its result when it has one; empty when it says it does not apply (an empty result, no
     * notice), when fast paths are off, or after a {@link LinkageError} or {@link UnknownLayout} (with a notice).
     * Other exceptions pass through: they are the store's, not the adapter's.
     */
    public static <T> Optional<T> attempt(Concern concern, Supplier<Optional<T>> fastPath) {
        if (!enabled()) {
            fallBack(concern, "turned off: system property " + SWITCH + "=off");
            return Optional.empty();
        }
        try {
            return fastPath.get();
        } catch (LinkageError e) {
            fallBack(concern, "this Jena version lacks what it uses: " + e);
        } catch (UnknownLayout e) {
            fallBack(concern, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The concerns that took Jena's public API in this process, with the reason: what a test or a diagnostic asks
     * to see whether a fast path ran.
     */
    public static Map<Concern, String> fallbacks() {
        return Map.copyOf(FALLBACKS);
    }

    /** How many times {@code concern} took Jena's public API in this process: a test's way to see which path ran. */
    public static long fallbackCount(Concern concern) {
        return COUNTS.get(concern).sum();
    }

    private static void fallBack(Concern concern, String reason) {
        COUNTS.get(concern).increment();
        // One notice per concern and process: an index asked on every query must not flood the log.
        if (FALLBACKS.put(concern, reason) == null) {
            LOG.warn("{} is unavailable ({}); {}", capitalised(concern.what), reason, concern.instead);
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
