package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A digest may hold control characters (the build keeps them, with a warning). Every syntax that can carry them
 * writes them; RDF/XML, whose XML 1.0 cannot, says which statement stands in the way and writes nothing.
 */
class ControlCharacterExportTest {

    @TempDir
    static Path tmp;
    static GraphStore store;

    @BeforeAll
    static void load() {
        String entry = Samples.entries(Samples.feb04()).get(0).replaceFirst("WorldVQA", "World\u001BVQA\u0007");
        Path digest = Samples.write(tmp, "2026-03-01", List.of(entry));
        store = GraphStore.open(tmp.resolve("store"));
        LoadResult r = new DigestLoader(store).load(digest, null);
        assertEquals(LoadResult.Status.LOADED, r.status(), r.toString());
        assertTrue(!r.warnings().isEmpty(), "the build warns about the control character");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(value = RdfSyntax.class, names = "RDFXML", mode = EnumSource.Mode.EXCLUDE)
    void syntaxesThatCanCarryControlCharactersWriteThem(RdfSyntax format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(store).export(format, null, out);
        RDFParser parser = RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(format.lang()).build();
        DatasetGraph original = DigestLoaderTest.snapshot(store);
        if (format.keepsGraphs()) {
            DatasetGraph back = DatasetGraphFactory.createGeneral();
            parser.parse(back);
            assertTrue(IsoMatcher.isomorphic(original, back), format.toString());
        } else {
            var back = GraphFactory.createDefaultGraph();
            parser.parse(back);
            assertTrue(IsoMatcher.isomorphic(original.getUnionGraph(), back), format.toString());
        }
    }

    @Test
    void rdfXmlNamesTheStatementItCannotCarryAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var e = assertThrows(IllegalStateException.class, () -> new Exporter(store).export(RdfSyntax.RDFXML, null, out));
        assertTrue(e.getMessage().contains("U+001B"), e.getMessage());
        assertTrue(e.getMessage().contains("<https://w3id.org/digest-kg/paper/2602.02537> <http://purl.org/dc/terms/title>"
                + " \"World\\u001BVQA\\u0007: Measuring"), e.getMessage());
        assertEquals(0, out.size(), "not a byte of a document that could not be finished");
    }
}
