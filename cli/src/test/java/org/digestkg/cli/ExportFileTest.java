package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg export --out FILE} writes the file whole or not at all: a failure halfway (a statement the syntax cannot
 * carry, a full disk) leaves what was there before and no temporary file; JSON-LD streams, so a large store exports
 * in a small heap.
 */
class ExportFileTest {

    @TempDir
    static Path tmp;
    static Path withControlCharacter;

    @BeforeAll
    static void build() {
        String entry = TestDigests.entries(TestDigests.feb04()).get(0).replaceFirst("WorldVQA", "World\u001BVQA");
        Path digest = TestDigests.write(tmp.resolve("digests"), "2026-03-01", List.of(entry));
        withControlCharacter = tmp.resolve("store");
        var r = KgCommandLineTest.kg("build", "--store", withControlCharacter.toString(), digest.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void anExportThatFailsLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path rdf = dir.resolve("kg.rdf");
        Files.writeString(rdf, "the previous export\n");
        var r = KgCommandLineTest.kg("export", "--store", withControlCharacter.toString(), "--out", rdf.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("U+001B") && r.err().contains("<http://purl.org/dc/terms/title>"), r.err());
        assertTrue(r.err().contains("unchanged"), r.err());
        assertEquals("the previous export\n", Files.readString(rdf));
        assertEquals(List.of(rdf), list(dir), "no temporary file left behind");

        Path fresh = dir.resolve("new.rdf");
        assertEquals(1, KgCommandLineTest.kg("export", "--store", withControlCharacter.toString(), "--out",
                fresh.toString()).exit());
        assertFalse(Files.exists(fresh), "no half file where there was none");
        assertEquals(List.of(rdf), list(dir));
    }

    @Test
    void aFullDiskLeavesNoHalfFileAndSaysWhy() throws Exception {
        // the file-size limit of the shell (ulimit -f, in KiB) stands in for a full disk: the write fails midway
        Path dir = Files.createDirectories(tmp.resolve("full"));
        Path nq = dir.resolve("kg.nq");
        Path big = tmp.resolve("samples");
        assertEquals(0, KgCommandLineTest.kg("build", "-q", "--store", big.toString(),
                SampleOracle.root().resolve("data").toString()).exit());
        Process p = kgProcess(List.of("bash", "-c", "ulimit -f 256 && exec \"$@\"", "kg"),
                List.of("export", "--store", big.toString(), "--out", nq.toString()), null);
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains(nq + " was not written") && err.contains("File too large"), err);
        assertFalse(Files.exists(nq));
        assertEquals(List.of(), list(dir), "no temporary file left behind");
    }

    @Test
    void jsonLdOfManyQuadsStreamsInASmallHeap() throws Exception {
        // 100,000 quads: Jena's in-memory JSON-LD writer fails on them in 128 MB of heap ("Exception while writing
        // JSON-LD 1.1", an OutOfMemoryError inside); the stream needs no more for them than for ten
        int graphs = 10;
        int perGraph = 10_000;
        Path store = tmp.resolve("many");
        try (GraphStore s = GraphStore.open(store)) {
            Txn.executeWrite(s.datasetGraph(), () -> {
                Node p = NodeFactory.createURI("https://example.org/p");
                for (int g = 0; g < graphs; g++) {
                    Node graph = NodeFactory.createURI("https://example.org/graph/" + g);
                    for (int i = 0; i < perGraph; i++) {
                        s.datasetGraph().add(graph, NodeFactory.createURI("https://example.org/s/" + i / 4), p,
                                NodeFactory.createLiteralString("value " + g + "/" + i + " \"quoted\" \\ \n"));
                    }
                }
            });
        }
        Path out = tmp.resolve("many.jsonld");
        Process p = kgProcess(List.of(), List.of("export", "--store", store.toString(), "--out", out.toString()), "-Xmx128m");
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(err.contains("100,000 quads written"), err);
        // the samples' export is parsed back by Jena's JSON-LD reader (ExporterTest); here the JSON is counted
        JsonArray document = JSON.parseAny(Files.newInputStream(out)).getAsArray();
        assertEquals(graphs, document.size());
        long values = 0;
        for (JsonValue graph : document) {
            for (JsonValue node : graph.getAsObject().get("@graph").getAsArray()) {
                values += node.getAsObject().get("https://example.org/p").getAsArray().size();
            }
        }
        assertEquals(graphs * perGraph, values);
    }

    /** {@code kg} in its own JVM, after {@code prefix} (a shell setting a limit), with an optional heap limit. */
    private static Process kgProcess(List<String> prefix, List<String> args, String heap) throws IOException {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heap != null) command.add(heap);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Kg.class.getName()));
        command.addAll(args);
        Assumptions.assumeTrue(prefix.isEmpty() || Files.isExecutable(Path.of("/bin/bash")),
                "skipped: needs bash to set a file-size limit");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
