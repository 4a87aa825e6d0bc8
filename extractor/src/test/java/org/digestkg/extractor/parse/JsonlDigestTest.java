package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.model.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's JSONL: a day's second source beside its markdown, or a day's only one. */
class JsonlDigestTest {

    @TempDir
    Path dir;

    static final String FIRST = """
            {"id": "2603.00101", "categories": ["cs.CL", "cs.AI"], "pdf": "https://arxiv.org/pdf/2603.00101", \
            "abs": "https://arxiv.org/abs/2603.00101", "authors": ["Ana Silva", "Bo Li"], "title": "A First Paper", \
            "comment": "12 pages, 3 figures", "summary": "We introduce a benchmark.", "code_url": "https://github.com/x/y", \
            "AI": {"tldr": "提出了一个基准。", "motivation": "Why.", "method": "How.", "result": "What.", "conclusion": "So.", \
            "relevance": 8.5, "_template_used": "v2"}}""";
    static final String SECOND = """
            {"id": "2603.00102", "categories": ["cs.LG"], "abs": "https://arxiv.org/abs/2603.00102", \
            "authors": ["Chen Wei"], "title": "A Second Paper", "comment": null, "summary": "Second abstract.", \
            "AI": {"tldr": "Summary generation failed", "motivation": "Error", "method": "Plain.", "result": "N/A", \
            "conclusion": "Done."}}""";
    static final String NOT_ARXIV = """
            {"id": "10.1103/abcd-1234", "categories": ["prl"], "abs": "https://link.aps.org/doi/10.1103/abcd-1234", \
            "authors": ["D. Ng"], "title": "A Journal Paper", "summary": "Blurb.", "AI": {"task": "An early TL;DR key."}}""";

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static RecordingSink parse(Path file) {
        RecordingSink sink = new RecordingSink();
        DigestParser.create().source(file).build().parse(sink);
        return sink;
    }

    /** Problems with file names as written in the folder, without the folder. */
    private List<String> messages(List<Problem> problems) {
        String folder = dir.toString() + java.io.File.separator;
        return problems.stream().map(p -> (p.file() + ":" + p.line() + ": " + p.message()).replace(folder, "")).toList();
    }

    @Test
    void aDayWithOnlyJsonlIsReadAsThatDaysDigest() throws IOException {
        Path jsonl = write("2026-03-01_AI_enhanced_English.jsonl", FIRST, "{not json", SECOND, NOT_ARXIV);
        RecordingSink sink = parse(jsonl);
        assertEquals("2026-03-01", sink.digest.date().toString());
        assertEquals(List.of("A First Paper", "A Second Paper", "A Journal Paper"),
                sink.papers.stream().map(Paper::title).toList());
        Paper first = sink.papers.get(0);
        assertEquals("2603.00101", first.arxivId().id());
        assertEquals("https://arxiv.org/abs/2603.00101", first.link());
        assertEquals(List.of("Ana Silva", "Bo Li"), first.authors());
        assertEquals("cs.CL", first.mainCategory());
        assertEquals("cs.CL", first.section());
        assertEquals(List.of("cs.CL", "cs.AI"), first.categories());
        assertEquals(List.of("https://github.com/x/y"), first.codeLinks());
        assertEquals(Map.of(Field.TLDR, "提出了一个基准。", Field.MOTIVATION, "Why.", Field.METHOD, "How.",
                Field.RESULT, "What.", Field.CONCLUSION, "So.", Field.ABSTRACT, "We introduce a benchmark.",
                Field.COMMENT, "12 pages, 3 figures"), first.fields());
        assertEquals(List.of(new Note("relevance", "8.5")), first.notes(), "a fork's own key is a note; _keys are not");
        Paper second = sink.papers.get(1);
        assertEquals(Set.of(Field.TLDR, Field.MOTIVATION, Field.RESULT), second.failed());
        assertEquals(Map.of(Field.METHOD, "Plain.", Field.CONCLUSION, "Done.", Field.ABSTRACT, "Second abstract."),
                second.fields());
        Paper journal = sink.papers.get(2);
        assertNull(journal.arxivId());
        assertEquals("https://link.aps.org/doi/10.1103/abcd-1234", journal.link());
        assertEquals("An early TL;DR key.", journal.field(Field.TLDR));
        assertEquals(Template.Kind.JSONL, sink.templates.get(0).kind());
        assertTrue(messages(sink.warnings).contains(
                "2026-03-01_AI_enhanced_English.jsonl:2: not a JSON record (" + firstLineOfError("{not json") + "); skipped"),
                messages(sink.warnings).toString());
        assertTrue(messages(sink.warnings).contains(
                "2026-03-01_AI_enhanced_English.jsonl:3: tldr is 'Summary generation failed' (failed summary); recorded as absent"));
        assertEquals(List.of(), sink.rejected);
    }

    static String firstLineOfError(String json) {
        try {
            org.apache.jena.atlas.json.JSON.parseAny(json);
            return "";
        } catch (RuntimeException e) {
            return e.getMessage().lines().findFirst().orElse("");
        }
    }

