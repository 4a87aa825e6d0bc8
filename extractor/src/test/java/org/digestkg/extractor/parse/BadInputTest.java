package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input: each case gets a clear message naming the file and the line, every good entry of the same file is
 * still loaded, and nothing hangs or runs out of memory. What is a {@link DigestException} (the whole file
 * refused), a warning, or a rejected entry is documented on {@link DigestParser}.
 */
class BadInputTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- helpers

    static String entry(int rank, String id, String title) {
        return "### [" + rank + "] [" + title + "](https://arxiv.org/abs/" + id + ")\n"
                + "*A. Author,B. Author*\n"
                + "\n"
                + "Main category: cs.CL\n"
                + "\n"
                + "TL;DR: Summary of " + title + ".\n"
                + "\n"
                + "<details>\n"
                + "  <summary>Details</summary>\n"
                + "Abstract: Abstract of " + title + ".\n"
                + "\n"
                + "</details>\n"
                + "\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static RecordingSink parse(Path file) {
        RecordingSink sink = new RecordingSink();
        assertTimeoutPreemptively(BOUND, () -> DigestParser.create().source(file).date(LocalDate.of(2026, 3, 2))
                .sourceName(file.getFileName().toString()).build().parse(sink));
        return sink;
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    private static List<String> titles(RecordingSink sink) {
        return sink.papers.stream().map(Paper::title).toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, String part) {
        int at = text.indexOf(part);
        assertTrue(at >= 0, part);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    // ---------------------------------------------------------------- empty, not a digest, not text

    @Test
    void blankFileIsAnEmptyDigestWithoutWarnings() throws IOException {
        RecordingSink sink = parse(write("blank.md", "\n  \n\t\n"));
        assertEquals(List.of("start", "template", "finish"), sink.events);
    }

    @Test
    void textThatIsNotADigestIsAnEmptyDigestWithAWarning() throws IOException {
        RecordingSink sink = parse(write("README.md", "# My fork\n\nThis repository holds my daily digests.\n"));
        assertEquals(0, sink.papers.size());
        assertEquals(List.of("README.md: no entries found: none of its 3 line(s) starts with '### [' (not a digest?)"),
                messages(sink.warnings));
        assertEquals("finish", sink.events.get(sink.events.size() - 1));
    }

    @Test
    void binaryDataIsNotATextFile() throws IOException {
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
                new byte[4000]);
        new Random(7).nextBytes(png);
        png[100] = 0;
        Path file = write("2026-03-02.md", png);
        RecordingSink sink = new RecordingSink();
        DigestException e = assertThrows(DigestException.class, () -> DigestParser.parse(file, sink));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a text file"), e.getMessage());
        assertEquals(List.of(), sink.events, "nothing is loaded from a binary file");
    }

    @Test
    void aNulByteInADigestNamesItsLine() throws IOException {
        String text = entry(1, "2603.10001", "Fine") + "TL;DR: before the NUL\n";
        byte[] bytes = concat(utf8(text), new byte[] {'x', 0, 'y', '\n'}, utf8(entry(2, "2603.10002", "After")));
        Path file = write("2026-03-02.md", bytes);
        RecordingSink sink = new RecordingSink();
        DigestException e = assertThrows(DigestException.class, () -> DigestParser.parse(file, sink));
        assertTrue(e.getMessage().contains("not a text file: it holds NUL bytes (first at line 15)"), e.getMessage());
        assertEquals(List.of(), sink.events);
    }

    @Test
    void controlCharacterSoupWithoutNulIsNotAText() throws IOException {
        byte[] bytes = new byte[2000];
        Random r = new Random(3);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + r.nextInt(31));
        }
        DigestException e = assertThrows(DigestException.class,
                () -> DigestParser.parse(write("2026-03-02.md", bytes), new RecordingSink()));
        assertTrue(e.getMessage().contains("not a text file") && e.getMessage().contains("control characters"),
                e.getMessage());
    }

    @Test
    void utf16IsRefusedWithAHint() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                entry(1, "2603.10001", "Fine").getBytes(StandardCharsets.UTF_16LE));
        DigestException e = assertThrows(DigestException.class,
                () -> DigestParser.parse(write("2026-03-02.md", bytes), new RecordingSink()));
        assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("save it as UTF-8"), e.getMessage());
    }

    @Test
    void aDigestInAnotherEncodingIsRefused() throws IOException {
        Charset gbk = Charset.forName("GBK");
        String chinese = "### [1] [标题](https://arxiv.org/abs/2603.10001)\n*张三,李四*\n\n主要类别：cs.CL\n\n"
                + "AI概要：这是一个用中文写成的很长的总结，它的每一个字都不是合法的UTF-8编码。\n".repeat(20);
        DigestException e = assertThrows(DigestException.class,
                () -> DigestParser.parse(write("2026-03-02.md", chinese.getBytes(gbk)), new RecordingSink()));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    // ---------------------------------------------------------------- encoding and line ends

    @Test
    void invalidUtf8IsReplacedAndWarnedAtTheExactLines() throws IOException {
        String first = entry(1, "2603.10001", "First");
        byte[] bytes = concat(
                utf8(first),
                utf8("### [2] [Bad "), new byte[] {(byte) 0xFF}, utf8(" title](https://arxiv.org/abs/2603.10002)\n"),
                utf8("*A. Author*\n\nMain category: cs.CL\n\nTL;DR: lone continuation "), new byte[] {(byte) 0x80},
                utf8(" and overlong "), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\n"),
                utf8("Abstract: fine line\n"),
                utf8("cut at the end 中"), new byte[] {(byte) 0xE4, (byte) 0xB8});
        Path file = write("bad-utf8.md", bytes);
        RecordingSink sink = parse(file);
        assertEquals(List.of("First", "Bad \uFFFD title"), titles(sink));
        int heading2 = first.split("\n", -1).length; // the line after the first entry's last
        assertEquals(List.of(heading2, heading2 + 5, heading2 + 7),
                sink.warnings.stream().map(Problem::line).toList(), messages(sink.warnings).toString());
        sink.warnings.forEach(w -> assertTrue(w.message().contains("invalid UTF-8"), w.toString()));
        Paper bad = sink.papers.get(1);
        assertEquals("lone continuation \uFFFD and overlong \uFFFD\uFFFD", bad.field(Field.TLDR));
        assertEquals("fine line\ncut at the end 中\uFFFD", bad.field(Field.ABSTRACT));
    }

    @Test
    void aReplacementCharacterWrittenAsValidUtf8IsNotCalledInvalid() throws IOException {
        String text = entry(1, "2603.10001", "Broken \uFFFD upstream");
        RecordingSink sink = parse(write("fffd.md", text));
        // the title is also printed in the entry's TL;DR (line 6) and abstract (line 10)
        assertEquals(List.of(1, 6, 10), sink.warnings.stream().map(Problem::line).toList());
        assertEquals("fffd.md:1: line holds U+FFFD, the replacement character: the text was already broken"
                + " where it was written", sink.warnings.get(0).toString());
        assertEquals("Broken \uFFFD upstream", sink.papers.get(0).title());
    }

    @Test
    void invalidLineWarningsAreCappedThenCounted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(entry(1, "2603.10001", "Fine")));
        for (int i = 0; i < 150; i++) {
            out.writeBytes(new byte[] {'x', (byte) 0xFE, '\n'});
        }
        RecordingSink sink = parse(write("many.md", out.toByteArray()));
        assertEquals(101, sink.warnings.stream().filter(w -> w.message().contains("UTF-8")).count());
        Problem last = sink.warnings.get(sink.warnings.size() - 1);
        assertEquals("many.md:" + (14 + 100) + ": 50 more line(s) hold invalid UTF-8 from this line on; only the"
                + " first 100 were reported", last.toString());
        assertEquals(1, sink.papers.size());
    }

    @Test
    void byteOrderMarkBeforeAnEntryHeadingOnLineOne() throws IOException {
        RecordingSink sink = parse(write("bom.md", "\uFEFF" + entry(1, "2603.10001", "First line")));
        assertEquals(List.of("First line"), titles(sink));
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void mixedLineEndsGiveTheSamePapers() throws IOException {
        String text = entry(1, "2603.10001", "One") + entry(2, "2603.10002", "Two") + entry(3, "2603.10003", "Three");
        RecordingSink lf = parse(write("lf.md", text));
        StringBuilder mixed = new StringBuilder();
        String[] lines = text.split("\n", -1);
        String[] ends = {"\r\n", "\r", "\n"};
        for (int i = 0; i < lines.length; i++) {
            String end = i == lines.length - 1 ? "" : ends[i % 3];
            if (end.equals("\r") && lines[i + 1].isEmpty()) {
                end = "\r\n"; // a lone CR before an empty LF-ended line would read as one CRLF
            }
            mixed.append(lines[i]).append(end);
        }
        RecordingSink other = parse(write("mixed.md", mixed.toString()));
        assertEquals(lf.papers, other.papers);
        assertEquals(List.of(), other.warnings);
    }

    @Test
    void controlCharactersAreKeptAndWarned() throws IOException {
        String text = entry(1, "2603.10001", "Bell").replace("TL;DR: Summary", "TL;DR: ring \u0007 Summary");
        RecordingSink sink = parse(write("bell.md", text));
        assertEquals(List.of("bell.md:6: line holds the control character U+0007; kept as written"),
                messages(sink.warnings));
        assertTrue(sink.papers.get(0).field(Field.TLDR).contains("ring \u0007 Summary"));
    }

    @Test
    void dateHeadingThatDisagreesIsWarned() throws IOException {
        RecordingSink sink = parse(write("dated.md", "# 2026-03-05\n\n" + entry(1, "2603.10001", "One")));
        assertEquals(List.of("dated.md:1: heading says 2026-03-05 but the digest is dated 2026-03-02 (from its file"
                + " name, or as given); 2026-03-02 is used"), messages(sink.warnings));
        assertEquals(1, sink.papers.size());
    }

    // ---------------------------------------------------------------- truncated files, broken entries

    /** The real sample, cut at several points: what was complete before the cut is exactly what a full parse gives. */
    @ParameterizedTest(name = "cut at {0}")
    @ValueSource(strings = {"inside-details", "inside-heading", "after-heading", "inside-authors", "inside-char"})
    void fileTruncatedMidEntry(String where) throws IOException {
        Path sample = SampleDigestsTest.sample("2026-02-04.md");
        byte[] all = Files.readAllBytes(sample);
        String text = new String(all, StandardCharsets.UTF_8);
        int third = text.indexOf("### [3] ");
        int cut = switch (where) {
            case "inside-details" -> text.indexOf("Result: ", third) + 20;
            case "inside-heading" -> third + 30;
            case "after-heading" -> text.indexOf('\n', third) + 1;
            case "inside-authors" -> text.indexOf('\n', third) + 10;
            case "inside-char" -> utf8(text.substring(0, text.indexOf("TL;DR: ", third) + 8)).length + 1;
            default -> throw new IllegalArgumentException(where);
        };
        byte[] bytes = new byte[where.equals("inside-char") ? cut : utf8(text.substring(0, cut)).length];
        System.arraycopy(all, 0, bytes, 0, bytes.length);
        RecordingSink sink = parse(write("2026-02-04-cut.md", bytes));
        RecordingSink full = new RecordingSink();
        DigestParser.parse(sample, full);
        assertEquals(full.papers.subList(0, 2), sink.papers.subList(0, 2), "entries before the cut are whole");
        int headingLine = lineOf(text, "### [3] ");
        switch (where) {
            case "inside-details" -> {
                assertEquals(3, sink.papers.size());
                Paper last = sink.papers.get(2);
                assertEquals(full.papers.get(2).title(), last.title());
                assertEquals(full.papers.get(2).authors(), last.authors());
                assertNull(last.field(Field.ABSTRACT));
                int details = lineOf(text.substring(third), "<details>") + headingLine - 1;
                assertEquals(List.of("2026-02-04-cut.md:" + details + ": the file ends inside the <details> opened"
                        + " here: the entry seems truncated"), messages(sink.warnings).subList(0, 1));
            }
            case "inside-heading" -> {
                assertEquals(2, sink.papers.size());
                assertEquals(List.of("2026-02-04-cut.md:" + headingLine + ": entry heading has no [title](link):"
                        + " '### [3] [End-to-end reconstruc'"), messages(sink.rejected));
            }
            case "after-heading", "inside-authors" -> {
                assertEquals(2, sink.papers.size());
                assertEquals(List.of("2026-02-04-cut.md:" + headingLine + ": entry has no author line (*A,B,...*)"),
                        messages(sink.rejected));
            }
            case "inside-char" -> {
                assertEquals(3, sink.papers.size());
                Problem invalid = sink.warnings.stream().filter(w -> w.message().contains("invalid UTF-8"))
                        .findFirst().orElseThrow();
                assertEquals(lineOf(text.substring(third), "TL;DR: ") + headingLine - 1, invalid.line());
                assertTrue(sink.papers.get(2).field(Field.TLDR).endsWith("\uFFFD"));
            }
            default -> throw new IllegalArgumentException(where);
        }
        // the table of contents now claims more than was found: said, not thrown
        assertTrue(sink.warnings.stream().anyMatch(w -> w.message().startsWith("table of contents claims 86")));
    }

    @Test
    void entriesWithoutAuthorsTitleOrUsableLinkAreRejectedAndTheRestKept() throws IOException {
        String text = entry(1, "2603.10001", "Good one")
                + "### [2] [No authors](https://arxiv.org/abs/2603.10002)\n\nMain category: cs.CL\n\n"
                + "### [3] [](https://arxiv.org/abs/2603.10003)\n*A*\n\n"
                + "### [4] [No link at all]\n*A*\n\n"
                + "### [5] [Relative link](#anchor)\n*A*\n\n"
                + "### [6] [Empty link]()\n*A*\n\n"
                + "### [7] [Authors line names nobody](https://arxiv.org/abs/2603.10007)\n* , *\n\n"
                + entry(8, "2603.10008", "Good two");
        RecordingSink sink = parse(write("broken.md", text));
        assertEquals(List.of("Good one", "Good two"), titles(sink));
        assertEquals(List.of(
                "broken.md:" + lineOf(text, "### [2]") + ": entry has no author line (*A,B,...*)",
                "broken.md:" + lineOf(text, "### [3]") + ": entry has an empty title",
                "broken.md:" + lineOf(text, "### [4]") + ": entry heading has no [title](link): '### [4] [No link at all]'",
                "broken.md:" + lineOf(text, "### [5]") + ": entry's link '#anchor' is neither an arXiv id nor an"
                        + " absolute URL: the paper cannot be identified",
                "broken.md:" + lineOf(text, "### [6]") + ": entry has an empty link",
                "broken.md:" + lineOf(text, "### [7]") + ": entry's author line names nobody"),
                messages(sink.rejected));
    }

    // ---------------------------------------------------------------- size: long lines, big entries, nesting

    @Test
    void aSingleTwentyMegabyteLineIsIgnoredWithAWarning() throws IOException {
        Path file = tmp.resolve("one-line.md");
        Files.writeString(file, "x".repeat(20 << 20));
        RecordingSink sink = parse(file);
        assertEquals(List.of(
                "one-line.md:1: line is 20971520 characters long, over the limit of 8388608; ignored",
                "one-line.md: no entries found: none of its 1 line(s) starts with '### [' (not a digest?)"),
                messages(sink.warnings));
    }

    @Test
    void anEntryWithAnOverlongLineIsRejectedAndTheOthersKept() throws IOException {
        String before = entry(1, "2603.10001", "Before");
        String huge = "### [2] [Huge](https://arxiv.org/abs/2603.10002)\n*A*\n\nAbstract: " + "y".repeat(9 << 20) + "\n\n";
        String text = before + huge + entry(3, "2603.10003", "After");
        RecordingSink sink = parse(write("huge.md", text));
        assertEquals(List.of("Before", "After"), titles(sink));
        int heading = lineOf(text, "### [2]");
        assertEquals(List.of("huge.md:" + heading + ": entry left out: line " + (heading + 3) + " is "
                + (("Abstract: ").length() + (9 << 20)) + " characters long, over the limit of 8388608"),
                messages(sink.rejected));
    }

    @Test
    void aFiveMegabyteAbstractLineIsKeptWhole() throws IOException {
        String abstractText = "Long abstract sentence number one. ".repeat(150_000);
        String text = entry(1, "2603.10001", "Short") + "### [2] [Long abstract](https://arxiv.org/abs/2603.10002)\n"
                + "*A*\n\nMain category: cs.CL\n\nAbstract: " + abstractText + "\n";
        assertTrue(abstractText.length() > 5_000_000);
        RecordingSink sink = parse(write("long.md", text));
        assertEquals(2, sink.papers.size());
        assertEquals(abstractText.strip(), sink.papers.get(1).field(Field.ABSTRACT));
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void anOverlongHeadingIsRejectedWithoutBeingParsed() throws IOException {
        String title = "[".repeat(3000) + "t" + "]".repeat(3000);
        String text = "### [1] [" + title + "](https://arxiv.org/abs/2603.10001)\n*A*\n\n" + entry(2, "2603.10002", "Next");
        RecordingSink sink = parse(write("heading.md", text));
        assertEquals(List.of("Next"), titles(sink));
        assertEquals(1, sink.rejected.size());
        assertTrue(sink.rejected.get(0).toString().startsWith("heading.md:1: entry heading is 6045 characters long,"
                + " over the limit of 4096"), sink.rejected.toString());
    }

    @Test
    void anEntryOfTooManyLinesIsRejectedAsItIsRead() throws IOException {
        String text = entry(1, "2603.10001", "Fine") + "### [2] [Endless](https://arxiv.org/abs/2603.10002)\n*A*\n"
                + "TL;DR: x\n" + "more\n".repeat(DigestReader.MAX_ENTRY_LINES) + entry(3, "2603.10003", "After");
        RecordingSink sink = parse(write("endless.md", text));
        assertEquals(List.of("Fine", "After"), titles(sink));
        assertEquals(List.of("endless.md:" + lineOf(text, "### [2]") + ": entry left out: entry is over 500000 lines long"),
                messages(sink.rejected));
    }

    @Test
    void deeplyNestedHtmlLinesAreLayoutNotText() throws IOException {
        int depth = 100_000;
        String text = "### [1] [Nested](https://arxiv.org/abs/2603.10001)\n*A*\n\nMain category: cs.CL\n\n"
                + "TL;DR: Before the nest.\n" + "<div>\n".repeat(depth) + "Abstract: Inside the nest.\n"
                + "</div>\n".repeat(depth) + entry(2, "2603.10002", "After");
        RecordingSink sink = parse(write("nested.md", text));
        assertEquals(List.of("Nested", "After"), titles(sink));
        assertEquals("Before the nest.", sink.papers.get(0).field(Field.TLDR));
        assertEquals("Inside the nest.", sink.papers.get(0).field(Field.ABSTRACT));
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void deeplyNestedHtmlOnOneLineIsKeptAsText() throws IOException {
        int depth = 100_000;
        String nest = "<div>".repeat(depth) + "deep" + "</div>".repeat(depth);
        String text = "### [1] [Nested](https://arxiv.org/abs/2603.10001)\n*A*\n\nMain category: cs.CL\n\n"
                + "TL;DR: Text then\n" + nest + "\n\n" + entry(2, "2603.10002", "After");
        RecordingSink sink = parse(write("nested-line.md", text));
        assertEquals(List.of("Nested", "After"), titles(sink));
        assertEquals("Text then\n" + nest, sink.papers.get(0).field(Field.TLDR));
    }

    @Test
    void nestedMarkupInsideAHeadingDoesNotOverflow() throws IOException {
        List<String> headings = new ArrayList<>();
        headings.add("### [1] [" + "<b>".repeat(500) + "T" + "</b>".repeat(500) + "](https://arxiv.org/abs/2603.10001)");
        headings.add("### [2] [" + "*".repeat(1500) + "T" + "*".repeat(1500) + "](https://arxiv.org/abs/2603.10002)");
        headings.add("### [3] [" + "[".repeat(2000) + "T](https://arxiv.org/abs/2603.10003)");
        headings.add("### [4] [" + "`".repeat(2000) + "T" + "](https://arxiv.org/abs/2603.10004)");
        headings.add("### [5] [" + "![x](".repeat(600) + "T](https://arxiv.org/abs/2603.10005)");
        StringBuilder text = new StringBuilder();
        for (String h : headings) {
            text.append(h).append("\n*A*\n\nMain category: cs.CL\n\n");
        }
        RecordingSink sink = parse(write("markup.md", text.toString()));
        assertEquals(headings.size(), sink.papers.size() + sink.rejected.size());
        for (Paper p : sink.papers) {
            assertTrue(text.toString().contains("[" + p.title() + "](" + p.link() + ")"), p.title());
        }
    }
}
