package org.digestkg.coauthorship;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;

/**
 * Writes (part of) the co-authorship network for Gephi, Cytoscape, yEd or Graphviz.
 *
 * <p>Every format carries the same facts. Nodes: id {@code a<n>}, {@code label} (the name), {@code papers}
 * (paper count) and {@code iri} (the author's IRI in the knowledge graph). Edges: {@code weight} (the fractional
 * collaboration weight, which Gephi's layouts and metrics use, so hyper-authored papers do not pull everyone
 * together) and {@code joint_papers} (the plain count). Node ids are short tokens rather than IRIs because
 * GraphML ids must be XML name tokens.
 */
public final class NetworkExport {

    /**
     * Node ids are this and the author's id (the same in every export of a network); edge ids {@link #EDGE_PREFIX}
     * and the link's id in the network written (an ego network numbers its own links).
     */
    static final char NODE_PREFIX = 'a';
    static final char EDGE_PREFIX = 'e';

    private NetworkExport() {
    }

    /** Writes the whole network, in UTF-8. */
    public static void write(CoauthorGraph graph, NetworkFormat format, OutputStream out) {
        write(graph.asGraph(), format, out);
    }

    /**
     * Writes {@code view} ({@link CoauthorNetwork#wholeNetwork}, {@link CoauthorNetwork#egoNetwork},
     * {@link CoauthorGraph#subgraph}) in UTF-8; flushes {@code out}.
     */
    public static void write(AuthorGraphView view, NetworkFormat format, OutputStream out) {
        CoauthorGraph graph = view.network();
        try {
            switch (format) {
                case GRAPHML -> GraphMlWriter.write(view, out);
                case GEXF -> text(out, w -> gexf(graph).exportGraph(view, w));
                case DOT -> text(out, w -> dot(graph).exportGraph(view, w));
                case CSV -> text(out, w -> csv(graph, view, w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What writes a format as text. */
    private interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private static void text(OutputStream out, TextContent content) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        content.writeTo(writer);
        writer.flush();
    }

    static String nodeId(int author) {
        return NODE_PREFIX + Integer.toString(author);
    }

    static String edgeId(int link) {
        return EDGE_PREFIX + Integer.toString(link);
    }

    private static Map<String, Attribute> nodeAttributes(CoauthorGraph graph, int author) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("label", DefaultAttribute.createAttribute(graph.author(author).name()));
        attributes.put("papers", DefaultAttribute.createAttribute(graph.paperCountOf(author)));
        attributes.put("iri", DefaultAttribute.createAttribute(graph.author(author).iri()));
        return attributes;
    }

    private static GEXFExporter<Integer, Integer> gexf(CoauthorGraph graph) {
        GEXFExporter<Integer, Integer> exporter = new GEXFExporter<>(NetworkExport::nodeId, NetworkExport::edgeId);
        exporter.setCreator("digest-kg");
        exporter.setDescription("Co-authorship network; edge weight = fractional (Newman) collaboration weight");
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        exporter.registerAttribute("papers", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.INTEGER);
        exporter.registerAttribute("iri", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
        exporter.registerAttribute("joint_papers", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.INTEGER);
        exporter.setVertexAttributeProvider(a -> nodeAttributes(graph, a));
        exporter.setEdgeAttributeProvider(
                l -> Map.of("joint_papers", DefaultAttribute.createAttribute(graph.linkPapers(l))));
        return exporter;
    }

    private static DOTExporter<Integer, Integer> dot(CoauthorGraph graph) {
        DOTExporter<Integer, Integer> exporter = new DOTExporter<>(NetworkExport::nodeId);
        exporter.setVertexAttributeProvider(a -> nodeAttributes(graph, a));
        exporter.setEdgeAttributeProvider(l -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            // Graphviz's own "weight" must be an integer, so the joint-paper count goes there and in the label
            attributes.put("label", DefaultAttribute.createAttribute(Integer.toString(graph.linkPapers(l))));
            attributes.put("weight", DefaultAttribute.createAttribute(graph.linkPapers(l)));
            attributes.put("joint_papers", DefaultAttribute.createAttribute(graph.linkPapers(l)));
            attributes.put("newman_weight", DefaultAttribute.createAttribute(graph.linkWeight(l)));
            return attributes;
        });
        return exporter;
    }

    /**
     * {@code source,target,papers,weight}, one line per link, names as node keys (what Cytoscape's table
     * import expects); authors without any co-author do not appear.
     */
    private static void csv(CoauthorGraph graph, Graph<Integer, Integer> view, Writer out) throws IOException {
        out.write("source,target,papers,weight\n");
        for (int link : view.edgeSet()) {
            out.write(csvField(graph.author(graph.linkSource(link)).name()));
            out.write(',');
            out.write(csvField(graph.author(graph.linkTarget(link)).name()));
            out.write(',');
            out.write(Integer.toString(graph.linkPapers(link)));
            out.write(',');
            out.write(sixDecimals(graph.linkWeight(link)));
            out.write('\n');
        }
    }

    /** {@code 0.002506}: fixed six decimals without {@code String.format}, which dominates a million-line export. */
    static String sixDecimals(double value) {
        long micros = Math.round(value * 1_000_000);
        String fraction = Long.toString(micros % 1_000_000);
        return (micros / 1_000_000) + "." + "0".repeat(6 - fraction.length()) + fraction;
    }

    /** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