    static final String MARKDOWN = """
            # cs.CL [[Back]](#toc)

            ### [1] [A First Paper](https://arxiv.org/abs/2603.00101)
            *Ana Silva,Bo Li*

            Main category: cs.CL

            TL;DR: 提出了一个基准。

            Motivation: Why.

            Method: How, but rewritten.

            Abstract: We introduce a benchmark.

            ### [2] [A Second Paper](https://arxiv.org/abs/2603.00102)
            *Chen Wei*

            Main category: cs.LG

            TL;DR: Error

            Method: Plain.
            """;

    @Test
    void theMarkdownStaysTheDigestAndTheJsonlAddsWhatItCannotShow() throws IOException {
        Path md = write("2026-03-01.md", MARKDOWN);
        write("2026-03-01_AI_enhanced_English.jsonl", FIRST, SECOND);
        RecordingSink sink = parse(md);
        Paper first = sink.papers.get(0);
        assertEquals("How, but rewritten.", first.field(Field.METHOD), "the markdown's text is what was shown");
        assertEquals(List.of("cs.CL", "cs.AI"), first.categories());
        assertEquals("12 pages, 3 figures", first.field(Field.COMMENT));
        assertEquals(List.of("https://github.com/x/y"), first.codeLinks());
        assertNull(first.field(Field.RESULT), "a text the markdown does not show is not added");
        Paper second = sink.papers.get(1);
        assertEquals("Second abstract.", second.field(Field.ABSTRACT), "the abstract the markdown does not show is added");
        assertEquals(List.of(
                "2026-03-01.md:3: method differs from 2026-03-01_AI_enhanced_English.jsonl:1: markdown 'How, but rewritten.', JSONL 'How.'"),
                messages(sink.warnings).stream().filter(m -> m.contains("differs")).toList());
        // "Error" in the markdown and "Summary generation failed" in the JSONL are both no text: no difference
        assertTrue(messages(sink.warnings).stream().noneMatch(m -> m.startsWith("2026-03-01.md:16") && m.contains("differs")));
    }

    @Test
    void aFailedFieldWhoseJsonlHasTextIsADifference() throws IOException {
        Path md = write("2026-03-01.md", MARKDOWN.replace("TL;DR: 提出了一个基准。", "TL;DR: N/A"));
        write("2026-03-01_AI_enhanced_English.jsonl", FIRST, SECOND);
        List<String> differences = messages(parse(md).warnings).stream().filter(m -> m.contains("differs")).toList();
        assertTrue(differences.contains("2026-03-01.md:3: TL;DR differs from 2026-03-01_AI_enhanced_English.jsonl:1:"
                + " markdown '(a failure placeholder)', JSONL '提出了一个基准。'"), differences.toString());
    }

    @Test
    void aPaperTheJsonlLacksIsReadFromTheMarkdownAloneWithAWarning() throws IOException {
        Path md = write("2026-03-01.md", MARKDOWN);
        write("2026-03-01_AI_enhanced_English.jsonl", FIRST);
        RecordingSink sink = parse(md);
        assertEquals(2, sink.papers.size());
        assertTrue(messages(sink.warnings).contains("2026-03-01.md:16: paper is in no record of "
                + "2026-03-01_AI_enhanced_English.jsonl; read from the markdown alone"),
                messages(sink.warnings).toString());
    }

    @Test
    void theHashCoversTheMarkdownAndItsJsonl() throws IOException {
        Path md = write("2026-03-01.md", MARKDOWN);
        String alone = parse(md).digest.sha256();
        write("2026-03-01_AI_enhanced_English.jsonl", FIRST, SECOND);
        String both = parse(md).digest.sha256();
        write("2026-03-01_AI_enhanced_English.jsonl", FIRST);
        String changed = parse(md).digest.sha256();
        assertNotEquals(alone, both);
        assertNotEquals(both, changed);
        assertEquals(changed, DigestParser.create().source(md).build().scanHeadings().digest().sha256(),
                "the quick scan of the headings hashes alike");
        assertEquals(alone, DigestParser.create().source(md).companions(List.of()).build().scanHeadings().digest().sha256());
    }

    @Test
    void aJsonlBelongsToTheMarkdownWhoseNameItStartsWithTheLongestWins() throws IOException {
        Path day = write("2026-06-15.md", "x");
        Path database = write("2026-06-15_database.md", "x");
        Path dayJsonl = write("2026-06-15_AI_enhanced_Chinese.jsonl", "{}");
        Path dayEnglish = write("2026-06-15_AI_enhanced_English.jsonl", "{}");
        Path databaseJsonl = write("2026-06-15_database_AI_enhanced_Chinese.jsonl", "{}");
        Path alone = write("2026-06-16_zh.jsonl", "{}");
        Path plain = write("2026-06-17.jsonl", "{}");
        assertEquals(List.of(dayJsonl, dayEnglish), DigestSources.companions(day));
        assertEquals(List.of(databaseJsonl), DigestSources.companions(database));
        assertEquals(List.of(day, database, alone, plain),
                DigestSources.select(List.of(day, dayJsonl, dayEnglish, database, databaseJsonl, alone, plain)));
        assertTrue(DigestSources.isDigestFile(alone));
        assertTrue(!DigestSources.isDigestFile(dir.resolve("2026-06-15.ttl")));
    }
}
