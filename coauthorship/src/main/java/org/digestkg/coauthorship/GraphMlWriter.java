package org.digestkg.coauthorship;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * GraphML in UTF-8, one line per node and per edge, with the keys {@link NetworkExport} describes.
 *
 * <p>Written directly rather than through JGraphT's {@code GraphMLExporter} or the JDK's StAX writer: the document
 * is fixed but for the names and IRIs. For a prolific author's 140,000 links (20 MB) the command took 2.6 s through
 * the exporter (a JAXP transformer, a map of attributes per element) and 1.9 s through StAX. A year's whole network
 * is a million links (150 MB): written through a {@code Writer}, a piece at a time, it took 0.9 s; put together as
 * bytes, with each distinct weight made once, 0.5 s, most of it the kernel's copy into the page cache (each author's
 * id made once as well was slower: arrays of a few bytes cost more to copy than to write digit by digit). The only
 * text from the data is escaped ({@link #text}); the rest is ids and numbers.
 */
final class GraphMlWriter {

    private static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final byte[] NODE_OPEN = ascii("    <node id=\"" + NetworkExport.NODE_PREFIX);
    private static final byte[] LABEL = ascii("\"><data key=\"label\">");
    private static final byte[] PAPERS = ascii("</data><data key=\"papers\">");
    private static final byte[] IRI = ascii("</data><data key=\"iri\">");
    private static final byte[] NODE_CLOSE = ascii("</data></node>\n");
    private static final byte[] EDGE_OPEN = ascii("    <edge id=\"" + NetworkExport.EDGE_PREFIX);
    private static final byte[] SOURCE = ascii("\" source=\"" + NetworkExport.NODE_PREFIX);
    private static final byte[] TARGET = ascii("\" target=\"" + NetworkExport.NODE_PREFIX);
    private static final byte[] WEIGHT = ascii("\"><data key=\"weight\">");
    private static final byte[] JOINT = ascii("</data><data key=\"joint_papers\">");
    private static final byte[] EDGE_CLOSE = ascii("</data></edge>\n");

    private final CoauthorGraph graph;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    /**
     * Weights as text, by value: a year's million links have about 1,500 distinct weights (sums of 1/(n-1) over a
     * few papers), and writing a double as text is the dearest part of a line.
     */
    private final Map<Double, byte[]> weights = new HashMap<>();
    private double lastWeight = Double.NaN;
    private byte[] lastWeightText;

    private GraphMlWriter(CoauthorGraph graph, OutputStream out) {
        this.graph = graph;
        this.out = out;
    }

    static void write(AuthorGraphView view, OutputStream out) throws IOException {
        GraphMlWriter writer = new GraphMlWriter(view.network(), out);
        writer.document(view);
        writer.flush();
    }

    private void document(AuthorGraphView view) throws IOException {
        put(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"" + NS
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + NS + " "
                + NS + "/1.0/graphml.xsd\">\n"));
        // Gephi and Cytoscape read the keys named "label" and "weight" as node label and edge weight
        key("label", "node", "string");
        key("papers", "node", "int");
        key("iri", "node", "string");
        key("weight", "edge", "double");
        key("joint_papers", "edge", "int");
        put(ascii("  <graph edgedefault=\"undirected\">\n"));
        for (int author : view.vertexSet()) {
            put(NODE_OPEN);
            digits(author);
            put(LABEL);
            put(text(graph.author(author).name()));
            put(PAPERS);
            digits(graph.paperCountOf(author));
            put(IRI);
            put(text(graph.author(author).iri()));
            put(NODE_CLOSE);
        }
        // a view's edges are its network's links, all of them, in id order
        for (int link = 0; link < graph.linkCount(); link++) {
            put(EDGE_OPEN);
            digits(link);
            put(SOURCE);
            digits(graph.linkSource(link));
            put(TARGET);
            digits(graph.linkTarget(link));
            put(WEIGHT);
            put(weight(graph.linkWeight(link)));
            put(JOINT);
            digits(graph.linkPapers(link));
            put(EDGE_CLOSE);
        }
        put(ascii("  </graph>\n</graphml>\n"));
    }

    private void key(String name, String target, String type) throws IOException {
        put(ascii("  <key id=\"" + name + "\" for=\"" + target + "\" attr.name=\"" + name + "\" attr.type=\"" + type
                + "\"/>\n"));
    }

    private byte[] weight(double weight) {
        if (weight != lastWeight) { // a paper's links, written together, often share one
            if (weights.size() > 100_000) {
                weights.clear(); // a network of unusual weights: bounded, not cached for ever
            }
            lastWeight = weight;
            lastWeightText = weights.computeIfAbsent(weight, w -> ascii(Double.toString(w)));
        }
        return lastWeightText;
    }

    /** A non-negative int in decimal, as {@link Integer#toString(int)} writes it. */
    private void digits(int value) throws IOException {
        if (buffer.length - used < 11) {
            flushBuffer();
        }
        int start = used;
        do {
            buffer[used++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte b = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = b;
        }
    }

    private void put(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Character data in UTF-8: markup characters escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
    private static byte[] text(String value) {
        int clean = 0;
        while (clean < value.length() && plain(value, clean)) {
            clean++;
        }
        if (clean == value.length()) {
            return value.getBytes(StandardCharsets.UTF_8); // nearly always
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
        return b.toString().getBytes(StandardCharsets.UTF_8);
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
