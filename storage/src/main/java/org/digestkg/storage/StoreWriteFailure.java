package org.digestkg.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.jena.dboe.base.file.FileException;
import org.apache.jena.query.TxnType;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A write to the store that failed for a reason outside the data — most often a full disk — said in words a user can
 * act on: what was being stored, where, and why. TDB2 alone reports a full disk as "Write transaction with no
 * commit() or abort() before end() - forced abort" (ending the failed transaction throws again, and Java reports
 * that instead of the first failure), or as an {@link InternalError} from a memory-mapped store file that could not
 * grow, which names no file at all.
 */
public final class StoreWriteFailure extends RuntimeException {

    /** Below this much free space, a failed write is put down to a full disk. TDB2 grows its files 8 MiB at a time. */
    private static final long NEARLY_FULL = 16L << 20;

    private StoreWriteFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs {@code body} in a write transaction; the body commits or aborts. A failure is reported as it happened:
     * ending the broken transaction afterwards does not replace it.
     *
     * @param what names what is being written, for the message, e.g. {@code data/2026-02-04.md}
     * @throws StoreWriteFailure when the store could not be written (see {@link #of}); other failures as they are
     */
    static <T> T inWriteTransaction(DatasetGraph dsg, Path storeDir, Supplier<String> what, Supplier<T> body) {
        dsg.begin(TxnType.WRITE);
        Throwable failure = null;
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            try {
                if (dsg.isInTransaction()) dsg.abort();
            } catch (RuntimeException | Error again) {
                e.addSuppressed(again);
            }
            if (isStoreWrite(e)) throw of(e, storeDir, what.get());
            throw e;
        } finally {
            try {
                dsg.end();
            } catch (RuntimeException | Error again) {
                if (failure == null) throw again;
                failure.addSuppressed(again);
            }
        }
    }

    /**
     * Whether {@code e} is the store failing to write (its files refused by the file system), rather than a fault in
     * what was being loaded: TDB2 reports file trouble with its own exceptions (a {@link FileException}, a
     * {@link TDBException} caused by an {@link IOException}), and a memory-mapped file that cannot grow faults as an
     * {@link InternalError}.
     */
    static boolean isStoreWrite(Throwable e) {
        boolean storage = false;
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isMappedFault(t) || t instanceof FileException) return true;
            storage |= t instanceof TDBException;
            io |= t instanceof IOException;
        }
        return storage && io;
    }

    /** A failure to write {@code what} into the store at {@code storeDir}, with its cause in plain words. */
    static StoreWriteFailure of(Throwable e, Path storeDir, String what) {
        return new StoreWriteFailure(what + " could not be stored in " + storeDir + ": " + cause(e, storeDir)
                + "; it is not in the store, which holds what was committed before", e);
    }

    /** A store's first load failed after its first commit: the store is emptied when next opened ({@link FirstLoad}). */
    static StoreWriteFailure firstLoad(Throwable e, Path storeDir) {
        String why = isStoreWrite(e) ? cause(e, storeDir) : String.valueOf(e.getCause() != null ? e.getCause() : e);
        return new StoreWriteFailure("the first load of the store in " + storeDir + " could not be completed: " + why
                + "; the store will be emptied when it is next opened", e);
    }

    /** The cause of a failed store write: the file system's own words when there are any. */
    static String cause(Throwable e, Path storeDir) {
        String free = free(storeDir);
        IOException io = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException x) io = x;
            if (isMappedFault(t)) {
                // SIGBUS on a memory-mapped file: the page could not be given disk space
                return nearlyFull(storeDir) ? "no space left on the device holding the store (" + free + " free)"
                        : "a memory-mapped store file could not be written (" + free + " free on its device; a full"
                        + " disk, or a store file cut short?)";
            }
        }
        if (io == null) return String.valueOf(e.getMessage());
        String said = io.getMessage() == null ? io.toString() : io.getMessage();
        if (said.contains("File too large")) {
            return "a store file may not grow any larger (" + said + ": a file-size limit such as ulimit -f, or the"
                    + " file system's largest file)";
        }
        if (said.contains("No space left") || nearlyFull(storeDir)) {
            return "no space left on the device holding the store (" + free + " free; " + said + ")";
        }
        return said;
    }

    private static boolean isMappedFault(Throwable t) {
        return t instanceof InternalError && t.getMessage() != null && t.getMessage().contains("unsafe memory access");
    }

    private static boolean nearlyFull(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String free(Path dir) {
        try {
            long bytes = Files.getFileStore(dir).getUsableSpace();
            return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%,d MiB", bytes >> 20)
                    : String.format(Locale.ROOT, "%,d KiB", bytes >> 10);
        } catch (IOException | RuntimeException e) {
            return "unknown space";
        }
    }
}
