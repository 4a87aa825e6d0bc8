package org.digestkg.cli;

import static org.digestkg.cli.KgCommandLineTest.kg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg inspect}, and {@code kg build} on real fork digests with the generator's JSONL beside them. */
class InspectAndJsonlTest {

    @TempDir
    Path tmp;

    static Path forks() {
        return SampleOracle.root().resolve("..").resolve("shared").resolve("forks").normalize();
    }

    @Test
    void inspectShowsTheTemplateOfTheGeneratorsOwnDigest() {
        KgCommandLineTest.Run r = kg("inspect", SampleOracle.root().resolve("data/2026-02-04.md").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2026-02-04  template inferred from 147 entries"), r.out());
        for (String row : List.of("Main category +main category +147/147", "TL;DR +tldr +147/147",
                "Details +heading +147/147", "Motivation +motivation +147/147", "Abstract +abstract +147/147")) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().matches(row)), row + " in\n" + r.out());
        }
        assertTrue(r.out().contains("147 papers read, 0 rejected, 0 warnings"), r.out());
    }

    @Test
    void inspectReadsEveryForkAndItsJsonlAgrees() throws IOException {
        assumeTrue(Files.isDirectory(forks()), "no ../shared/forks beside the repository: forks not inspected");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(forks())) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 17, dirs.toString());
        for (Path dir : dirs) {
            KgCommandLineTest.Run r = kg("inspect", dir.toString());
            assertEquals(0, r.exit(), dir + "\n" + r.out() + r.err());
            long digests = r.out().lines().filter(l -> l.startsWith(dir.toString())).count();
            long agreeing = r.out().lines().filter(l -> l.strip().startsWith("checked against ")
                    && l.endsWith(": 0 differences")).count();
            assertTrue(digests > 0, dir + "\n" + r.out());
            assertEquals(digests, agreeing, "every day of " + dir.getFileName() + " agrees with its JSONL\n" + r.out());
            assertFalse(r.out().contains("rejected: "), r.out());
        }
    }

    @Test
    void buildReadsAMarkdownWithItsJsonlAndADayWithOnlyJsonl() throws IOException {
        Path fork = forks().resolve("dw-dengwei");
        assumeTrue(Files.isDirectory(fork), "no ../shared/forks/dw-dengwei: JSONL build not checked");
        Path digests = Files.createDirectories(tmp.resolve("digests"));
        for (String f : List.of("2026-02-10.md", "2026-02-10_AI_enhanced_Chinese.jsonl",
                "2026-06-25_AI_enhanced_Chinese.jsonl")) {
            Files.copy(fork.resolve(f), digests.resolve(f));
        }
        String store = tmp.resolve("store").toString();
        Path report = tmp.resolve("report.json");
        KgCommandLineTest.Run r = kg("build", "--store", store, "--report", report.toString(), digests.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 digests loaded"), "the markdown day and the JSONL-only day\n" + r.out());
        assertTrue(r.out().contains("2026-02-10  28 papers") && r.out().contains("2026-06-25  26 papers"), r.out());

        JsonObject json = JSON.parse(Files.readString(report, StandardCharsets.UTF_8));
        List<String> kinds = json.get("files").getAsArray().stream()
                .map(f -> f.getAsObject().get("template").getAsObject().get("kind").getAsString().value()).toList();
        assertEquals(List.of("inferred", "jsonl"), kinds);
        JsonValue fields = json.get("files").getAsArray().get(0).getAsObject().get("template").getAsObject().get("fields");
        assertTrue(fields.toString().contains("\"label\" : \"TL;DR\"") && fields.toString().contains("\"mapsTo\" : \"tldr\""),
                fields.toString());

        // the JSONL adds every category: the cross-listed papers of the day have more than one
        KgCommandLineTest.Run q = kg("query", "--store", store, "--format", "csv", "-e",
                "PREFIX dkg: <https://w3id.org/digest-kg/ontology#> SELECT (COUNT(*) AS ?n) "
                        + "{ GRAPH <https://w3id.org/digest-kg/digest/2026-02-10> { ?p dkg:arxivCategory ?c } }");
        int categories = Integer.parseInt(q.out().lines().skip(1).findFirst().orElseThrow().strip());
        assertTrue(categories > 28, "cross-lists from the JSONL: " + q.out());
        KgCommandLineTest.Run doi = kg("query", "--store", store, "--format", "csv", "-e",
                "PREFIX dkg: <https://w3id.org/digest-kg/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p dkg:doi ?d }");
        assertEquals("54", doi.out().lines().skip(1).findFirst().orElseThrow().strip(), doi.out());

        // the JSONL-only day's texts reach the search index as a markdown day's do: its abstract, its Chinese TL;DR
        KgCommandLineTest.Run abstractHit = kg("search", "--store", store, "--format", "csv", "\"broad swath\"");
        assertEquals(0, abstractHit.exit(), abstractHit.out() + abstractHit.err());
        assertTrue(abstractHit.out().lines().skip(1).findFirst().orElse("").startsWith("1,2606.25042,2026-06-25,")
                && abstractHit.out().contains(",abstract,"), abstractHit.out());
        KgCommandLineTest.Run tldrHit = kg("search", "--store", store, "--format", "csv", "混合重合恒等式");
        assertTrue(tldrHit.out().lines().skip(1).findFirst().orElse("").startsWith("1,2606.25042,2026-06-25,")
                && tldrHit.out().contains(",tldr,"), tldrHit.out());

        KgCommandLineTest.Run again = kg("build", "--store", store, digests.toString());
        assertTrue(again.out().contains("0 digests loaded, 2 unchanged"), again.out());
        // the hash covers the JSONL: a changed JSONL is a changed digest
        Path jsonl = digests.resolve("2026-02-10_AI_enhanced_Chinese.jsonl");
        Files.writeString(jsonl, Files.readString(jsonl, StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
        KgCommandLineTest.Run changed = kg("build", "--store", store, digests.toString());
        assertTrue(changed.out().contains("1 digests loaded, 1 unchanged"), changed.out());
    }
}
