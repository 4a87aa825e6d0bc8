package org.digestkg.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Checks the store against SHACL shapes with Jena's SHACL engine: by default {@code ontology/shapes.ttl}, which
 * ships in the jar. Each named graph is checked on its own (a digest's graph must conform by itself) and then the
 * union, which queries see.
 */
public final class Conformance {

    /** Where the shipped shapes are on the class path. */
    public static final String SHAPES = "/ontology/shapes.ttl";

    /** One violation: the graph it is in ({@code union} for the union), the node, the property path, the message. */
    public record Violation(String graph, String focus, String path, String message) {
    }

    /**
     * What a check found.
     *
     * @param graphs     named graphs checked (the union is checked besides)
     * @param violations all violations found
     * @param first      the first ones, as many as were asked for
     */
    public record Report(int graphs, long violations, List<Violation> first) {
        public Report {
            first = List.copyOf(first);
        }

        public boolean conforms() {
            return violations == 0;
        }
    }

    private Conformance() {
    }

    /** The shapes every graph digest-kg writes satisfies ({@code ontology/shapes.ttl}). */
    public static Shapes shippedShapes() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Conformance.class.getResourceAsStream(SHAPES)) {
            if (in == null) throw new IllegalStateException(SHAPES + " is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Shapes.parse(g);
    }

    /** Shapes from a Turtle (or other RDF) file. */
    public static Shapes shapes(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        return Shapes.parse(g);
    }

    /**
     * Checks every named graph and the union.
     *
     * @param keep how many violations to keep for the report (all are counted)
     */
    public static Report check(GraphStore store, Shapes shapes, int keep) {
        var dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            List<Violation> first = new ArrayList<>();
            long count = 0;
            List<Node> graphs = Iter.toList(dsg.listGraphNodes());
            for (Node g : graphs) {
                count += check(shapes, dsg.getGraph(g), "<" + g.getURI() + ">", first, keep);
            }
            count += check(shapes, dsg.getUnionGraph(), "union", first, keep);
            return new Report(graphs.size(), count, first);
        });
    }

    private static long check(Shapes shapes, Graph graph, String name, List<Violation> first, int keep) {
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        for (ReportEntry e : report.getEntries()) {
            if (first.size() >= keep) break;
            first.add(new Violation(name, e.focusNode().toString(), e.resultPath() == null ? "" : e.resultPath().toString(),
                    e.message()));
        }
        return report.getEntries().size();
    }
}
