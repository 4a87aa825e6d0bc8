package org.digestkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.digestkg.storage.InputFiles;

/**
 * The files named on the command line: files as given, folders searched for inputs by {@link InputFiles}
 * (digests {@code *.md}, {@code *.markdown}, and the generator's {@code *.jsonl} with no markdown of its own beside
 * it; RDF files to import {@code *.ttl *.nt *.nq *.trig *.jsonld *.rdf
 * *.owl *.xml}, also {@code .gz}; hidden files left out). A file named explicitly is an RDF import if its
 * extension says so, else a digest.
 */
final class DigestFiles {

    private DigestFiles() {
    }

    /**
     * Files in folders come sorted by name, so date-named digests load oldest first. A folder named without a single
     * input in it is a mistake (a wrong folder, or files under names that are not read), not an empty build.
     */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> inputs = InputFiles.inFolder(p);
                if (inputs.isEmpty()) {
                    throw new IllegalArgumentException("no digest or RDF file in folder " + p + " (digests are read from"
                            + " *.md, *.markdown and the generator's *.jsonl; names starting with '.' are left out)");
                }
                files.addAll(inputs);
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
        }
        return files;
    }

    /** Whether a file is to be imported as RDF rather than read as a digest. */
    static boolean isImport(Path file) {
        return InputFiles.isImport(file);
    }
}
