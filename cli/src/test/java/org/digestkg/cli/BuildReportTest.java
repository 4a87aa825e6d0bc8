package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg build}'s report as a user sees it: a line per digest, problems as {@code file:line: message}, the
 * {@code --report} JSON, {@code --strict}, and the exit code.
 */
class BuildReportTest {

    private static final Pattern ARXIV = Pattern.compile("\\]\\(https://arxiv\\.org/abs/([^)]+)\\)");

    @TempDir
    Path tmp;
    Path digests;
    Path store;
    List<String> sample;

    /** The day with a rejected entry: two good entries, one without authors, one whose TL;DR failed. */
    String badText;
    String noAuthors;
    String failedTldr;

    @BeforeEach
    void digests() {
        digests = tmp.resolve("digests");
        store = tmp.resolve("store");
        sample = TestDigests.entries(TestDigests.feb04());
        TestDigests.write(digests, "2026-03-01", sample.subList(0, 3));
        noAuthors = dropLine(sample.get(5), 1);
        failedTldr = sample.get(6).replaceFirst("(?m)^TL;DR: .*$", "TL;DR: Error");
        badText = TestDigests.digest(List.of(sample.get(3), sample.get(4), noAuthors, failedTldr));
    }

    @Test
    void aRejectedEntryIsReportedWithItsLineAndEverythingGoodIsLoaded() {
        Path bad = TestDigests.write(digests.resolve("2026-03-02.md"), badText);
        Path good = digests.resolve("2026-03-01.md");
        Path report = tmp.resolve("r.json");

        var r = KgCommandLineTest.kg("build", "--store", store.toString(), "--report", report.toString(), digests.toString());

        assertEquals(1, r.exit(), "a rejected entry makes the build exit 1\n" + r.out() + r.err());
        int rejectedLine = TestDigests.lineOf(badText, noAuthors.lines().findFirst().orElseThrow());
        int warningLine = TestDigests.lineOf(badText, "TL;DR: Error");
        assertTrue(r.out().contains("loaded     " + good + "  2026-03-01  3 papers"), r.out());
        assertTrue(r.out().contains("loaded     " + bad + "  2026-03-02  3 papers"), r.out());
        assertTrue(r.out().contains("1 warnings, 1 rejected"), r.out());
        assertTrue(r.out().contains("  warning: " + bad + ":" + warningLine
                + ": TL;DR is 'Error' (failed summary); recorded as absent"), r.out());
        assertTrue(r.out().contains("  rejected: " + bad + ":" + rejectedLine
                + ": entry has no author line (*A,B,...*)"), r.out());
        assertTrue(r.out().contains("2 digests loaded, 0 unchanged, 0 failed: 6 papers"), r.out());
        assertTrue(r.out().contains("1 warnings, 1 rejected entries"), r.out());

        // every good entry is in the store, the rejected one is not
        Set<String> expected = new TreeSet<>();
        for (String e : List.of(sample.get(0), sample.get(1), sample.get(2), sample.get(3), sample.get(4), failedTldr)) {
            expected.add(arxivId(e));
        }
        assertEquals(expected, storedIds());
        assertFalse(storedIds().contains(arxivId(noAuthors)));

        JsonObject json = JSON.parse(TestDigests.read(report));
        assertFalse(json.get("ok").getAsBoolean().value());
        JsonObject totals = json.get("totals").getAsObject();
        assertEquals(2, num(totals, "digests"));
        assertEquals(2, num(totals, "loaded"));
        assertEquals(0, num(totals, "unchanged"));
        assertEquals(0, num(totals, "failed"));
        assertEquals(6, num(totals, "papers"));
        assertEquals(1, num(totals, "warnings"));
        assertEquals(1, num(totals, "rejected"));
        assertEquals(1, num(totals, "failedSummaryFields"));
        JsonArray files = json.get("files").getAsArray();
        assertEquals(2, files.size());
        JsonObject first = files.get(0).getAsObject();
        assertEquals(good.toString(), str(first, "file"));
        assertEquals("loaded", str(first, "status"));
        assertEquals("2026-03-01", str(first, "date"));
        assertEquals(0, first.get("warnings").getAsArray().size());
        assertEquals(0, first.get("rejected").getAsArray().size());
        assertEquals(0, num(first, "failedSummaryFields"));
        JsonObject second = files.get(1).getAsObject();
        assertEquals(bad.toString(), str(second, "file"));
        assertEquals("loaded", str(second, "status"));
        assertEquals(3, num(second, "papers"));
        assertEquals(1, num(second, "failedSummaryFields"));
        JsonObject warning = second.get("warnings").getAsArray().get(0).getAsObject();
        assertEquals(bad.toString(), str(warning, "file"));
        assertEquals(warningLine, num(warning, "line"));
        assertEquals("TL;DR is 'Error' (failed summary); recorded as absent", str(warning, "message"));
        JsonObject rejected = second.get("rejected").getAsArray().get(0).getAsObject();
        assertEquals(bad.toString(), str(rejected, "file"));
        assertEquals(rejectedLine, num(rejected, "line"));
        assertEquals("entry has no author line (*A,B,...*)", str(rejected, "message"));
    }

