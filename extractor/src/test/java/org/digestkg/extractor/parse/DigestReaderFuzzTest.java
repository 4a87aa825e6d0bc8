package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.junit.jupiter.api.AssertionFailureBuilder;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the reader with jqwik: random text, random bytes, soups of digest-like lines and mutations of a real
 * sample never make it fail with anything but its own {@link DigestException}, and each try finishes within
 * {@link #PER_TRY}. The whole class runs in well under 30 seconds ({@code tries} are sized for that).
 */
class DigestReaderFuzzTest {

    private static final Duration PER_TRY = Duration.ofSeconds(5);
    private static Path dir;
    private static List<String> sampleLines;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("digest-properties");
        // the first ten entries of a real digest, table of contents included
        List<String> lines = Files.readAllLines(SampleDigestsTest.sample("2026-02-04.md"), StandardCharsets.UTF_8);
        int eleventh = lines.indexOf(lines.stream().filter(l -> l.startsWith("### [11] ")).findFirst().orElseThrow());
        sampleLines = List.copyOf(lines.subList(0, eleventh));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 800, shrinking = ShrinkingMode.BOUNDED)
    void randomTextNeverCrashes(@ForAll("anyText") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Outcome o = check(bytes);
        if (o.sink != null) {
            papersAreWellFormedAndVerbatim(o.sink, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesNeverCrash(@ForAll("anyBytes") byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void soupsOfDigestLinesNeverCrash(@ForAll("soups") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8); // a lone surrogate is written as '?'
        Outcome o = check(bytes);
        if (o.sink != null) {
            papersAreWellFormedAndVerbatim(o.sink, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void mutatedSamplesKeepEveryPaperWellFormedAndVerbatim(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = String.join("\n", sampleLines).concat("\n").getBytes(StandardCharsets.UTF_8);
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        Outcome o = check(bytes);
        if (o.sink != null) {
            papersAreWellFormedAndVerbatim(o.sink, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Flexmark reads entry headings: markdown-heavy titles up to and past the heading limit. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void headingsFullOfMarkupNeverCrash(@ForAll("markup") String title) {
        String text = "### [1] [" + title + "](https://arxiv.org/abs/2601.00001)\n*A*\n\nMain category: cs.CL\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Outcome o = check(bytes);
        assertEquals(1, o.sink.papers.size() + o.sink.rejected.size());
        papersAreWellFormedAndVerbatim(o.sink, text);
    }

    @Property(tries = 50)
    void unmutatedSampleGivesItsTenPapers(@ForAll("lineEnds") String end) {
        String text = String.join(end, sampleLines) + end;
        Outcome o = check(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(10, o.sink.papers.size());
        assertEquals(List.of(), o.sink.rejected);
    }

    // ---------------------------------------------------------------- the checks

    private record Outcome(RecordingSink sink, DigestException refused) {
    }

    /** Parses the bytes in bounded time: events in order ending with finish, or a DigestException before any event. */
    private static Outcome check(byte[] bytes) {
        Path file = dir.resolve("2026-03-03.md");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        RecordingSink sink = new RecordingSink();
        return assertTimeoutPreemptively(PER_TRY, () -> {
            try {
                DigestParser.create().source(file).sourceName("fuzz.md").build().parse(sink);
            } catch (DigestException refused) {
                assertEquals(List.of(), sink.events, "a refused file sends no events");
                assertTrue(refused.getMessage().contains("fuzz.md"), refused.getMessage());
                return new Outcome(null, refused);
            }
            assertEquals("start", sink.events.get(0));
            assertEquals("finish", sink.events.get(sink.events.size() - 1));
            assertEquals(1, sink.starts);
            assertEquals(1, sink.finishes);
            sink.warnings.forEach(w -> assertTrue(w.line() >= 0 && w.file().equals("fuzz.md"), w.toString()));
            sink.rejected.forEach(r -> assertTrue(r.line() > 0 && r.file().equals("fuzz.md"), r.toString()));
            return new Outcome(sink, null);
        });
    }

    /** Every paper has a title and an author, and every text it carries is cut from the input as it was. */
    private static void papersAreWellFormedAndVerbatim(RecordingSink sink, String input) {
        String text = input.replace("\r\n", "\n").replace('\r', '\n');
        String unquoted = text.lines().map(l -> l.replaceFirst("^(>[ \\t]?)+", "")).collect(Collectors.joining("\n"));
        for (Paper p : sink.papers) {
            assertFalse(p.title().isBlank(), "blank title at line " + p.line());
            assertFalse(p.authors().isEmpty(), "no authors at line " + p.line());
            verbatim(text, text, "title", p.title());
            verbatim(text, text, "link", p.link());
            p.authors().forEach(a -> verbatim(text, text, "author", a));
            if (p.mainCategory() != null) {
                verbatim(text, unquoted, "main category", p.mainCategory());
            }
            p.fields().forEach((f, v) -> verbatim(text, unquoted, f.toString(), v));
            for (Note n : p.notes()) {
                verbatim(text, unquoted, "note " + n.label(), n.text());
            }
        }
    }

    /**
     * The value as a whole occurs in the text with its quote markers removed; and, however it was unquoted, each of
     * its lines occurs in the raw text: nothing was invented.
     */
    private static void verbatim(String raw, String unquoted, String what, String value) {
        boolean whole = unquoted.contains(value) || raw.contains(value);
        boolean lines = value.lines().allMatch(raw::contains);
        if (!lines || !whole && !raw.contains(">")) {
            AssertionFailureBuilder.assertionFailure().message(what + " not verbatim from the input: " + value).buildAndThrow();
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(3000),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(3000),
                Arbitraries.strings().withChars("#[]()*>_-|:：\n\r\t <>/`!\\ ").ofMaxLength(3000));
    }

    @Provide
    Arbitrary<String> markup() {
        return Arbitraries.strings().withChars("[]()*_`<>!\\\"' #&;:/|~=$^{}").withCharRange('a', 'c')
                .ofMaxLength(4200);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(" .,-").ofMinLength(1)
                .ofMaxLength(30);
        Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> id = Arbitraries.integers().between(0, 99999).map(n -> String.format("26%02d.%05d", n % 12 + 1, n));
        Arbitrary<String> link = Arbitraries.oneOf(
                id.map(i -> "https://arxiv.org/abs/" + i),
                id.map(i -> "https://huggingface.co/papers/" + i),
                Arbitraries.of("https://doi.org/10.1145/1.2", "https://openreview.net/forum?id=x", "#", "", "<>", "foo"));
        Arbitrary<String> label = Arbitraries.of("TL;DR", "Motivation", "Method", "Result", "Conclusion", "Abstract",
                "Main category", "Category", "Keywords", "Comment", "AI comments", "中文摘要", "原文摘要", "主要类别",
                "AI概要", "Authors", "Relevance score", "Background", "Translated title", "Introduction", "Results");
        Arbitrary<String> labelLine = Combinators.combine(label, Arbitraries.of(": ", "：", ":", "** ", ":** ", "**: "),
                Arbitraries.of("", "**", "> ", "> **", "__", "🧩 "), Arbitraries.oneOf(words, junk, Arbitraries.of(
                        "Error", "N/A", "cs.CL", "cs.CL, cs.AI", "")))
                .as((l, colon, prefix, value) -> prefix + l + colon + value);
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.integers().between(0, 200), words, link)
                        .as((n, t, u) -> "### [" + n + "] [" + t + "](" + u + ")")),
                Tuple.of(8, labelLine),
                Tuple.of(4, words.list().ofMinSize(0).ofMaxSize(5).map(a -> "*" + String.join(",", a) + "*")),
                Tuple.of(1, words.list().ofMaxSize(3).map(a -> "*" + String.join(", ", a) + "* | **Main category: cs.CL**")),
                Tuple.of(1, words.map(w -> "> *" + w + "*")),
                Tuple.of(3, Arbitraries.of("<details>", "</details>", "  <summary>Details</summary>",
                        "<summary>📄 Abstract</summary>", "<div id='cs.CV'></div>", "<div>", "</div>", "---", "***")),
                Tuple.of(2, Combinators.combine(Arbitraries.of("#### ", "### ", "## ", "# ", "##### "), label, words)
                        .as((h, l, w) -> h + (w.length() % 2 == 0 ? l : w))),
                Tuple.of(2, Arbitraries.of("# cs.CV [[Back]](#toc)", "## cs.CL", "# Table of Contents", "# 目录",
                        "- [cs.CV](#cs.CV) [Total: 3]", "- [cs.CL](#cs.CL) [总数: 1]", "# 2026-03-03",
                        "<div id=toc></div>")),
                Tuple.of(4, words),
                Tuple.of(3, junk),
                Tuple.of(2, Arbitraries.of("", " ", "\t", ">", "> ", "\uFEFF", "\u0007", "\u001b[0m", "\uFFFD")));
        Arbitrary<String> end = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("\n")),
                Tuple.of(1, Arbitraries.just("\r\n")), Tuple.of(1, Arbitraries.just("\r")));
        return Combinators.combine(line, end).as((l, e) -> l + e).list().ofMaxSize(120).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.of(Mutation.Kind.values()),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    /** One edit of a digest's bytes, at relative positions so it applies to any length. */
    record Mutation(Kind kind, double at, double other, byte[] payload) {

        enum Kind { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, TRUNCATE, INSERT_BYTES, REPLACE_LINE_WITH_BYTES }

        byte[] apply(byte[] input) {
            if (kind == Kind.TRUNCATE) {
                return Arrays.copyOf(input, (int) (input.length * at));
            }
            if (kind == Kind.INSERT_BYTES) {
                int i = (int) (input.length * at);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(input, 0, i);
                out.writeBytes(payload);
                out.write(input, i, input.length - i);
                return out.toByteArray();
            }
            List<byte[]> lines = splitLines(input);
            if (lines.isEmpty()) {
                return input;
            }
            int i = (int) (lines.size() * at) % lines.size();
            int j = (int) (lines.size() * other) % lines.size();
            switch (kind) {
                case DELETE_LINE -> lines.remove(i);
                case DUPLICATE_LINE -> lines.add(i, lines.get(i));
                case SWAP_LINES -> {
                    byte[] t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case REPLACE_LINE_WITH_BYTES -> lines.set(i, payload);
                default -> throw new IllegalStateException(kind.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.writeBytes(l);
                out.write('\n');
            }
            return out.toByteArray();
        }

        private static List<byte[]> splitLines(byte[] input) {
            List<byte[]> lines = new ArrayList<>();
            int from = 0;
            for (int k = 0; k < input.length; k++) {
                if (input[k] == '\n') {
                    lines.add(Arrays.copyOfRange(input, from, k));
                    from = k + 1;
                }
            }
            if (from < input.length) {
                lines.add(Arrays.copyOfRange(input, from, input.length));
            }
            return lines;
        }

        @Override
        public String toString() {
            return kind + "@" + String.format("%.3f/%.3f", at, other) + " " + Arrays.toString(payload);
        }
    }
}
