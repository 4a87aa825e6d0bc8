package org.digestkg.storage.tdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.dboe.sys.Names;
import org.digestkg.storage.StoreInUseException;
import org.digestkg.storage.tdb.JenaInternals.Concern;

/**
 * Whether a store failed to open because another process holds it. TDB2 says so only in the text of a generic
 * exception; instead, this looks at the lock itself: TDB2 locks a file in the store's directory (with the holder's
 * process id in it) for as long as a process has the store open. When that file is not where it is expected, the
 * exception's text decides, as before.
 */
public final class StoreLock {

    // How TDB2 5.x words it ("Failed to get a lock: file='…': held by process 1234"); only the fallback reads it.
    private static final Pattern LOCK_MESSAGE = Pattern.compile("Failed to get a lock|already locked");
    private static final Pattern HELD_BY = Pattern.compile("held by process (\\d+)");

    private StoreLock() {
    }

    /** The reason {@code failure} to open the store in {@code dir} happened, when it is that another process has it. */
    public static Optional<StoreInUseException> inUse(Path dir, RuntimeException failure) {
        Optional<Optional<StoreInUseException>> probed =
                JenaInternals.attempt(Concern.LOCK, () -> Optional.of(probe(dir, failure)));
        return probed.orElseGet(() -> fromMessage(dir, failure));
    }

    /** Tries the lock: if it cannot be had, someone holds it. */
    private static Optional<StoreInUseException> probe(Path dir, RuntimeException failure) {
        Path lock = dir.resolve(Names.TDB_LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            // TDB2 makes the file before it locks it: without one, nothing is locked, unless Jena moved it
            if (fromMessage(dir, failure).isPresent()) {
                throw new JenaInternals.UnknownLayout("no lock file " + lock + ", yet Jena says the store is locked");
            }
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.of(new StoreInUseException(dir, OptionalLong.of(ProcessHandle.current().pid()), failure));
            }
            if (held != null) {
                held.release();
                return Optional.empty(); // free: the store failed for another reason
            }
            return Optional.of(new StoreInUseException(dir, pid(Files.readString(lock, StandardCharsets.UTF_8)), failure));
        } catch (IOException e) {
            throw new JenaInternals.UnknownLayout("cannot try the lock file " + lock + ": " + e.getMessage());
        }
    }

    private static Optional<StoreInUseException> fromMessage(Path dir, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && LOCK_MESSAGE.matcher(message).find()) {
                Matcher holder = HELD_BY.matcher(message);
                OptionalLong pid = holder.find() ? OptionalLong.of(Long.parseLong(holder.group(1))) : OptionalLong.empty();
                return Optional.of(new StoreInUseException(dir, pid, failure));
            }
        }
        return Optional.empty();
    }

    private static OptionalLong pid(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
