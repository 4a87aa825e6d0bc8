package org.digestkg.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mark of a store's first load under way. The first load of an empty store writes TDB2's quad indexes from
 * sorted quads ({@link org.digestkg.storage.tdb.PackedQuads}), which is not crash-safe: each index is its own commit,
 * and a process stopped in the middle can leave an index whose blocks and allocation state disagree. So a file in the
 * store's folder says the load is under way, written and synced before its first write and deleted after its last
 * commit; a store opened with the file there was left by a first load that never finished, and is emptied, which
 * is where that load started from (it only runs on an empty store). Emptying it also drops the sorted quads a load
 * larger than memory keeps in the store's folder ({@link #runs}), which a process stopped while reading leaves.
 */
final class FirstLoad {

    private static final Logger LOG = LoggerFactory.getLogger(FirstLoad.class);

    /** The file in the store's folder. */
    static final String MARK = "first-load.unfinished";
    /** The folder in the store's folder where a first load larger than memory sorts its quads. */
    private static final String RUNS = "first-load.runs";

    /**
     * Stores whose first load this process began: their mark is its own, not a dead process's, even when it stays
     * after a failure (the store may still be open here; the next process empties it).
     */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();

    private FirstLoad() {
    }

    /** Where the first load of the store in {@code dir} keeps the sorted quads that memory does not hold. */
    static Path runs(Path dir) {
        return dir.resolve(RUNS);
    }

    /** Marks the first load of the store in {@code dir} as begun, durably. */
    static void begin(Path dir) {
        OURS.add(key(dir));
        Path mark = dir.resolve(MARK);
        try (FileChannel f = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            f.write(StandardCharsets.UTF_8.encode("A first load of this store began and has not finished; if no build "
                    + "is running, opening the store empties it (the load's digests are loaded by building again).\n"));
            f.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + mark + ": " + e.getMessage(), e);
        }
        syncFolder(dir);
    }

    /** Marks it finished: its last commit is done. */
    static void done(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(MARK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(MARK) + ": " + e.getMessage(), e);
        }
        syncFolder(dir);
        OURS.remove(key(dir));
    }

    /**
     * Whether the store in {@code dir} was left by a first load that did not finish: marked, by a process that is
     * not this one (one that is alive holds TDB2's lock, which the caller has taken).
     */
    static boolean interrupted(Path dir) {
        return Files.exists(dir.resolve(MARK)) && !OURS.contains(key(dir));
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    /** Empties the store in {@code dir} (closed, and no process using it): all it holds is an unfinished first load. */
    static void undo(Path dir) {
        LOG.warn("The store in {} was left by a first build that did not finish: emptying it. "
                + "Build again to load those digests.", dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().equals(MARK)) Folders.deleteTree(p);
            }
            Files.delete(dir.resolve(MARK)); // last: a process stopped while emptying leaves the mark for the next open
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A file created or deleted is durable only once its folder is synced. */
    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the file itself was synced
        }
    }
}
