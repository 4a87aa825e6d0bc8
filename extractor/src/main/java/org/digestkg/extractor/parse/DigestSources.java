package org.digestkg.extractor.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files make a day's digest. The generator writes {@code data/YYYY-MM-DD.md} and beside it the JSONL it was
 * rendered from, {@code YYYY-MM-DD_AI_enhanced_<Language>.jsonl} (forks: {@code …_AI_enhanced.jsonl},
 * {@code …_zh.jsonl}; {@code YYYY-MM-DD_database.md} with {@code YYYY-MM-DD_database_AI_enhanced_Chinese.jsonl}). A
 * JSONL file belongs to the markdown file whose name (without {@code .md}) it starts with, followed by {@code _} or
 * {@code .jsonl}; the longest such name wins. A markdown file is the day's digest, read with its JSONL; a JSONL file
 * with no markdown beside it is a digest on its own.
 */
public final class DigestSources {

    private DigestSources() {
    }

    /** Whether a file found in a folder may be a digest: markdown ({@code .md}, {@code .markdown}) or JSONL. */
    public static boolean isDigestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".jsonl");
    }

    public static boolean isJsonl(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /**
     * The digests among {@code files}, in their order: every markdown file, and every JSONL file that belongs to no
     * markdown file in its folder (those are read with their markdown).
     */
    public static List<Path> select(List<Path> files) {
        List<Path> digests = new ArrayList<>();
        for (Path f : files) {
            if (isOwnDigest(f)) {
                digests.add(f);
            }
        }
        return digests;
    }

    /** Whether a file is a digest of its own: markdown, or JSONL that no markdown file beside it owns. */
    public static boolean isOwnDigest(Path file) {
        return !isJsonl(file) || owner(file).isEmpty();
    }

    /** The JSONL files beside a markdown digest that belong to it, sorted by name. */
    public static List<Path> companions(Path markdown) {
        Path dir = markdown.toAbsolutePath().getParent();
        String stem = stem(markdown);
        if (dir == null || stem == null) {
            return List.of();
        }
        List<Path> jsonl = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob(stem) + "*")) {
            for (Path f : files) {
                String s = stem(f);
                if (s != null) {
                    stems.add(s); // another markdown digest whose name starts like this one's
                } else if (isJsonl(f) && belongs(f.getFileName().toString(), stem)) {
                    jsonl.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        // "2026-06-15_database_AI_enhanced.jsonl" belongs to "2026-06-15_database.md", not to "2026-06-15.md"
        jsonl.removeIf(f -> stems.stream().anyMatch(s -> s.length() > stem.length()
                && belongs(f.getFileName().toString(), s)));
        jsonl.sort(null);
        return jsonl.stream().map(f -> markdown.getParent() == null ? f.getFileName() : markdown.getParent().resolve(f.getFileName())).toList();
    }

    /** The markdown file a JSONL file belongs to, if one is beside it. */
    static java.util.Optional<Path> owner(Path jsonl) {
        Path dir = jsonl.toAbsolutePath().getParent();
        if (dir == null) {
            return java.util.Optional.empty();
        }
        String name = jsonl.getFileName().toString();
        Path best = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{md,markdown,MD}")) {
            for (Path f : files) {
                String s = stem(f);
                if (s != null && belongs(name, s) && (best == null || s.length() > stem(best).length())) {
                    best = f;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return java.util.Optional.ofNullable(best);
    }

    private static boolean belongs(String jsonlName, String stem) {
        return jsonlName.startsWith(stem) && (jsonlName.startsWith("_", stem.length())
                || jsonlName.regionMatches(true, stem.length(), ".jsonl", 0, 6) && jsonlName.length() == stem.length() + 6);
    }

    /** A markdown file's name without its extension, or null for another file. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            return name.substring(0, name.length() - 3);
        }
        if (lower.endsWith(".markdown")) {
            return name.substring(0, name.length() - 9);
        }
        return null;
    }

    /** {@code stem} as a glob matching itself literally. */
    private static String glob(String stem) {
        StringBuilder b = new StringBuilder();
        for (char c : stem.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
