package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The results files of a run, each replaced whole on every write (never half a file), and the run's steps writing
 * them after each step while a shutdown hook may write the last: once {@link #writeLast} has written, later
 * writes are ignored, so the results of a run stopped from outside say so.
 */
final class ResultsFile {

    private final List<Path> files;
    private boolean closed;

    ResultsFile(List<Path> files) {
        this.files = List.copyOf(files);
    }

    List<Path> files() {
        return files;
    }

    /** Replaces the files with {@code report}, unless {@link #writeLast} was called. */
    synchronized void write(String report) {
        if (closed) return;
        for (Path file : files) {
            try {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(tmp, report);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("could not write " + file + ": " + e);
            }
        }
    }

    /** Writes {@code report} as the last: later {@link #write}s are ignored. */
    synchronized void writeLast(String report) {
        write(report);
        closed = true;
    }
}
