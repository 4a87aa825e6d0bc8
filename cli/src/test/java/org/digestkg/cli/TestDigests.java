package org.digestkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;

/** Small digests cut from the samples for CLI tests, and snapshots of stores to compare. */
final class TestDigests {

    private TestDigests() {
    }

    static Path feb04() {
        return SampleOracle.root().resolve("data/2026-02-04.md");
    }

    static Path feb23() {
        return SampleOracle.root().resolve("data/2026-02-23.md");
    }

    /** The entries (from {@code ### [} to the next, or to the next category's anchor) of a sample, as text. */
    static List<String> entries(Path digest) {
        String text = read(digest);
        List<String> entries = new ArrayList<>();
        int i = text.indexOf("\n### [");
        while (i >= 0) {
            int next = text.indexOf("\n### [", i + 1);
            int end = next >= 0 ? next : text.length();
            int anchor = text.indexOf("\n<div id=", i + 1);
            if (anchor >= 0 && anchor < end) end = anchor;
            entries.add(text.substring(i + 1, end).strip());
            i = next;
        }
        return entries;
    }

    /** The text of a digest of {@code entries} under one category heading, in the generator's template. */
    static String digest(List<String> entries) {
        StringBuilder b = new StringBuilder("<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: ")
                .append(entries.size()).append("]\n\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n\n");
        entries.forEach(e -> b.append(e.strip()).append("\n\n\n"));
        return b.toString();
    }

    /**
     * {@code digests} days from 2026-01-01, each {@code perDigest} distinct sample entries (both samples, by arXiv
     * id), sliding by {@code step} through them, so consecutive days re-list papers; returns the days.
     */
    static List<String> slidingDays(Path dir, int digests, int perDigest, int step) {
        java.util.regex.Pattern arxiv = java.util.regex.Pattern.compile("\\]\\(https://arxiv\\.org/abs/([^)v]+)");
        java.util.Map<String, String> byId = new java.util.LinkedHashMap<>();
        for (Path sample : List.of(feb04(), feb23())) {
            for (String e : entries(sample)) {
                java.util.regex.Matcher m = arxiv.matcher(e);
                if (m.find()) byId.putIfAbsent(m.group(1), e);
            }
        }
        List<String> entries = List.copyOf(byId.values());
        List<String> days = new ArrayList<>();
        for (int i = 0; i < digests; i++) {
            String day = java.time.LocalDate.of(2026, 1, 1).plusDays(i).toString();
            List<String> chosen = new ArrayList<>();
            for (int k = 0; k < perDigest; k++) chosen.add(entries.get((i * step + k) % entries.size()));
            write(dir, day, chosen);
            days.add(day);
        }
        return days;
    }

    static Path write(Path dir, String day, List<String> entries) {
        return write(dir.resolve(day + ".md"), digest(entries));
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code text} that starts with {@code prefix}. */
    static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) return i + 1;
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    /** Every quad of the store at {@code dir}, in memory; the store is closed again. */
    static DatasetGraph snapshot(Path dir) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        try (GraphStore store = GraphStore.open(dir)) {
            Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().find().forEachRemaining(copy::add));
        }
        return copy;
    }

    /**
     * What tells two snapshots apart, for a failed comparison: their sizes, and the quads without blank nodes that
     * one holds and the other does not (at most {@value #SHOWN} of each).
     */
    static String difference(DatasetGraph expected, DatasetGraph actual) {
        return "expected " + size(expected) + " quads, found " + size(actual) + "\nonly expected:\n"
                + missingFrom(actual, expected) + "only found:\n" + missingFrom(expected, actual);
    }

    private static final int SHOWN = 20;

    private static String missingFrom(DatasetGraph other, DatasetGraph of) {
        StringBuilder s = new StringBuilder();
        int[] shown = {0};
        of.find().forEachRemaining(q -> {
            boolean blank = q.getSubject().isBlank() || q.getObject().isBlank() || q.getGraph().isBlank();
            if (!blank && !other.contains(q) && shown[0]++ < SHOWN) {
                s.append("  ").append(q).append('\n');
            }
        });
        return s.toString();
    }

    private static long size(DatasetGraph dsg) {
        long[] n = {0};
        dsg.find().forEachRemaining(q -> n[0]++);
        return n[0];
    }
}
