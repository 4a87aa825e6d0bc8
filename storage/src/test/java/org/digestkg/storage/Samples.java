package org.digestkg.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The repository's sample digests, and small digests cut from them for tests. */
public final class Samples {

    private Samples() {
    }

    public static Path root() {
        String prop = System.getProperty("digestkg.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (no data/ folder above)");
        return p;
    }

    public static Path data() {
        return root().resolve("data");
    }

    public static Path feb04() {
        return data().resolve("2026-02-04.md");
    }

    public static Path feb23() {
        return data().resolve("2026-02-23.md");
    }

    /** The entries (from {@code ### [} to the next) of a sample, in order, as text. */
    public static List<String> entries(Path digest) {
        String text = read(digest);
        List<String> entries = new ArrayList<>();
        int i = text.indexOf("\n### [");
        while (i >= 0) {
            int next = text.indexOf("\n### [", i + 1);
            int end = next >= 0 ? next : text.length();
            // an entry ends before the next category's anchor
            int anchor = text.indexOf("\n<div id=", i + 1);
            if (anchor >= 0 && anchor < end) end = anchor;
            entries.add(text.substring(i + 1, end));
            i = next;
        }
        return entries;
    }

    /** Writes a digest of {@code entries} under one category heading to {@code dir/DAY.md}. */
    public static Path write(Path dir, String day, List<String> entries) {
        StringBuilder b = new StringBuilder("<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: ")
                .append(entries.size()).append("]\n\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n\n");
        entries.forEach(e -> b.append(e.strip()).append("\n\n\n"));
        Path file = dir.resolve(day + ".md");
        try {
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Ten days from 2026-03-01; each lists three of feb04's papers, overlapping the day before, with revised titles. */
    public static List<Path> overlappingDays(Path dir) {
        dir.toFile().mkdirs();
        List<String> entries = entries(feb04());
        List<Path> files = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            int d = day;
            List<String> three = entries.subList(day * 2, day * 2 + 3).stream()
                    .map(e -> e.replaceFirst("\\) *\\n", ")\n").replaceFirst("### \\[(\\d+)\\] \\[", "### [$1] [Day " + d + ": "))
                    .toList();
            files.add(write(dir, java.time.LocalDate.of(2026, 3, 1).plusDays(day).toString(), three));
        }
        return files;
    }

    public static List<String> firstEntries(int n, UnaryOperator<String> edit) {
        return entries(feb04()).subList(0, n).stream().map(edit).toList();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
