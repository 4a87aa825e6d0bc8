package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdfImportTest {

    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void theSyntaxComesFromTheExtension() {
        assertEquals(Lang.TURTLE, RdfImport.langOf(Path.of("kg.ttl")).orElseThrow());
        assertEquals(Lang.NTRIPLES, RdfImport.langOf(Path.of("kg.NT")).orElseThrow());
        assertEquals(Lang.NQUADS, RdfImport.langOf(Path.of("a/kg.nq")).orElseThrow());
        assertEquals(Lang.TRIG, RdfImport.langOf(Path.of("kg.trig")).orElseThrow());
        assertEquals(Lang.JSONLD, RdfImport.langOf(Path.of("kg.jsonld")).orElseThrow());
        for (String n : List.of("kg.rdf", "kg.owl", "kg.xml")) {
            assertEquals(Lang.RDFXML, RdfImport.langOf(Path.of(n)).orElseThrow(), n);
        }
        for (String n : List.of("2026-02-04.md", "notes.markdown", "digest", "kg.json", "ttl")) {
            assertFalse(RdfImport.isRdf(Path.of(n)), n);
        }
        assertEquals("https://w3id.org/digest-kg/import/my%20export%C3%A9.ttl",
                RdfImport.graphFor(Path.of("dir", "my exportÉ.ttl".replace("É", "é"))).getURI());
    }

    @Test
    void aQuadFileReplacesTheGraphsItNamesAndNoOther() throws IOException {
        Path a = Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e));
        Path b = Samples.write(tmp, "2026-03-02", Samples.entries(Samples.feb04()).subList(3, 5));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).load(a, null);
            new DigestLoader(store).load(b, null);
            DatasetGraph before = DigestLoaderTest.snapshot(store);
            Path nq = tmp.resolve("day1.nq");
            export(store, RdfSyntax.NQ, Iris.digest(DAY), nq);

            // importing a graph's own export gives the same store, however often
            for (int i = 0; i < 2; i++) {
                ImportResult r = new RdfImport(store).load(nq);
                assertTrue(r.clean(), r.error());
                assertEquals(List.of(Iris.digest(DAY).getURI()), r.graphs());
                assertTrue(IsoMatcher.isomorphic(before, DigestLoaderTest.snapshot(store)), "import " + i);
            }

            // a smaller graph of that name replaces it whole; the other digest is untouched
            Path small = tmp.resolve("small.nq");
            String g = "<" + Iris.digest(DAY).getURI() + ">";
            Files.writeString(small, "<http://example.org/s> <http://example.org/p> \"only\" " + g + " .\n");
            assertTrue(new RdfImport(store).load(small).clean());
            Txn.executeRead(store.datasetGraph(), () -> {
                assertEquals(1, store.datasetGraph().getGraph(Iris.digest(DAY)).size());
                assertEquals(before.getGraph(Iris.digest(LocalDate.of(2026, 3, 2))).size(),
                        store.datasetGraph().getGraph(Iris.digest(LocalDate.of(2026, 3, 2))).size());
            });
        }
    }

    @Test
    void triplesGoIntoTheGraphNamedAfterTheFile() throws IOException {
        Path trig = tmp.resolve("mixed.trig");
        Files.writeString(trig, """
                <http://example.org/a> <http://example.org/p> 1 .
                <http://example.org/g> { <http://example.org/b> <http://example.org/p> 2 . }
                """);
        Path ttl = tmp.resolve("plain.ttl");
        Files.writeString(ttl, "<http://example.org/c> <http://example.org/p> 3 , 4 .\n");
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            ImportResult t = new RdfImport(store).load(trig);
            assertTrue(t.clean(), t.error());
            assertEquals(2, t.quads());
            ImportResult p = new RdfImport(store).load(ttl);
            assertEquals(List.of("https://w3id.org/digest-kg/import/plain.ttl"), p.graphs());
            assertEquals(2, p.quads());
            Txn.executeRead(store.datasetGraph(), () -> {
                DatasetGraph dsg = store.datasetGraph();
                assertEquals(1, dsg.getGraph(RdfImport.graphFor(trig)).size(), "default-graph triples of a quad file");
                assertEquals(1, dsg.getGraph(NodeFactory.createURI("http://example.org/g")).size());
                assertEquals(2, dsg.getGraph(RdfImport.graphFor(ttl)).size());
                assertEquals(4, dsg.getUnionGraph().size(), "the union sees every import");
            });
            // the file again, changed: its graph is replaced, not added to
            Files.writeString(ttl, "<http://example.org/c> <http://example.org/p> 5 .\n");
            assertTrue(new RdfImport(store).load(ttl).clean());
            Txn.executeRead(store.datasetGraph(), () ->
                    assertEquals(1, store.datasetGraph().getGraph(RdfImport.graphFor(ttl)).size()));
        }
    }

    @Test
    void aFileThatDoesNotParseLeavesTheStoreUntouchedAndNamesFileAndLine() throws IOException {
        Path a = Samples.write(tmp, "2026-03-01", Samples.firstEntries(2, e -> e));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).load(a, null);
            DatasetGraph before = DigestLoaderTest.snapshot(store);
            String g = "<" + Iris.digest(DAY).getURI() + ">";
            // the first lines are good and replace the digest's graph inside the transaction; line 3 is broken
            Path bad = tmp.resolve("broken.nq");
            Files.writeString(bad, "<http://example.org/s> <http://example.org/p> \"one\" " + g + " .\n"
                    + "<http://example.org/s> <http://example.org/p> \"two\" <http://example.org/other> .\n"
                    + "<http://example.org/s> <http://example.org/p> .\n"
                    + "<http://example.org/s> <http://example.org/p> \"four\" " + g + " .\n");
            ImportResult r = new RdfImport(store).load(bad);
            assertFalse(r.clean());
            assertTrue(r.error().startsWith(bad + ":3"), r.error());
            assertTrue(IsoMatcher.isomorphic(before, DigestLoaderTest.snapshot(store)), "nothing of the file was kept");

            Path badTtl = tmp.resolve("broken.ttl");
            Files.writeString(badTtl, "@prefix x: <http://example.org/> .\n\nx:s x:p x:o .\nx:s x:p .\n");
            ImportResult t = new RdfImport(store).load(badTtl);
            assertFalse(t.clean());
            assertTrue(t.error().startsWith(badTtl + ":4"), t.error());
            assertTrue(IsoMatcher.isomorphic(before, DigestLoaderTest.snapshot(store)));

            Path badXml = tmp.resolve("broken.rdf");
            Files.writeString(badXml, "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    + "  <rdf:Description rdf:about=\"http://example.org/s\">\n  </rdf:Descr>\n</rdf:RDF>\n");
            ImportResult x = new RdfImport(store).load(badXml);
            assertFalse(x.clean());
            assertTrue(x.error().startsWith(badXml + ":"), x.error());
            assertTrue(IsoMatcher.isomorphic(before, DigestLoaderTest.snapshot(store)));
        }
    }

    @Test
    void warningsAreReportedAtTheirLineAndStrictRefusesTheFile() throws IOException {
        Path odd = tmp.resolve("odd.ttl");
        Files.writeString(odd, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                + "<http://example.org/s> <http://example.org/p> \"twelve\"^^xsd:integer .\n");
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            ImportResult r = new RdfImport(store).load(odd);
            assertTrue(r.clean(), r.error());
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            assertEquals(2, r.warnings().get(0).line());
            assertEquals(odd.toString(), r.warnings().get(0).file());

            Files.writeString(odd, Files.readString(odd) + "<http://example.org/s> <http://example.org/p> 2 .\n");
            ImportResult strict = new RdfImport(store).strict(true).load(odd);
            assertFalse(strict.clean());
            assertTrue(strict.error().contains("refused in strict mode"), strict.error());
            Txn.executeRead(store.datasetGraph(), () ->
                    assertEquals(1, store.datasetGraph().getGraph(RdfImport.graphFor(odd)).size(), "the earlier import stays"));
        }
    }

    @Test
    void aMissingFileFails() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            ImportResult r = new RdfImport(store).load(tmp.resolve("absent.nq"));
            assertFalse(r.clean());
            assertTrue(r.error().contains("absent.nq"), r.error());
        }
    }

    static void export(GraphStore store, RdfSyntax format, Node graph, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new Exporter(store).export(format, graph, out);
        }
    }
}
