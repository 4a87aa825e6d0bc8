package org.digestkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The digest files named on the command line: files as given, folders searched for {@code *.md}. */
final class DigestFiles {

    private DigestFiles() {
    }

    /** Files in folders come sorted by name, so date-named digests load oldest first. */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().toLowerCase().matches(".*\\.(md|markdown)"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read folder " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
        }
        return files;
    }
}
