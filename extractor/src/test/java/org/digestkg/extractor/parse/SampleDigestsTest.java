package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Paper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two real digests in data/: every paper read, and every text exactly as in the file. */
class SampleDigestsTest {

    private static final String FEB04 = "2026-02-04.md";
    private static final String FEB23 = "2026-02-23.md";
    private static final List<Field> SIX = List.of(Field.TLDR, Field.MOTIVATION, Field.METHOD, Field.RESULT,
            Field.CONCLUSION, Field.ABSTRACT);
    private static final Map<Field, String> LABEL = Map.of(Field.TLDR, "TL;DR", Field.MOTIVATION, "Motivation",
            Field.METHOD, "Method", Field.RESULT, "Result", Field.CONCLUSION, "Conclusion", Field.ABSTRACT, "Abstract");

    static Path root() {
        String property = System.getProperty("digestkg.root");
        if (property != null && Files.isDirectory(Path.of(property, "data"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data"))) {
                return dir;
            }
        }
        return fail("no data/ folder above " + Path.of("").toAbsolutePath());
    }

    static Path sample(String name) {
        return root().resolve("data").resolve(name);
    }

    static RecordingSink parse(String name) {
        RecordingSink sink = new RecordingSink();
        DigestParser.parse(sample(name), sink);
        return sink;
    }

    static String text(String name) throws IOException {
        return Files.readString(sample(name), StandardCharsets.UTF_8);
    }

    @Test
    void paperCounts() {
        assertEquals(147, parse(FEB04).papers.size());
        assertEquals(128, parse(FEB23).papers.size());
    }

    @Test
    void claimedCountsAsInTheTableOfContents() {
        assertEquals(List.of("claimedCount cs.CV 86", "claimedCount cs.CL 61"),
                parse(FEB04).events.stream().filter(e -> e.startsWith("claimedCount")).toList());
        assertEquals(List.of("claimedCount cs.CV 36", "claimedCount cs.CL 23", "claimedCount cs.LG 60",
                        "claimedCount cs.MA 2", "claimedCount cs.AI 7"),
                parse(FEB23).events.stream().filter(e -> e.startsWith("claimedCount")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {FEB04, FEB23})
    void sectionsHoldWhatTheTableOfContentsClaims(String name) {
        RecordingSink sink = parse(name);
        Map<String, Integer> found = new HashMap<>();
        sink.papers.forEach(p -> found.merge(p.section(), 1, Integer::sum));
        assertEquals(sink.claims, found);
    }

    @ParameterizedTest
    @ValueSource(strings = {FEB04, FEB23})
    void noWarningsNoRejections(String name) {
        RecordingSink sink = parse(name);
        assertEquals(List.of(), sink.warnings);
        assertEquals(List.of(), sink.rejected);
    }

    @ParameterizedTest
    @ValueSource(strings = {FEB04, FEB23})
    void everyPaperIsComplete(String name) {
        RecordingSink sink = parse(name);
        List<Runnable> checks = new ArrayList<>();
        for (int i = 0; i < sink.papers.size(); i++) {
            Paper p = sink.papers.get(i);
            int nextLine = i + 1 < sink.papers.size() ? sink.papers.get(i + 1).line() : Integer.MAX_VALUE;
            checks.add(() -> {
                String where = name + ":" + p.line();
                assertNotNull(p.arxivId(), where);
                assertFalse(p.title().isBlank(), where);
                assertFalse(p.authors().isEmpty(), where);
                assertTrue(p.mainCategory().matches("cs\\.[A-Z]{2}"), where + " " + p.mainCategory());
                for (Field f : SIX) {
                    boolean explained = sink.warnings.stream()
                            .anyMatch(w -> w.line() >= p.line() && w.line() < nextLine);
                    assertTrue(p.fields().containsKey(f) || explained, where + " lacks " + f);
                }
            });
        }
        assertAll(checks.stream().map(r -> r::run));
    }

    @ParameterizedTest
    @ValueSource(strings = {FEB04, FEB23})
    void everyTextIsVerbatimFromTheFile(String name) throws IOException {
        String text = text(name);
        String[] lines = text.split("\n", -1);
        RecordingSink sink = parse(name);
        List<Runnable> checks = new ArrayList<>();
        for (Paper p : sink.papers) {
            checks.add(() -> {
                String where = name + ":" + p.line();
                // the title is exactly the text between the heading link's brackets
                assertEquals("### [" + p.rank() + "] [" + p.title() + "](" + p.link() + ")", lines[p.line() - 1], where);
                assertTrue(text.contains(p.title()), where);
                assertEquals("*" + String.join(",", p.authors()) + "*", lines[p.line()], where);
                p.authors().forEach(a -> assertTrue(text.contains(a), where + " author " + a));
                assertTrue(text.contains("\nMain category: " + p.mainCategory() + "\n"), where);
                // each value starts right after its label and ends at a line end
                p.fields().forEach((f, v) -> assertTrue(text.contains("\n" + LABEL.get(f) + ": " + v + "\n"),
                        where + " " + f));
            });
        }
        assertAll(checks.stream().map(r -> r::run));
    }

    @ParameterizedTest
    @ValueSource(strings = {FEB04, FEB23})
    void ranksAndLinesFollowTheFile(String name) throws IOException {
        String[] lines = text(name).split("\n", -1);
        List<Integer> headings = IntStream.range(0, lines.length).filter(i -> lines[i].startsWith("### ["))
                .mapToObj(i -> i + 1).toList();
        RecordingSink sink = parse(name);
        assertEquals(headings, sink.papers.stream().map(Paper::line).toList());
        assertEquals(IntStream.rangeClosed(1, headings.size()).boxed().toList(),
                sink.papers.stream().map(Paper::rank).toList());
    }

    @Test
    void digestRecordsDateSourceAndChecksum() throws Exception {
        RecordingSink sink = parse(FEB04);
        assertEquals(LocalDate.of(2026, 2, 4), sink.digest.date());
        assertEquals(sample(FEB04).toString(), sink.digest.source());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(sample(FEB04)));
        assertEquals(HexFormat.of().formatHex(hash), sink.digest.sha256());
    }

    @Test
    void eventsComeInStreamOrder() {
        List<String> events = parse(FEB23).events;
        assertEquals("start", events.get(0));
        assertEquals("finish", events.get(events.size() - 1));
        int lastClaim = events.lastIndexOf("claimedCount cs.AI 7");
        int firstPaper = events.indexOf("paper 16");
        assertTrue(lastClaim >= 0 && lastClaim < firstPaper, events.subList(0, 8).toString());
    }

    @Test
    void firstPaper() {
        Paper p = parse(FEB04).paper("2602.02537");
        assertEquals(13, p.line());
        assertEquals(1, p.rank());
        assertEquals("cs.CV", p.section());
        assertEquals("https://arxiv.org/abs/2602.02537", p.link());
        assertNull(p.arxivId().version());
        assertEquals("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models", p.title());
        assertEquals(19, p.authors().size());
        assertEquals("Runjie Zhou", p.authors().get(0));
        assertEquals("Y. Charles", p.authors().get(17));
        assertEquals("Xinyu Zhou", p.authors().get(18));
        assertEquals("cs.CV", p.mainCategory());
        assertEquals("WorldVQA是一个评估多模态大语言模型视觉世界原子知识的基准，专注于解耦视觉知识检索与推理，严格测量模型记忆的视觉事实性。",
                p.field(Field.TLDR));
        assertEquals(SIX, List.copyOf(p.fields().keySet()));
        assertEquals(List.of(), p.notes());
    }

    @Test
    void abstractThatContainsLabelLikeWordsStaysWhole() throws IOException {
        String line1894 = text(FEB04).split("\n", -1)[1893];
        Paper p = parse(FEB04).paper("2602.03785");
        String abstractText = p.field(Field.ABSTRACT);
        assertEquals(line1894.substring("Abstract: ".length()), abstractText);
        assertTrue(abstractText.startsWith("Introduction: In neurosurgery, image-guided"), abstractText);
        assertTrue(abstractText.contains(" Methodology: We propose NeuralShift"));
        assertTrue(abstractText.contains(" Results: Our experimental results show"));
        assertTrue(p.field(Field.RESULT).startsWith("模型能准确预测脑的全局变形(DICE 0.97)"));
    }

    @Test
    void multiLineAbstractKeepsItsLines() throws IOException {
        String[] lines = text(FEB04).split("\n", -1);
        Paper p = parse(FEB04).paper("2602.02686");
        String expected = String.join("\n", lines[2127], lines[2128], lines[2129]).substring("Abstract: ".length());
        assertEquals(expected, p.field(Field.ABSTRACT));
        assertEquals(3, p.field(Field.ABSTRACT).split("\n").length);
        assertTrue(p.field(Field.ABSTRACT).contains("\n  We investigate monotonicity"));
    }

    @Test
    void numberedListsKeepTheirLines() throws IOException {
        String[] lines = text(FEB23).split("\n", -1);
        int start = IntStream.range(0, lines.length).filter(i -> lines[i].startsWith("Method: 1. 整理了120多种"))
                .findFirst().orElseThrow();
        Paper p = parse(FEB23).paper("2602.17784");
        String method = p.field(Field.METHOD);
        assertEquals(String.join("\n", List.of(lines).subList(start, start + 5)).substring("Method: ".length()), method);
        assertTrue(method.startsWith("1. 整理了120多种矿床类型的描述性矿床模型\n2. "), method);
        assertTrue(method.contains("\n5. 支持基于矿床特征的组合查询"), method);
        assertEquals(3, p.field(Field.RESULT).split("\n").length);
    }

    @Test
    void titlesWithBracketsAndLatex() {
        RecordingSink feb23 = parse(FEB23);
        assertEquals("[Re] Benchmarking LLM Capabilities in Negotiation through Scoreable Games",
                feb23.paper("2602.18230").title());
        assertEquals("SOMtime the World Ain$'$t Fair: Violating Fairness Using Self-Organizing Maps",
                feb23.paper("2602.18201").title());
        assertEquals("$V_0$: A Generalist Value Model for Any Policy at State Zero",
                parse(FEB04).paper("2602.03584").title());
    }
}