    @Test
    void aDigestWithoutADayIsRefusedAndTheCommandLineSaysHowToGiveIt() {
        Path undated = TestDigests.write(digests.resolve("today.md"), TestDigests.digest(List.of(sample.get(5))));
        var r = KgCommandLineTest.kg("build", "--store", store.toString(), undated.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED     " + undated), r.out());
        assertTrue(r.out().contains("no date (YYYY-MM-DD) in the file name"), r.out());
        assertTrue(r.out().contains("--date YYYY-MM-DD"), "the CLI phrases the fix: " + r.out());
        var given = KgCommandLineTest.kg("build", "--store", store.toString(), "--date", "2026-03-09", undated.toString());
        assertEquals(0, given.exit(), given.out() + given.err());
    }

    @Test
    void strictRejectsTheWholeDigestAndKeepsItsPreviousGraph() {
        Path day = TestDigests.write(digests, "2026-03-02", List.of(sample.get(3), sample.get(4)));
        var first = KgCommandLineTest.kg("build", "--store", store.toString(), day.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        DatasetGraph before = TestDigests.snapshot(store);

        TestDigests.write(day, badText);
        Path report = tmp.resolve("strict.json");
        var r = KgCommandLineTest.kg("build", "--store", store.toString(), "--strict", "--report", report.toString(),
                day.toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED     " + day), r.out());
        assertTrue(r.out().contains("refused in strict mode"), r.out());
        assertTrue(r.out().contains("0 digests loaded, 0 unchanged, 1 failed"), r.out());
        assertTrue(IsoMatcher.isomorphic(before, TestDigests.snapshot(store)), "the previous graph is untouched");
        assertEquals(Set.of(arxivId(sample.get(3)), arxivId(sample.get(4))), storedIds());

        JsonObject json = JSON.parse(TestDigests.read(report));
        assertEquals(1, num(json.get("totals").getAsObject(), "failed"));
        JsonObject file = json.get("files").getAsArray().get(0).getAsObject();
        assertEquals("failed", str(file, "status"));
        assertEquals("2026-03-02", str(file, "date"));
        assertTrue(str(file, "error").contains("strict mode"), str(file, "error"));

        // without --strict the same digest loads what was good, and still exits 1 for its rejected entry
        var lenient = KgCommandLineTest.kg("build", "--store", store.toString(), day.toString());
        assertEquals(1, lenient.exit(), lenient.out());
        assertTrue(lenient.out().contains("loaded     " + day + "  2026-03-02  3 papers"), lenient.out());
        assertTrue(storedIds().contains(arxivId(failedTldr)));
    }

    @Test
    void aCleanBuildExitsZeroAndWarningsAloneDoNotFailIt() {
        Path report = tmp.resolve("clean.json");
        var r = KgCommandLineTest.kg("build", "--store", store.toString(), "--report", report.toString(), digests.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonObject json = JSON.parse(TestDigests.read(report));
        assertTrue(json.get("ok").getAsBoolean().value());
        assertEquals(0, num(json.get("totals").getAsObject(), "rejected"));
        assertEquals(0, num(json.get("totals").getAsObject(), "warnings"));

        var again = KgCommandLineTest.kg("build", "--store", store.toString(), digests.toString());
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("unchanged  " + digests.resolve("2026-03-01.md")), again.out());
        assertTrue(again.out().contains("0 digests loaded, 1 unchanged, 0 failed"), again.out());

        // a failed summary is a warning: reported, loaded, exit 0 (--strict would refuse it)
        Path warned = TestDigests.write(digests, "2026-03-03", List.of(failedTldr));
        var w = KgCommandLineTest.kg("build", "--store", store.toString(), "-q", warned.toString());
        assertEquals(0, w.exit(), w.out());
        assertTrue(w.out().contains("  warning: " + warned + ":"), w.out());
        assertTrue(w.out().contains("1 digests loaded, 0 unchanged, 0 failed: 1 papers"), w.out());
        assertEquals(1, KgCommandLineTest.kg("build", "--store", store.toString(), "--strict",
                TestDigests.write(digests, "2026-03-04", List.of(failedTldr)).toString()).exit());
    }

    private Set<String> storedIds() {
        var r = KgCommandLineTest.kg("query", "--store", store.toString(), "--format", "tsv", "-e",
                "SELECT ?id { ?p <https://w3id.org/digest-kg/ontology#arxivId> ?id }");
        assertEquals(0, r.exit(), r.err());
        Set<String> ids = new TreeSet<>();
        r.out().lines().skip(1).forEach(l -> ids.add(l.strip().replaceAll("^\"|\"$", "")));
        return ids;
    }

    private static String arxivId(String entry) {
        Matcher m = ARXIV.matcher(entry);
        assertTrue(m.find(), entry);
        return m.group(1).replaceFirst("v\\d+$", "");
    }

    private static String dropLine(String text, int index) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.remove(index);
        return String.join("\n", lines);
    }

    private static long num(JsonObject o, String key) {
        return o.get(key).getAsNumber().value().longValue();
    }

    private static String str(JsonObject o, String key) {
        return o.get(key).getAsString().value();
    }
}
