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
 * seen, and a file still being written keeps settling. A file may be loaded before its quiet period is over, once it
 * has looked the same for a glance ({@link #due}): the load then commits only if the file is still the same and quiet
 * by then ({@link #isQuiet}); else it is put back ({@link #notYet}) and loaded again once settled. What was loaded is
 * remembered by fingerprint, so a file is loaded again only when it changes again — a file that failed (a
 * half-written one that did not parse) is retried then, and not before.
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

    /** A file due to be loaded: the fingerprint it has had since {@code since}, its last change seen. */
    record Due(Path file, Fingerprint fingerprint, long since) {
    }

    /** @param tried whether a load of this fingerprint was already tried before its quiet period was over */
    private record Change(Fingerprint fingerprint, long since, boolean tried) {
    }

    private final long quietNanos;
    private final long glanceNanos;
    private final Map<Path, Fingerprint> handled = new HashMap<>();
    /** Sorted by path, so that dated digests that settle together load oldest first, as in a build. */
    private final Map<Path, Change> settling = new TreeMap<>();

    /**
     * @param glanceNanos how long a file must look the same before a load may be tried ahead of its quiet period;
     *                    at least {@code quietNanos} to load settled files only
     */
    SettlingFiles(long quietNanos, long glanceNanos) {
        this.quietNanos = quietNanos;
        this.glanceNanos = glanceNanos;
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
        settling.put(file, new Change(f, now, false));
        return true;
    }

    /** Whether some file is still settling: the watcher then looks more often than its rescan period. */
    boolean anySettling() {
        return !settling.isEmpty();
    }

    /**
     * The files to load now, in path order, which stop settling: those that have not changed for the quiet period by
     * {@code now}, and those that have looked the same for a glance and were not tried yet as they are.
     */
    List<Due> due(long now) {
        List<Due> due = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Change>> it = settling.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Change> e = it.next();
            Change c = e.getValue();
            if (now - c.since() >= quietNanos || (!c.tried() && now - c.since() >= glanceNanos)) {
                due.add(new Due(e.getKey(), c.fingerprint(), c.since()));
                it.remove();
            }
        }
        return due;
    }

    /** Whether {@code s}'s file, as it was when due, has been quiet for the quiet period by {@code now}. */
    boolean isQuiet(Due s, long now) {
        return now - s.since() >= quietNanos;
    }

    /** Puts back a file whose load came before its quiet period was over: it is loaded again once settled. */
    void notYet(Due s) {
        settling.putIfAbsent(s.file(), new Change(s.fingerprint(), s.since(), true));
    }

    /** Records that {@code file} was loaded (or failed) as it looked then: it is not loaded again until it changes. */
    void handled(Due s) {
        handled.put(s.file(), s.fingerprint());
    }
}
