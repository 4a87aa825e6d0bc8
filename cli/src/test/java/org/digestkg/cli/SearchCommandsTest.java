package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg search}, {@code kg index} and {@code kg query search} on a store of the two sample digests. */
class SearchCommandsTest {

    @TempDir
    static Path tmp;
    static String store;

    @BeforeAll
    static void build() {
        store = tmp.resolve("store").toString();
        var r = KgCommandLineTest.kg("build", "--store", store, SampleOracle.root().resolve("data").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void theTableShowsRankIdDaysTitleAndTheMatchInTheFieldThatMatched() {
        var r = KgCommandLineTest.kg("search", "--store", store, "--limit", "3", "多模态大语言模型");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("\\d+ papers match '多模态大语言模型', best 3 shown"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+1  2602\\.\\d{5}\\s+2026-02-(04|23)  .+")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("«多模态大语言模型»")), r.out());
        assertEquals(3, lines.stream().filter(l -> l.matches("\\s+\\d  .*")).count(), r.out());

        var english = KgCommandLineTest.kg("search", "--store", store, "--limit", "1", "WorldVQA");
        assertTrue(english.out().contains("2602.02537   2026-02-04  WorldVQA: Measuring Atomic World Knowledge"), english.out());
        assertTrue(english.out().contains("title: «WorldVQA»: Measuring"), english.out());
    }

    @Test
    void csvAndJsonCarryTheSameHits() {
        var csv = KgCommandLineTest.kg("search", "--store", store, "--format", "csv", "--limit", "0", "reasoning");
        var json = KgCommandLineTest.kg("search", "--store", store, "--format", "json", "--limit", "0", "reasoning");
        assertEquals(0, csv.exit(), csv.err());
        assertEquals(0, json.exit(), json.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("rank,arxivId,days,title,field,snippet,score", rows.get(0));
        JsonObject answer = JSON.parse(json.out());
        long total = answer.get("total").getAsNumber().value().longValue();
        assertEquals(total, rows.size() - 1, "--limit 0 shows every paper");
        assertEquals(total, answer.get("hits").getAsArray().size());
        assertTrue(rows.get(1).startsWith("1," + answer.get("hits").getAsArray().get(0).getAsObject().get("arxivId")
                .getAsString().value() + ","), rows.get(1));
    }

    @Test
    void filtersNarrowTheHits() {
        var all = KgCommandLineTest.kg("search", "--store", store, "--format", "csv", "--limit", "0", "model");
        var cl = KgCommandLineTest.kg("search", "--store", store, "--format", "csv", "--limit", "0", "--category", "cs.CL",
                "--since", "2026-02-01", "--until", "2026-02-10", "model");
        assertEquals(0, cl.exit(), cl.err());
        assertTrue(cl.out().lines().count() > 1 && cl.out().lines().count() < all.out().lines().count());
        assertTrue(cl.out().lines().skip(1).allMatch(l -> l.contains(",2026-02-04,")), cl.out());
    }

    @Test
    void aMalformedQueryIsAUsageMistakeInOneLine() {
        var r = KgCommandLineTest.kg("search", "--store", store, "diffusion AND");
        assertEquals(2, r.exit(), "a usage mistake");
        List<String> err = r.err().strip().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertTrue(err.get(0).startsWith("kg search: cannot read the search 'diffusion AND'"), r.err());
        assertEquals("Try 'kg search --help' for more.", err.get(1));
        var none = KgCommandLineTest.kg("search", "--store", store, "zzqxjv");
        assertEquals(0, none.exit());
        assertEquals("No papers match 'zzqxjv'.", none.out().strip());
    }

    @Test
    void theNamedQueryAnswersThroughKgQuery() {
        var r = KgCommandLineTest.kg("query", "search", "--store", store, "--format", "csv", "--param", "q=WorldVQA");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("arxivId,title,score", rows.get(0));
        assertTrue(rows.get(1).startsWith("2602.02537,WorldVQA: Measuring"), r.out());
        assertEquals(rows.stream().distinct().count(), rows.size(), "one row per paper");
    }

    @Test
    void indexReportsChecksAndRebuilds() {
        var status = KgCommandLineTest.kg("index", "--store", store, "--check");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("search index: 1,925 texts"), status.out());
        assertTrue(status.out().contains("the index holds exactly the store's texts"), status.out());
        var rebuilt = KgCommandLineTest.kg("index", "--store", store, "--rebuild");
        assertEquals(0, rebuilt.exit(), rebuilt.err());
        assertTrue(rebuilt.out().contains("search index rebuilt: 1,925 texts"), rebuilt.out());
    }

    @Test
    void aStoreMadeBeforeSearchGetsItsIndexOnFirstUseWithAMessage() throws Exception {
        Path old = tmp.resolve("old");
        var r = KgCommandLineTest.kg("build", "--store", old.toString(), TestDigests.feb23().toString());
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> files = Files.walk(old.resolve("text"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = tmp.resolve("first-use.err");
        Process search = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Kg.class.getName(),
                "search", "--store", old.toString(), "--limit", "1", "benchmark").redirectError(err.toFile()).start();
        String out = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(search.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, search.exitValue(), out + Files.readString(err));
        assertTrue(Files.readString(err).contains("Building the search index of the store in " + old + " (first use)"),
                Files.readString(err));
        assertTrue(out.contains("«Benchmark»") || out.contains("«benchmark»"), out);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
