package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.digestkg.extractor.jsonl.GeneratorRecord;
import org.digestkg.extractor.jsonl.JsonlReader;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Placeholders;
import org.junit.jupiter.api.Test;

/**
 * Real digests of the generator's forks ({@code ../shared/forks}, each day beside the JSONL it was rendered from):
 * per fork, at least 99% of the papers read from the markdown have exactly the JSONL's title, author list and every
 * text field the markdown shows (equal as text: whitespace runs count as one). The JSONL is the truth here; this test's own table says which key holds which
 * field, so it does not lean on the reader's.
 */
class ForksTest {

    static final double REQUIRED = 0.99;

    /** Where each field the markdown shows is in a JSONL record, written out independently of the reader. */
    private static final Map<Field, List<String>> TRUTH = new EnumMap<>(Map.of(
            Field.TLDR, List.of("tldr", "task"),
            Field.MOTIVATION, List.of("motivation"),
            Field.METHOD, List.of("method"),
            Field.RESULT, List.of("result"),
            Field.CONCLUSION, List.of("conclusion"),
            Field.KEYWORDS, List.of("keywords"),
            Field.TRANSLATED_TITLE, List.of("chinese_title", "title_translation", "title_zh", "paper_title_zh"),
            Field.ABSTRACT_TRANSLATION, List.of("abstract_zh", "summary_zh", "summary_cn", "chinese_abstract",
                    "translated_abstract", "translated_summary", "translation")));

    /** Differences printed per fork, at most. */
    private static final int SHOWN = 25;

    /**
     * {@code ../shared/forks} beside the repository, or the folder the {@code digestkg.forks} system property names
     * (to measure the reader on forks it was not written against, without copying them here).
     */
    static Path forks() {
        String other = System.getProperty("digestkg.forks");
        if (other != null && !other.isBlank()) {
            return Path.of(other).toAbsolutePath().normalize();
        }
        Path root = SampleDigestsTest.root();
        return root.resolve("..").resolve("shared").resolve("forks").normalize();
    }

    /** How many forks the shared folder holds; another folder needs only one. */
    private static int expectedForks() {
        return System.getProperty("digestkg.forks", "").isBlank() ? 17 : 1;
    }

    /** One day of one fork: its markdown and the JSONL files beside it. */
    record Day(String fork, Path markdown, List<Path> jsonl) {
    }

