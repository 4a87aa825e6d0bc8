package org.digestkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

import org.digestkg.storage.RdfSyntax;

/**
 * A file written whole or not at all. The bytes go to a temporary file beside the target (same folder, so the same
 * file system) and are renamed over it only when everything was written: an export that fails halfway — a full disk,
 * a statement the syntax cannot carry, Ctrl-C — leaves the target as it was and no temporary file behind. A name
 * ending in {@code .gz} is written gzip-compressed.
 */
public final class OutputFile {

    /** Writes the content and says what it wrote (a count, say). */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Writes {@code target} through {@code content}.
     *
     * @throws IOException naming the target when it could not be written; the target is then unchanged
     */
    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part");
        boolean renamed = false;
        try {
            T result;
            try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(RdfSyntax.isGzip(target)
                         ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 16)) {
                result = content.writeTo(out);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            renamed = true;
            return result;
        } catch (IOException | RuntimeException e) {
            throw new IOException(target + " was not written (" + Failures.describe(e) + ")"
                    + (Files.exists(target) ? "; the file there is unchanged" : ""), e);
        } finally {
            if (!renamed) Files.deleteIfExists(part);
        }
    }
}
