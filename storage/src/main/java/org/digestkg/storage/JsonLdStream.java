package org.digestkg.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.atlas.lib.NotImplemented;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes JSON-LD 1.1 in expanded form as statements stream past, so an export of millions of quads needs no more
 * memory than one of ten: Jena's JSON-LD writers build the whole document in memory first.
 * <p>
 * The document is a top-level array: each named graph is a node object {@code {"@id": graph, "@graph": [...]}}, each
 * subject in it a node object with its properties; triples of the default graph are node objects at the top level.
 * Statements arriving grouped by graph and subject (TDB2's GSPO order) give one node object per subject; a subject
 * that comes back later gets another node object, which JSON-LD merges, so the output is right in any order.
 */
public final class JsonLdStream extends StreamRDFBase {

    private final Writer out;
    private Node graph;
    private Node subject;
    private Node predicate;
    private final Set<Node> predicatesOfSubject = new HashSet<>();
    private boolean inGraph;
    private boolean firstTop = true;
    private boolean firstInGraph;
    private long count;

    public JsonLdStream(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Statements written so far. */
    public long count() {
        return count;
    }

    @Override
    public void start() {
        write("[");
    }

    @Override
    public void triple(Triple t) {
        quad(Quad.create(Quad.defaultGraphNodeGenerated, t));
    }

    @Override
    public void quad(Quad q) {
        Node g = q.isDefaultGraph() ? null : q.getGraph();
        Node s = q.getSubject();
        Node p = q.getPredicate();
        if (subject == null || !Objects.equals(g, graph)) {
            closeSubject();
            closeGraph();
            if (g != null) openGraph(g);
            openSubject(s);
        } else if (!s.equals(subject) || !p.equals(predicate) && predicatesOfSubject.contains(p)) {
            // a key must not repeat within one node object: a predicate seen before starts another one
            closeSubject();
            openSubject(s);
        }
        if (!p.equals(predicate)) {
            if (predicate != null) write("]");
            write(predicate == null ? "" : ",");
            writeString(p.getURI());
            write(":[");
            predicate = p;
            predicatesOfSubject.add(p);
        } else {
            write(",");
        }
        object(q.getObject());
        count++;
    }

    @Override
    public void finish() {
        closeSubject();
        closeGraph();
        write("\n]\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openGraph(Node g) {
        openNodeObject(g);
        write("\"@graph\":[");
        graph = g;
        inGraph = true;
        firstInGraph = true;
    }

    private void closeGraph() {
        if (inGraph) write("\n]}");
        inGraph = false;
        graph = null;
    }

    private void openSubject(Node s) {
        openNodeObject(s);
        subject = s;
        predicate = null;
        predicatesOfSubject.clear();
    }

    /** Opens a node object for {@code node} as the next element of its array: a named graph's, or the document's. */
    private void openNodeObject(Node node) {
        boolean first = inGraph ? firstInGraph : firstTop;
        if (inGraph) firstInGraph = false;
        else firstTop = false;
        write(first ? "\n{\"@id\":" : ",\n{\"@id\":");
        writeString(id(node));
        write(",");
    }

    private void closeSubject() {
        if (subject == null) return;
        write("]}");
        subject = null;
        predicate = null;
    }

    private void object(Node o) {
        if (o.isURI() || o.isBlank()) {
            write("{\"@id\":");
            writeString(id(o));
            write("}");
            return;
        }
        if (!o.isLiteral()) throw new NotImplemented("JSON-LD output of " + o);
        write("{\"@value\":");
        writeString(o.getLiteralLexicalForm());
        String lang = o.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            write(",\"@language\":");
            writeString(lang);
        } else if (!XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI())) {
            write(",\"@type\":");
            writeString(o.getLiteralDatatypeURI());
        }
        write("}");
    }

    private static String id(Node n) {
        return n.isBlank() ? "_:" + NodeFmtLib.encodeBNodeLabel(n.getBlankNodeLabel()) : n.getURI();
    }

    private void writeString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        write(b.append('"').toString());
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
