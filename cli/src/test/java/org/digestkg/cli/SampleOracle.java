package org.digestkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sample digests say, read with plain string handling and no markdown parser, so the tests compare
 * the graph with the source rather than with the extractor's own view of it. It relies on the samples' canonical
 * layout (one field per block of consecutive lines), which is all it needs to read.
 */
record SampleOracle(String file, String date, String arxivId, String title, String category, List<String> authors,
                    Map<String, String> fields) {

    private static final Pattern HEADING = Pattern.compile("^### \\[\\d+\\] \\[(.*)\\]\\(https://arxiv\\.org/abs/([^)]+)\\)$");
    private static final List<String> LABELS = List.of("TL;DR", "Motivation", "Method", "Result", "Conclusion", "Abstract");

    static Path root() {
        String prop = System.getProperty("digestkg.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) p = p.getParent();
        return p;
    }

    static List<SampleOracle> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String date = file.getFileName().toString().substring(0, 10);
        List<SampleOracle> papers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADING.matcher(lines.get(i));
            if (!m.matches()) continue;
            String authorLine = lines.get(i + 1);
            List<String> authors = Arrays.stream(authorLine.substring(1, authorLine.length() - 1).split(","))
                    .map(String::strip).toList();
            String category = null;
            Map<String, String> fields = new LinkedHashMap<>();
            for (int j = i + 2; j < lines.size() && !lines.get(j).startsWith("### ["); j++) {
                String line = lines.get(j);
                if (line.startsWith("Main category: ")) category = line.substring(15).strip();
                for (String label : LABELS) {
                    if (line.startsWith(label + ": ")) {
                        StringBuilder value = new StringBuilder(line.substring(label.length() + 2));
                        while (j + 1 < lines.size() && !lines.get(j + 1).isBlank()
                                && !lines.get(j + 1).startsWith("</details>")) {
                            value.append('\n').append(lines.get(++j));
                        }
                        fields.put(label, value.toString().strip());
                    }
                }
            }
            papers.add(new SampleOracle(file.toString(), date, m.group(2), m.group(1), category, authors, fields));
        }
        return papers;
    }

    static List<SampleOracle> all() {
        List<SampleOracle> all = new ArrayList<>(read(root().resolve("data/2026-02-04.md")));
        all.addAll(read(root().resolve("data/2026-02-23.md")));
        return all;
    }
}
