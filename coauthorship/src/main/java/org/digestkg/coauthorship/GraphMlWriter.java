package org.digestkg.coauthorship;

import java.io.IOException;
import java.io.Writer;

import org.jgrapht.Graph;

/**
 * GraphML, one line per node and per edge, with the keys {@link NetworkExport} describes.
 *
 * <p>Written directly rather than through JGraphT's {@code GraphMLExporter} or the JDK's StAX writer: the document
 * is fixed but for the names and IRIs. For a prolific author's 140,000 links (20 MB) the command took 2.6 s through
 * the exporter (a JAXP transformer, a map of attributes per element) and 1.9 s through StAX, whose part was 0.65 s;
 * writing here takes 0.25 s. The only text from the data is escaped ({@link #text}); the rest is ids and numbers.
 */
final class GraphMlWriter {

    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    private final CoauthorGraph graph;
    private final Writer out;

    private GraphMlWriter(CoauthorGraph graph, Writer out) {
        this.graph = graph;
        this.out = out;
    }

    static void write(CoauthorGraph graph, Graph<Integer, Integer> view, Writer out) throws IOException {
        new GraphMlWriter(graph, out).document(view);
        out.flush();
    }

    private void document(Graph<Integer, Integer> view) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"" + NS
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + NS + " "
                + NS + "/1.0/graphml.xsd\">\n");
        // Gephi and Cytoscape read the keys named "label" and "weight" as node label and edge weight
        key("label", "node", "string");
        key("papers", "node", "int");
        key("iri", "node", "string");
        key("weight", "edge", "double");
        key("joint_papers", "edge", "int");
        out.write("  <graph edgedefault=\"undirected\">\n");
        for (int author : view.vertexSet()) {
            out.write("    <node id=\"");
            out.write(NetworkExport.nodeId(author));
            out.write("\"><data key=\"label\">");
            text(graph.author(author).name());
            out.write("</data><data key=\"papers\">");
            out.write(Integer.toString(graph.paperCountOf(author)));
            out.write("</data><data key=\"iri\">");
            text(graph.author(author).iri());
            out.write("</data></node>\n");
        }
        for (int link : view.edgeSet()) {
            out.write("    <edge id=\"");
            out.write(NetworkExport.edgeId(link));
            out.write("\" source=\"");
            out.write(NetworkExport.nodeId(graph.linkSource(link)));
            out.write("\" target=\"");
            out.write(NetworkExport.nodeId(graph.linkTarget(link)));
            out.write("\"><data key=\"weight\">");
            out.write(Double.toString(graph.linkWeight(link)));
            out.write("</data><data key=\"joint_papers\">");
            out.write(Integer.toString(graph.linkPapers(link)));
            out.write("</data></edge>\n");
        }
        out.write("  </graph>\n</graphml>\n");
    }

    private void key(String name, String target, String type) throws IOException {
        out.write("  <key id=\"" + name + "\" for=\"" + target + "\" attr.name=\"" + name + "\" attr.type=\"" + type
                + "\"/>\n");
    }

    /** Character data: markup characters escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
    private void text(String value) throws IOException {
        int clean = 0;
        while (clean < value.length() && plain(value, clean)) {
            clean++;
        }
        if (clean == value.length()) {
            out.write(value); // nearly always: one call, no copy
            return;
        }
        StringBuilder b = new StringBuilder(value.length() + 16).append(value, 0, clean);
        for (int i = clean; i < value.length(); i++) {
            char c = value.charAt(i);
            if (plain(value, i)) {
                b.append(c);
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
            } else {
                b.append('\uFFFD');
            }
        }
        out.write(b.toString());
    }

    /** A character written as it is: not markup, and allowed in XML 1.0 on its own (not a surrogate half). */
    private static boolean plain(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return c != '&' && c != '<' && c != '>';
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
    }
}
