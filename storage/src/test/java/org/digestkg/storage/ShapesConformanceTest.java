package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every graph the store holds conforms to ontology/shapes.ttl: each digest's graph, and their union. */
class ShapesConformanceTest {

    @TempDir
    Path tmp;

    static Shapes shapes() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(Samples.root().resolve("ontology/shapes.ttl")).parse(g);
        return Shapes.parse(g);
    }

    @Test
    void theSampleDigestsConform() {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(Samples.feb04(), null);
            loader.load(Samples.feb23(), null);
            assertConforms(store, LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 23));
        }
    }

    @Test
    void aRelistedPaperStillConformsInEveryGraphAndTheUnion() {
        Path early = Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e));
        Path late = Samples.write(tmp, "2026-03-05", Samples.firstEntries(2, e -> e.replace("[WorldVQA:", "[WorldVQA v2:")
                .replace("*Runjie Zhou,", "*Someone Else,Runjie Zhou,")));
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(late, null);
            loader.load(early, null);
            assertConforms(store, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5));
            loader.remove(LocalDate.of(2026, 3, 5));
            assertConforms(store, LocalDate.of(2026, 3, 1));
        }
    }

    private static void assertConforms(GraphStore store, LocalDate... days) {
        Shapes shapes = shapes();
        Txn.executeRead(store.datasetGraph(), () -> {
            for (LocalDate day : days) {
                check(shapes, store.datasetGraph().getGraph(Iris.digest(day)), "graph of " + day);
            }
            check(shapes, store.datasetGraph().getUnionGraph(), "union");
        });
    }

    private static void check(Shapes shapes, Graph graph, String what) {
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        if (!report.conforms()) ShLib.printReport(report);
        assertTrue(report.conforms(), what + " conforms to shapes.ttl");
    }
}
