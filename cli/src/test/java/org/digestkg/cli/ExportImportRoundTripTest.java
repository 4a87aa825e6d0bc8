package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.digestkg.storage.RdfImport;
import org.digestkg.storage.RdfSyntax;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kg export} in every format, then {@code kg build} of that export into a fresh store, gives the same
 * graph: quad formats the same named graphs, triple formats the same union.
 */
class ExportImportRoundTripTest {

    @TempDir
    static Path tmp;
    static Path original;
    static DatasetGraph originalQuads;

    @BeforeAll
    static void buildTheSamples() {
        original = tmp.resolve("original");
        var r = KgCommandLineTest.kg("build", "--store", original.toString(), SampleOracle.root().resolve("data").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        originalQuads = TestDigests.snapshot(original);
    }

    @ParameterizedTest
    @EnumSource(RdfSyntax.class)
    void exportThenBuildGivesAnIsomorphicGraph(RdfSyntax format) {
        exportThenBuild(format, tmp.resolve("kg." + format.extension()));
    }

    @ParameterizedTest
    @EnumSource(value = RdfSyntax.class, names = {"NQ", "TTL", "JSONLD"})
    void gzipFilesExportAndBuildTheSame(RdfSyntax format) throws Exception {
        Path file = tmp.resolve("kg." + format.extension() + ".gz");
        exportThenBuild(format, file);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            assertTrue(in.readAllBytes().length > Files.size(file), "the file is compressed");
        }
    }

    /** Exports to {@code file}, the format coming from its name alone, and builds a new store from it. */
    private void exportThenBuild(RdfSyntax format, Path file) {
        var exported = KgCommandLineTest.kg("export", "--store", original.toString(), "--out", file.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(exported.err().contains("(" + format.name().toLowerCase(Locale.ROOT) + ")"),
                "the format comes from the extension: " + exported.err());

        Path copy = tmp.resolve("copy-" + file.getFileName());
        var built = KgCommandLineTest.kg("build", "--store", copy.toString(), file.toString());
        assertEquals(0, built.exit(), built.out() + built.err());
        long expected = format.keepsGraphs() ? originalQuads.stream().count() : originalQuads.getUnionGraph().size();
        assertTrue(built.out().contains(String.format("imported   %s  (%,d quads", file, expected)), built.out());

        DatasetGraph back = TestDigests.snapshot(copy);
        if (format.keepsGraphs()) {
            assertTrue(IsoMatcher.isomorphic(originalQuads, back), format + ": every digest graph as it was");
        } else {
            List<org.apache.jena.graph.Node> graphs = org.apache.jena.atlas.iterator.Iter.toList(back.listGraphNodes());
            assertEquals(List.of(RdfImport.graphFor(file)), graphs, "one graph named after the file");
            assertTrue(IsoMatcher.isomorphic(union(originalQuads), union(back)), format + ": the same union");
        }
    }

    @Test
    void aFolderMixesDigestsAndImportsAndABrokenFileChangesNothing() throws Exception {
        Path folder = tmp.resolve("mixed");
        Files.createDirectories(folder);
        Path nq = folder.resolve("kg.nq");
        assertEquals(0, KgCommandLineTest.kg("export", "--store", original.toString(), "--format", "nq",
                "--out", nq.toString()).exit());
        Files.writeString(folder.resolve("notes.txt"), "not picked up");
        Path store = tmp.resolve("mixed-store");
        Path report = tmp.resolve("mixed.json");
        var r = KgCommandLineTest.kg("build", "--store", store.toString(), "--report", report.toString(), folder.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("imported   " + nq), r.out());
        assertTrue(r.out().contains("1 RDF files imported, 0 failed"), r.out());
        JsonObject json = JSON.parse(TestDigests.read(report));
        assertEquals(1, json.get("totals").getAsObject().get("imports").getAsNumber().value().intValue());
        assertEquals("imported", json.get("imports").getAsArray().get(0).getAsObject().get("status").getAsString().value());
        assertTrue(IsoMatcher.isomorphic(originalQuads, TestDigests.snapshot(store)));

        // the imported digests are the stored digests: building the markdown again changes nothing
        var md = KgCommandLineTest.kg("build", "--store", store.toString(), SampleOracle.root().resolve("data").toString());
        assertEquals(0, md.exit(), md.out());
        assertTrue(md.out().contains("0 digests loaded, 2 unchanged"), md.out());

        // a file that breaks at line 3 fails with file:line, the build exits 1, and the store is as it was
        Path broken = tmp.resolve("broken.nq");
        List<String> lines = Files.readAllLines(nq).subList(0, 2);
        Files.writeString(broken, String.join("\n", lines) + "\n<https://example.org/s> <https://example.org/p> .\n");
        var bad = KgCommandLineTest.kg("build", "--store", store.toString(), broken.toString());
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().contains("FAILED     " + broken + "\n  " + broken + ":3:"), bad.out());
        assertTrue(bad.out().contains("0 RDF files imported, 1 failed"), bad.out());
        assertTrue(IsoMatcher.isomorphic(originalQuads, TestDigests.snapshot(store)));
        assertFalse(bad.out().contains("digests loaded"), "no digest part in a build of RDF files only: " + bad.out());
    }

    @Test
    void helpSaysWhereImportsGo() {
        var r = KgCommandLineTest.kg("build", "--help");
        assertTrue(r.out().contains(RdfImport.GRAPH_BASE + "<file name>"), r.out());
    }

    private static Graph union(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }
}
