package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every graph the store holds conforms to ontology/shapes.ttl: each digest's graph, and their union. */
class ShapesConformanceTest {

    @TempDir
    Path tmp;

    static Shapes shapes() {
        return Conformance.shapes(Samples.root().resolve("ontology/shapes.ttl"));
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

    @Test
    void theShippedShapesAreTheRepositorysAndAViolationIsReportedWithItsNodeAndGraph() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            new DigestLoader(store).load(Samples.feb23(), null);
            assertTrue(Conformance.check(store, Conformance.shippedShapes(), 10).conforms());
            Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.ttl"),
                    "<https://w3id.org/digest-kg/paper/not-an-id> a <https://w3id.org/digest-kg/ontology#Paper> .\n");
            assertTrue(new RdfImport(store).load(bad).clean());
            Conformance.Report report = Conformance.check(store, Conformance.shippedShapes(), 10);
            assertFalse(report.conforms());
            assertEquals(2, report.graphs());
            assertTrue(report.first().stream().anyMatch(v -> v.graph().equals("<" + RdfImport.graphFor(bad).getURI() + ">")
                    && v.focus().equals("https://w3id.org/digest-kg/paper/not-an-id")), report.toString());
            assertTrue(report.first().stream().anyMatch(v -> v.graph().equals("union")), "the union too: " + report);
        }
    }

    private static void assertConforms(GraphStore store, LocalDate... days) {
        Conformance.Report report = Conformance.check(store, shapes(), 20);
        assertEquals(days.length, report.graphs(), "every digest's graph was checked");
        assertTrue(report.conforms(), "every graph and the union conform to shapes.ttl: " + report.first());
    }
}
