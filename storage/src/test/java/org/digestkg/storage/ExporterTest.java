package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExporterTest {

    @TempDir
    static Path tmp;
    static GraphStore store;
    static long unionTriples;
    static long quads;

    @BeforeAll
    static void load() {
        store = GraphStore.open(tmp.resolve("store"));
        DigestLoader loader = new DigestLoader(store);
        loader.load(Samples.feb04(), null);
        loader.load(Samples.feb23(), null);
        Txn.executeRead(store.datasetGraph(), () -> {
            unionTriples = store.datasetGraph().getUnionGraph().size();
            quads = store.datasetGraph().stream().count();
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(RdfSyntax.class)
    void everyFormatParsesBackToTheSameGraph(RdfSyntax format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new Exporter(store).export(format, null, out);
        RDFParser parser = RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(format.rdfFormat().getLang()).build();
        if (format.keepsGraphs()) {
            DatasetGraph back = DatasetGraphFactory.createGeneral();
            parser.parse(back);
            assertEquals(quads, written);
            assertEquals(quads, back.stream().count());
            DatasetGraph original = DigestLoaderTest.snapshot(store);
            assertTrue(IsoMatcher.isomorphic(original, back), format + " keeps every graph as it is");
        } else {
            Graph back = GraphFactory.createDefaultGraph();
            parser.parse(back);
            assertEquals(unionTriples, written);
            assertEquals(unionTriples, back.size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RdfSyntax.class, names = {"NT", "TTL"})
    void oneGraphAlone(RdfSyntax format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var graph = Iris.digest(LocalDate.of(2026, 2, 23));
        long written = new Exporter(store).export(format, graph, out);
        long expected = Txn.calculateRead(store.datasetGraph(), () -> (long) store.datasetGraph().getGraph(graph).size());
        assertEquals(expected, written);
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(format.rdfFormat().getLang()).parse(back);
        assertEquals(expected, back.size());
    }

    @org.junit.jupiter.api.Test
    void anUnknownGraphIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Exporter(store)
                .export(RdfSyntax.NT, Iris.digest(LocalDate.of(1999, 1, 1)), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("1999-01-01"));
    }
}
