package org.digestkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.digestkg.extractor.parse.DigestSources;
import org.digestkg.storage.RdfImport;

/**
 * The files named on the command line: files as given, folders searched for digests ({@code *.md},
 * {@code *.markdown}, and {@code *.jsonl} with no markdown beside it: see {@link DigestSources}) and RDF files to import ({@code *.ttl *.nt *.nq *.trig *.jsonld *.rdf *.owl *.xml}, see
 * {@link RdfImport#langOf(Path)}). A file named explicitly is an RDF import if its extension says so, else a digest.
 */
final class DigestFiles {

    private DigestFiles() {
    }

    /** Files in folders come sorted by name, so date-named digests load oldest first. */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    files.addAll(DigestSources.select(walk.filter(Files::isRegularFile)
                            .filter(f -> isDigest(f) || RdfImport.isRdf(f))
                            .sorted()
                            .toList()));
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

    /** Whether a file found in a folder may be a digest: {@code .md}, {@code .markdown} or the generator's JSONL. */
    static boolean isDigest(Path file) {
        return DigestSources.isDigestFile(file);
    }

    /** Whether a file is to be imported as RDF rather than read as a digest. */
    static boolean isImport(Path file) {
        return RdfImport.isRdf(file);
    }
}
