package org.digestkg.storage.tdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.jena.dboe.sys.Names;

/**
 * The committed state of a TDB2 store read from its files, without opening it or starting Jena: for a command that
 * only needs to know whether the store is still as it last saw it ({@code kg build} of digests already stored).
 * <p>
 * At every commit that changes an index, TDB2 writes the index's root into a small state file ({@code *.bpt}), and
 * the node file's length into another ({@code *.bdf}); roots only grow (copy-on-write), so the bytes of these files
 * change with every change of the data. A commit stays in the journal until they are written: a journal that is not
 * empty means a commit that only the next opening of the store completes, so there is no fingerprint then. With
 * the data folder's name and file-system identity (compaction and a rebuilt folder give new ones), equal
 * fingerprints mean the same data. The files are read as bytes, never interpreted; a layout without them gives no
 * fingerprint, and whatever relied on one takes the ordinary path.
 */
public final class StoreFingerprint {

    private static final String DATA_PREFIX = "Data-";
    private static final String JOURNAL = "journal.jrnl";

    private StoreFingerprint() {
    }

    /**
     * The fingerprint of the closed store in {@code storeDir}, holding TDB2's lock while it is read, so that no
     * process opens the store meanwhile. Empty when another process (or this one) has the store open, its journal
     * holds a commit, or the folder is not a TDB2 store of the layout known here.
     */
    public static Optional<String> ofClosed(Path storeDir) {
        Path lock = storeDir.resolve(Names.TDB_LOCK_FILE);
        if (!Files.isRegularFile(lock)) return Optional.empty(); // TDB2 makes it when it first opens the store
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException openHere) {
                return Optional.empty();
            }
            if (held == null) return Optional.empty();
            try {
                return read(storeDir);
            } finally {
                held.release();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The fingerprint of the store in {@code storeDir} as its last commit left it, read by the process that has it open. */
    public static Optional<String> ofOpen(Path storeDir) {
        try {
            return read(storeDir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path storeDir) throws IOException {
        Optional<Path> data = currentData(storeDir);
        if (data.isEmpty()) return Optional.empty();
        Path dir = data.get();
        Path journal = dir.resolve(JOURNAL);
        if (!Files.isRegularFile(journal) || Files.size(journal) != 0) return Optional.empty();
        List<Path> states = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{bpt,bdf}")) {
            files.forEach(states::add);
        }
        if (states.isEmpty()) return Optional.empty();
        states.sort(null);
        MessageDigest sha = sha256();
        Object identity = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        sha.update((dir.getFileName() + "@" + identity + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path state : states) {
            sha.update((state.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(state));
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    /** TDB2's current data folder: the highest-numbered {@code Data-NNNN} (compaction writes the next one). */
    private static Optional<Path> currentData(Path storeDir) throws IOException {
        if (!Files.isDirectory(storeDir)) return Optional.empty();
        Path latest = null;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(storeDir, DATA_PREFIX + "[0-9]*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && (latest == null || d.getFileName().toString().compareTo(latest.getFileName().toString()) > 0)) {
                    latest = d;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