    static List<Day> days() throws IOException {
        Path forks = forks();
        List<Day> days = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(forks)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.sorted().toList();
                }
                for (Path md : files.stream().filter(f -> f.toString().endsWith(".md")).toList()) {
                    String stem = md.getFileName().toString().replaceFirst("\\.md$", "");
                    List<Path> jsonl = files.stream().filter(f -> f.getFileName().toString().startsWith(stem + "_")
                            && f.toString().endsWith(".jsonl")).toList();
                    days.add(new Day(dir.getFileName().toString(), md, jsonl));
                }
            }
        }
        return days;
    }

    @Test
    void everyForkReadsAsItsJsonlSays() throws IOException {
        assumeTrue(Files.isDirectory(forks()), "no " + forks() + ": real fork digests not checked");
        Map<String, int[]> perFork = new TreeMap<>();
        List<String> report = new ArrayList<>();
        for (Day day : days()) {
            // a day's JSONL may hold a paper twice (two runs, two summaries), and the markdown show both
            Map<String, List<GeneratorRecord>> truth = new HashMap<>();
            for (Path j : day.jsonl) {
                for (GeneratorRecord r : JsonlReader.read(j, j.toString(), p -> { })) {
                    for (String k : new LinkedHashSet<>(Arrays.asList(key(r.id()),
                            key(r.abs()), key(r.pdf())))) {
                        if (!k.isEmpty()) truth.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                    }
                }
            }
            RecordingSink sink = new RecordingSink();
            DigestParser.create().source(day.markdown).build().parse(sink);
            List<String> lines = Files.readAllLines(day.markdown);
            int[] counts = perFork.computeIfAbsent(day.fork, k -> new int[2]);
            for (int i = 0; i < sink.papers.size(); i++) {
                Paper p = sink.papers.get(i);
                int end = i + 1 < sink.papers.size() ? sink.papers.get(i + 1).line() - 1 : lines.size();
                String entry = String.join("\n", lines.subList(p.line() - 1, Math.max(p.line(), end)));
                counts[1]++;
                List<GeneratorRecord> records = truth.getOrDefault(
                        key(p.arxivId() != null ? p.arxivId().id() : p.link()), List.of());
                List<String> differences = List.of("no JSONL record");
                for (GeneratorRecord r : records) {
                    List<String> d = differences(p, r, entry);
                    if (d.isEmpty() || r == records.get(0)) differences = d;
                    if (d.isEmpty()) break;
                }
                if (differences.isEmpty()) {
                    counts[0]++;
                } else if (counts[1] - counts[0] <= SHOWN) {
                    report.add(day.markdown.getFileName() + " " + day.fork + ":" + p.line() + " " + differences);
                }
            }
            counts[1] += sink.rejected.size();
            sink.rejected.forEach(x -> report.add(day.fork + " rejected " + x));
        }
        StringBuilder summary = new StringBuilder();
        perFork.forEach((fork, c) -> summary.append(String.format("%-14s %4d of %4d papers exact (%.1f%%)%n", fork,
                c[0], c[1], 100.0 * c[0] / Math.max(1, c[1]))));
        System.out.print("ForksTest:\n" + summary);
        report.forEach(r -> System.out.println("  " + r));
        assertTrue(perFork.size() >= expectedForks(), "forks found: " + perFork.keySet());
        perFork.forEach((fork, c) -> assertTrue(c[1] > 0 && c[0] >= REQUIRED * c[1],
                fork + ": " + c[0] + " of " + c[1] + " papers exact\n" + summary + String.join("\n", report)));
    }

    /**
     * What differs between a paper read from the markdown and its record: a text read that the record holds
     * otherwise, or a text of the record that the entry shows and that was not read as its field.
     */
    static List<String> differences(Paper p, GeneratorRecord r, String entry) {
        List<String> d = new ArrayList<>();
        if (!p.title().equals(strip(r.title()))) {
            d.add("title: '" + p.title() + "' vs '" + r.title() + "'");
        }
        if (!p.authors().equals(r.authors().stream().map(String::strip).toList())) {
            d.add("authors: " + p.authors() + " vs " + r.authors());
        }
        for (Map.Entry<Field, String> f : p.fields().entrySet()) {
            String expected = truth(r, f.getKey());
            if (!sameText(f.getValue(), expected)) {
                d.add(f.getKey() + ": '" + cut(f.getValue()) + "' vs '" + cut(expected) + "'");
            }
        }
        for (Field f : Field.values()) {
            String expected = truth(r, f);
            if (expected != null && expected.length() > 1 && !Placeholders.isFailure(expected)
                    && !p.fields().containsKey(f) && shows(entry, expected) && !readInAnother(p, expected)) {
                d.add(f + " is shown but was not read: '" + cut(expected) + "'");
            }
        }
        for (Field f : p.failed()) {
            String expected = truth(r, f);
            if (expected != null && !Placeholders.isFailure(expected)) {
                d.add(f + " failed in the markdown but the JSONL has '" + cut(expected) + "'");
            }
        }
        return d;
    }

    /**
     * Whether the entry prints {@code text} as a value: its first line ends a line of the entry (after a label, or
     * as a line of its own), and the whole text is there. A text quoted inside another value is not printed as one.
     */
    static boolean shows(String entry, String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        boolean starts = entry.lines().map(String::strip).anyMatch(l -> l.endsWith(first)
                && (l.length() == first.length() || !Character.isLetterOrDigit(l.charAt(l.length() - first.length() - 1))));
        return starts && entry.replaceAll("\\s+", " ").contains(text.strip().replaceAll("\\s+", " "));
    }

    /** Whether the text is part of a field read (an abstract that quotes the paper's comment). */
    static boolean readInAnother(Paper p, String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return p.fields().values().stream().anyMatch(v -> v.replaceAll("\\s+", " ").contains(t));
    }

    /**
     * Equal as text: runs of whitespace count as one space, as markdown shows them (a fork's converter may have
     * joined an abstract's lines).
     */
    static boolean sameText(String a, String b) {
        return a != null && b != null && a.replaceAll("\\s+", " ").equals(b.replaceAll("\\s+", " "));
    }

    private static String truth(GeneratorRecord r, Field f) {
        return switch (f) {
            case ABSTRACT -> strip(r.summary());
            case COMMENT -> strip(r.comment());
            default -> strip(r.ai(TRUTH.getOrDefault(f, List.of())));
        };
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** An id or URL as a key: arXiv URLs and ids alike give the id, without version. */
    static String key(String idOrUrl) {
        if (idOrUrl == null) {
            return "";
        }
        return PaperLinks.arxivId(idOrUrl).map(a -> a.id()).orElse(idOrUrl.strip());
    }
}
