package org.digestkg.storage.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The library of ready queries: {@code sparql/NAME.rq} in the working directory (so a user can add their own)
 * or, failing that, the copy shipped in the jar.
 */
public final class NamedQueries {

    private static final String DIR = "sparql";

    private NamedQueries() {
    }

    /**
     * The text of a query given as a file path ({@code my.rq}, {@code queries/x.rq}) or a name ({@code papers}).
     *
     * @throws IllegalArgumentException naming the known queries when there is no such query
     */
    public static String load(String fileOrName) {
        Path asFile = Path.of(fileOrName);
        if (Files.isRegularFile(asFile)) return read(asFile);
        if (fileOrName.endsWith(".rq") || fileOrName.contains("/")) {
            throw new IllegalArgumentException("no query file " + fileOrName);
        }
        Path local = Path.of(DIR, fileOrName + ".rq");
        if (Files.isRegularFile(local)) return read(local);
        try (InputStream in = NamedQueries.class.getResourceAsStream("/" + DIR + "/" + fileOrName + ".rq")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no query named '" + fileOrName + "'; known queries: "
                + String.join(", ", names()));
    }

    /** Names of the queries available, from the working directory's {@code sparql/} and the jar. */
    public static TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        addNames(Path.of(DIR), names);
        var url = NamedQueries.class.getResource("/" + DIR);
        if (url != null) {
            try {
                if ("jar".equals(url.getProtocol())) {
                    try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                        addNames(fs.getPath("/" + DIR), names);
                    }
                } else {
                    addNames(Path.of(url.toURI()), names);
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // a listing is a courtesy in an error message; the lookup itself does not need it
            }
        }
        return names;
    }

    private static void addNames(Path dir, TreeSet<String> names) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
