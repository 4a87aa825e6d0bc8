package org.digestkg.server.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tells when a file in a watched folder is written completely: its size, modification time and identity have not
 * changed for a quiet period. A file is only noticed while it changes, so the period counts from the last change
 * seen, and a file still being written keeps settling. What was loaded is remembered by fingerprint, so a file is
 * loaded again only when it changes again — a file that failed (a half-written one that did not parse) is retried
 * then, and not before.
 *
 * <p>Not thread-safe: one watcher thread owns it. Times are {@link System#nanoTime()}-like readings of the watcher's
 * clock.
 */
final class SettlingFiles {

    /** What a file looks like from outside: changes when it is written to or replaced (an atomic rename). */
    record Fingerprint(long size, FileTime modified, Object identity) {

        /** The file's fingerprint now; empty when it is gone or is not a regular file. */
        static Optional<Fingerprint> of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.isRegularFile() ? Optional.of(new Fingerprint(a.size(), a.lastModifiedTime(), a.fileKey()))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** A file that has settled: the fingerprint it had all through the quiet period. */
    record Settled(Path file, Fingerprint fingerprint) {
    }

    private record Change(Fingerprint fingerprint, long since) {
    }

    private final long quietNanos;
    private final Map<Path, Fingerprint> handled = new HashMap<>();
    /** Sorted by path, so that dated digests that settle together load oldest first, as in a build. */
    private final Map<Path, Change> settling = new TreeMap<>();

    SettlingFiles(long quietNanos) {
        this.quietNanos = quietNanos;
    }

    /**
     * Records how {@code file} looks at {@code now}; empty when it is gone (forgotten: a file that comes back is
     * loaded again, where unchanged bytes are skipped). Returns whether this is a change not seen before.
     */
    boolean observe(Path file, Optional<Fingerprint> seen, long now) {
        if (seen.isEmpty()) {
            handled.remove(file);
            return settling.remove(file) != null;
        }
        Fingerprint f = seen.get();
        if (f.equals(handled.get(file))) {
            settling.remove(file);   // back as it was when last loaded
            return false;
        }
        Change c = settling.get(file);
        if (c != null && c.fingerprint().equals(f)) {
            return false;
        }
        settling.put(file, new Change(f, now));
        return true;
    }

    /** Whether some file is still settling: the watcher then looks more often than its rescan period. */
    boolean anySettling() {
        return !settling.isEmpty();
    }

    /** The files that have not changed for the quiet period by {@code now}, in path order; they stop settling. */
    List<Settled> settled(long now) {
        List<Settled> done = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Change>> it = settling.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Change> e = it.next();
            if (now - e.getValue().since() >= quietNanos) {
                done.add(new Settled(e.getKey(), e.getValue().fingerprint()));
                it.remove();
            }
        }
        return done;
    }

    /** Records that {@code file} was loaded (or failed) as it looked then: it is not loaded again until it changes. */
    void handled(Settled s) {
        handled.put(s.file(), s.fingerprint());
    }
}
