package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written digests, one tricky case each, in src/test/resources/digests. */
class DigestFixturesTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(DigestFixturesTest.class.getResource("/digests/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }

    static RecordingSink parse(Path file) {
        RecordingSink sink = new RecordingSink();
        DigestParser.create().source(file).sourceName(file.getFileName().toString()).build().parse(sink);
        return sink;
    }

    static RecordingSink parse(String fixture) {
        return parse(fixture(fixture));
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void titlesKeepLatexBracketsAndEscapes() {
        RecordingSink sink = parse("2026-01-01-titles.md");
        assertEquals(List.of(
                "Di$\\mathtt{[M]}$O: Distilling Masked Diffusion Models into One-step Generator",
                "Learning to Insert [PAUSE] Tokens for Better Reasoning",
                "[Re] Scoring $\\mathcal{O}(n^{2})$ \\_escaped\\_ *emphasis* `code]` here",
                "Unbalanced [ bracket in a title",
                "Heading without a number"),
                sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(1, 2, 3, 4, 0), sink.papers.stream().map(Paper::rank).toList());
        assertEquals("https://arxiv.org/abs/2503.15457", sink.papers.get(0).link());
        assertEquals("2503.15457", sink.papers.get(0).arxivId().id());
        assertEquals(List.of("Yuanzhi Zhu", "Xi Wang", "Stéphane Lathuilière", "Vicky Kalogeiton"),
                sink.papers.get(0).authors());
        assertEquals("cs.CL", sink.papers.get(1).mainCategory());
        assertEquals("cs.LG", sink.papers.get(1).section());
        assertEquals(List.of(), sink.warnings);
        assertEquals(List.of(), sink.rejected);
    }

    @Test
    void authorsAsPrinted() {
        RecordingSink sink = parse("2026-01-02-authors.md");
        assertEquals(List.of(
                List.of("Young-Jun_Lee", "Ana Silva", "Mariia Gladkova*"),
                List.of("Ana Silva", "Bo Li", "Chen_Wei Zhang"),
                List.of("David Eigen"),
                List.of("Mariia Gladkova*"),
                List.of("A", "B")),
                sink.papers.stream().map(Paper::authors).toList());
        assertEquals(List.of(), sink.rejected);
    }

    @Test
    void hundredsOfAuthors() throws IOException {
        List<String> names = IntStream.rangeClosed(1, 350).mapToObj(i -> "Author_" + i + " Name" + (i % 7 == 0 ? "*" : ""))
                .toList();
        Path file = tmp.resolve("2026-01-09.md");
        Files.writeString(file, "# cs.CL [[Back]](#toc)\n\n### [1] [Big collaboration](https://arxiv.org/abs/2602.70001)\n*"
                + String.join(",", names) + "*\n\nMain category: cs.CL\n");
        RecordingSink sink = parse(file);
        assertEquals(1, sink.papers.size());
        assertEquals(names, sink.papers.get(0).authors());
        assertEquals(350, sink.papers.get(0).authors().size());
    }

    @Test
    void multiLineFieldsAndListsKeptExactly() {
        Paper p = parse("2026-01-03-fields.md").papers.get(0);
        assertEquals("A short summary\nthat goes on for a second line.", p.field(Field.TLDR));
        assertEquals("Why.\nIntroduction: this line only looks like a label and stays in the motivation.",
                p.field(Field.MOTIVATION));
        assertEquals("1. Collect data\n2. Train the model\n   - with sub-step a\n   - with sub-step b\n3. Evaluate",
                p.field(Field.METHOD));
        assertEquals("Findings:\n- first finding\n* second finding\n+ third finding", p.field(Field.RESULT));
        assertEquals("It works.", p.field(Field.CONCLUSION));
        assertEquals("parsing, digests", p.field(Field.KEYWORDS));
        assertEquals("Accepted at Nowhere 2026", p.field(Field.COMMENT));
        assertEquals("""
                Introduction: In neurosurgery, this abstract starts with a label-like word.
                  Methods: we did things.
                Results: this line starts with a word like a label.
                Result: this one is exactly a known label, and is still the abstract.

                  Conclusion: a last paragraph after a blank line.""", p.field(Field.ABSTRACT));
        assertEquals(List.of(Field.TLDR, Field.MOTIVATION, Field.METHOD, Field.RESULT, Field.CONCLUSION,
                Field.KEYWORDS, Field.COMMENT, Field.ABSTRACT), List.copyOf(p.fields().keySet()));
    }

    @Test
    void failedAndEmptySummariesAreAbsentWithAWarning() {
        RecordingSink sink = parse("2026-01-03-fields.md");
        Paper p = sink.papers.get(1);
        assertEquals(Map.of(Field.CONCLUSION, "Real conclusion.", Field.ABSTRACT, "Real abstract."), p.fields());
        assertEquals(java.util.Set.of(Field.TLDR, Field.METHOD, Field.RESULT), p.failed(), "an empty field is absent, not failed");
        assertEquals(List.of(
                "2026-01-03-fields.md:47: TL;DR is 'Error' (failed summary); recorded as absent",
                "2026-01-03-fields.md:52: Motivation is empty; recorded as absent",
                "2026-01-03-fields.md:53: Method is 'error' (failed summary); recorded as absent",
                "2026-01-03-fields.md:54: Result is 'N/A' (failed summary); recorded as absent"),
                messages(sink.warnings));
    }

    @Test
    void valuesEndAtStructureSectionsAndEndOfFile() {
        RecordingSink sink = parse("2026-01-03-fields.md");
        Paper third = sink.papers.get(2);
        assertEquals("Runs to the end of the entry\nand over two lines.", third.field(Field.ABSTRACT));
        assertEquals("cs.CV", third.section());
        Paper last = sink.papers.get(3);
        assertEquals("Ends at the end of the file.", last.field(Field.ABSTRACT));
        assertEquals("cs.AI", last.section());
        assertEquals(List.of(3, 42, 64, 76), sink.papers.stream().map(Paper::line).toList());
    }

    @Test
    void arxivIdsOldNewVersionedAndNone() {
        RecordingSink sink = parse("2026-01-04-ids.md");
        List<ArxivId> ids = sink.papers.stream().map(Paper::arxivId).toList();
        assertEquals(new ArxivId("cs/0501001", 2), ids.get(0));
        assertEquals(new ArxivId("2602.02537", 3), ids.get(1));
        assertEquals(new ArxivId("2602.00001", 1), ids.get(2));
        assertNull(ids.get(3));
        assertEquals("https://arxiv.org/abs/cs/0501001v2", sink.papers.get(0).link());
        assertEquals("https://openreview.net/forum?id=abc_DEF", sink.papers.get(3).link());
        assertEquals(List.of("2026-01-04-ids.md:18: link 'https://openreview.net/forum?id=abc_DEF' is not an arXiv URL;"
                + " paper has no arXiv id and is identified by its URL"), messages(sink.warnings));
    }

    @Test
    void boldLabels() {
        RecordingSink sink = parse("2026-01-05-dialect.md");
        Paper p = sink.papers.get(0);
        assertEquals("cs.CL", p.mainCategory());
        assertEquals(fields(Field.TLDR, "Bold inside.", Field.MOTIVATION, "Bold outside.", Field.METHOD, "Tight.",
                Field.RESULT, "Spaced.", Field.CONCLUSION, "Underscores.", Field.ABSTRACT, "Bold abstract."), p.fields());
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void quotedLabels() {
        Paper p = parse("2026-01-05-dialect.md").papers.get(1);
        assertEquals("cs.CV", p.mainCategory());
        assertEquals(fields(Field.TLDR, "Quoted and bold\nover two lines.\n\nand a third after a blank quote line.",
                Field.MOTIVATION, "Quoted.", Field.METHOD, "Tight quote.", Field.RESULT, "Nested quote."), p.fields());
    }

    @Test
    void chineseLabelsAndFullWidthColons() {
        Paper p = parse("2026-01-05-dialect.md").papers.get(2);
        assertEquals("cs.AI", p.mainCategory());
        assertEquals(fields(Field.TLDR, "一句话总结。", Field.MOTIVATION, "为什么。", Field.METHOD, "怎么做。",
                Field.RESULT, "做了什么。", Field.CONCLUSION, "结论是。",
                Field.ABSTRACT, "The original abstract.\n结果：这一行仍属于摘要。"), p.fields());
    }

    @Test
    void labelSynonymsAndCase() {
        Paper p = parse("2026-01-05-dialect.md").papers.get(3);
        assertEquals("cs.LG", p.mainCategory());
        assertEquals(fields(Field.TLDR, "Full-width colon.", Field.KEYWORDS, "a, b", Field.COMMENT, "12 pages"),
                p.fields());
    }

    @Test
    void crlfAndBom() throws IOException {
        Path file = fixture("2026-01-06-crlf-bom.md");
        byte[] bytes = Files.readAllBytes(file);
        // if a checkout converted the fixture's line ends this test would prove nothing
        assertTrue(bytes[0] == (byte) 0xEF && new String(bytes, StandardCharsets.UTF_8).contains("\r\n"),
                "fixture lost its BOM or CRLF; see digests/.gitattributes");
        assertWindowsFixtureRead(parse(file));
    }

    @Test
    void oldMacLineEnds() throws IOException {
        String crlf = Files.readString(fixture("2026-01-06-crlf-bom.md"), StandardCharsets.UTF_8);
        Path file = tmp.resolve("2026-01-06-cr.md");
        Files.writeString(file, crlf.replace("\r\n", "\r"), StandardCharsets.UTF_8);
        assertFalse(Files.readString(file).contains("\n"));
        assertWindowsFixtureRead(parse(file));
    }

    private static void assertWindowsFixtureRead(RecordingSink sink) {
        assertEquals(2, sink.papers.size());
        Paper p = sink.papers.get(0);
        assertEquals(3, p.line());
        assertEquals("cs.CV", p.section(), "the BOM must not hide the first heading");
        assertEquals("Windows line ends", p.title());
        assertEquals(List.of("A. Author", "B. Author"), p.authors());
        assertEquals("Two lines\nof summary.", p.field(Field.TLDR));
        assertEquals("An abstract\n  over two lines.", p.field(Field.ABSTRACT));
        assertEquals(18, sink.papers.get(1).line());
        assertEquals(List.of("C. Author"), sink.papers.get(1).authors());
        assertEquals("cs.CV", sink.papers.get(1).mainCategory());
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void badEntriesAreRejectedAndTheRestKept() {
        RecordingSink sink = parse("2026-01-07-rejects.md");
        assertEquals(List.of("Good before", "Good after", "No main category"),
                sink.papers.stream().map(Paper::title).toList());
        assertEquals(List.of(
                "2026-01-07-rejects.md:14: entry has no author line (*A,B,...*)",
                "2026-01-07-rejects.md:27: entry heading has no [title](link): '### [4] Heading with no link at all'",
                "2026-01-07-rejects.md:30: entry has an empty title"),
                messages(sink.rejected));
        Paper noCategory = sink.papers.get(2);
        assertNull(noCategory.mainCategory());
        assertEquals("Still kept.\nstray text after the fields is part of the TL;DR", noCategory.field(Field.TLDR));
        assertEquals(List.of(
                "2026-01-07-rejects.md:33: entry has no 'Main category:' line; main category left empty",
                "2026-01-07-rejects.md:41: 1 line(s) of the entry not recognised and left out, first: 'A line outside every field.'"),
                messages(sink.warnings));
        assertEquals(List.of("start", "template", "claimedCount cs.CV 6", "paper 7", "rejected", "paper 20", "rejected",
                        "rejected", "paper 33", "warning", "warning", "finish"),
                sink.events.stream().map(e -> e.replaceAll("^(rejected|warning) .*", "$1")).toList());
    }

    @Test
    void anUnexpectedExceptionRejectsOnlyItsEntry() throws IOException {
        Labels exploding = new Labels() {
            @Override
            Label lookup(LabelShape.Line line, boolean inferred) {
                if (line.rest().contains("Nobody")) {
                    throw new IllegalStateException("boom in " + line.printed() + ": " + line.rest());
                }
                return super.lookup(line, inferred);
            }
        };
        // two entries: read with the label table, which is where the exception is thrown
        Path file = tmp.resolve("2026-01-07.md");
        Files.writeString(file, """
                ### [1] [Exploding](https://arxiv.org/abs/2602.40002)
                *A. Author*

                TL;DR: Nobody wrote this.

                ### [2] [Good after](https://arxiv.org/abs/2602.40003)
                *B. Author*

                TL;DR: Also fine.
                """, StandardCharsets.UTF_8);
        RecordingSink sink = new RecordingSink();
        DigestParser.create().source(file).sourceName("x.md").labels(exploding).build().parse(sink);
        assertEquals(List.of("x.md:1: entry could not be read: java.lang.IllegalStateException: boom in TL;DR: Nobody wrote this."),
                messages(sink.rejected));
        assertEquals(List.of("Good after"), sink.papers.stream().map(Paper::title).toList());
        assertEquals(1, sink.finishes);
    }

    @Test
    void claimedCountsThatDifferAreReported() {
        RecordingSink sink = parse("2026-01-08-counts.md");
        assertEquals(Map.of("cs.CV", 2, "cs.CL", 1, "cs.LG", 4), sink.claims);
        assertEquals(4, sink.papers.size());
        assertEquals(List.of(
                "2026-01-08-counts.md:5: table of contents claims 2 papers in cs.CV but 3 entries were found under its heading",
                "2026-01-08-counts.md:7: table of contents claims 4 papers in cs.LG but 0 entries were found under its heading"),
                messages(sink.warnings));
        assertEquals("finish", sink.events.get(sink.events.size() - 1));
    }

    @Test
    void levelTwoCategoryHeadingsAndHeadingLikeText() throws IOException {
        Path file = tmp.resolve("2026-01-10.md");
        Files.writeString(file, """
                # Table of Contents
                - [cs.CV](#cs.CV) [Total: 1]
                - [hep-th](#hep-th) [Total: 1]
                ### [1] [Before any category](https://arxiv.org/abs/2602.80000)
                *Z*
                Main category: cs.CV
                ## cs.CV
                ### [2] [A](https://arxiv.org/abs/2602.80001)
                *A*
                Main category: cs.CV
                Abstract: first line
                # of samples is text that looks like a heading
                ## hep-th
                ### [3] [B](https://arxiv.org/abs/2602.80002)
                *B*
                Main category: hep-th
                """);
        RecordingSink sink = parse(file);
        assertEquals(Arrays.asList(null, "cs.CV", "hep-th"), sink.papers.stream().map(Paper::section).toList());
        assertEquals("first line\n# of samples is text that looks like a heading",
                sink.papers.get(1).field(Field.ABSTRACT));
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void everyFixtureValueIsVerbatim() throws IOException {
        for (String name : List.of("2026-01-01-titles.md", "2026-01-02-authors.md", "2026-01-03-fields.md",
                "2026-01-04-ids.md", "2026-01-05-dialect.md", "2026-01-07-rejects.md", "2026-01-08-counts.md")) {
            String text = Files.readString(fixture(name));
            // quoted fields lose their "> " markers, so compare them line by line
            String unquoted = text.lines().map(l -> l.replaceFirst("^(>[ \\t]?)+", "")).collect(Collectors.joining("\n"));
            for (Paper p : parse(name).papers) {
                assertTrue(text.contains("[" + p.title() + "](" + p.link() + ")"), name + " " + p.title());
                p.authors().forEach(a -> assertTrue(text.contains(a), name + " " + a));
                p.fields().values().forEach(v -> assertTrue(unquoted.contains(v), name + " " + v));
                p.notes().stream().map(Note::text).forEach(v -> assertTrue(text.contains(v), name + " " + v));
            }
        }
    }

    private static Map<Field, String> fields(Object... pairs) {
        Map<Field, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Field) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
