package org.digestkg.extractor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.extractor.rdf.FOAF;
import org.digestkg.extractor.rdf.RdfMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dialect, parsed and mapped: the graph conforms to the shipped shapes, and every text the parser kept (each
 * field, each note, each failed field) is in the graph. A parser output the mapper cannot take shows up here.
 */
class DialectsToRdfTest {

    private static Shapes shapes;

    @BeforeAll
    static void loadShapes() throws IOException {
        try (InputStream in = DialectsToRdfTest.class.getResourceAsStream("/ontology/shapes.ttl")) {
            assertNotNull(in, "shapes on the classpath");
            Graph g = GraphMemFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            shapes = Shapes.parse(g);
        }
    }

    static java.util.stream.Stream<DialectContractTest.Dialect> dialects() {
        return DialectContractTest.dialects();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void mappedGraphConformsAndHoldsEveryText(DialectContractTest.Dialect d) {
        RecordingSink parsed = d.parse();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        DigestParser.create().source(d.path()).date(java.time.LocalDate.of(2026, 3, 1)).sourceName(d.file).build()
                .parse(new RdfMapper(StreamRDFLib.dataset(dsg)));
        Graph g = GraphMemFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));

        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        assertTrue(report.conforms(), () -> d.file + "\n" + report.getEntries().stream().map(ReportEntry::toString)
                .collect(Collectors.joining("\n")));

        Set<String> literals = g.find().toList().stream().map(Triple::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).collect(Collectors.toSet());
        long notes = 0;
        long failed = 0;
        for (Paper p : parsed.papers) {
            assertTrue(literals.contains(p.title()), d.file + " title " + p.title());
            p.fields().forEach((f, v) -> assertTrue(literals.contains(v), d.file + " " + f + " " + v));
            for (Note n : p.notes()) {
                assertTrue(literals.contains(n.text()) && literals.contains(n.label()), d.file + " " + n);
            }
            notes += p.notes().size();
            failed += p.failed().size();
        }
        assertEquals(notes, g.find(Node.ANY, DKG.note, Node.ANY).toList().size(), d.file + " notes");
        assertEquals(failed, g.find(Node.ANY, DKG.failedField, Node.ANY).toList().size(), d.file + " failed fields");
        List<Paper> withoutId = parsed.papers.stream().filter(p -> p.arxivId() == null).toList();
        withoutId.forEach(p -> assertTrue(g.find(Node.ANY, FOAF.page, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isURI() && t.getObject().getURI().equals(p.link())), d.file + " " + p.link()));
    }
}
