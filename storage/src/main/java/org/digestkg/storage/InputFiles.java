package org.digestkg.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.digestkg.extractor.parse.DigestSources;

/**
 * Which files in a folder are inputs to the store: digests ({@code *.md}, {@code *.markdown}, and the generator's
 * JSONL where no markdown beside it owns it: see {@link DigestSources}; loaded by {@link DigestLoader}) and RDF files ({@link RdfImport#isRdf}, also {@code .gz}, imported by {@link RdfImport}).
 * Hidden files and folders (a name starting with a dot) and editors' backup and lock files ({@code name~},
 * {@code #name#}) are not: editors and copy tools write there first, and a digest is only whole once it has its
 * own name. One rule for a folder named to {@code kg build} and a folder a server watches.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Whether a file is read as a digest: {@code .md}, {@code .markdown} or {@code .jsonl}. */
    public static boolean isDigest(Path file) {
        return DigestSources.isDigestFile(file);
    }

    /** Whether a file is imported as RDF rather than read as a digest. */
    public static boolean isImport(Path file) {
        return RdfImport.isRdf(file);
    }

    /**
     * Whether a file found in a folder is one to load: a digest or an RDF file, not hidden, not an editor's. A JSONL
     * file a markdown digest beside it owns is read with that digest, not on its own.
     */
    public static boolean isInput(Path file) {
        return !ignored(file) && (isImport(file) || isDigest(file) && DigestSources.isOwnDigest(file));
    }

    /**
     * The inputs in {@code dir} and its folders (hidden folders left out), sorted by path: dated digests oldest first.
     * Symbolic links are followed (a folder of links into forks' checkouts is a folder of digests); a link that leads
     * nowhere, or back into a folder above it, is not an input.
     */
    public static List<Path> inFolder(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(dir) || !ignored(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isInput(f)) files.add(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    // a file removed while the folder is read, one we may not read, or a link looping back: not an input
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** Hidden, or an editor's backup or lock file. */
    private static boolean ignored(Path file) {
        String n = name(file);
        return n.startsWith(".") || n.startsWith("#") || n.endsWith("~");
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? "" : n.toString();
    }
}
