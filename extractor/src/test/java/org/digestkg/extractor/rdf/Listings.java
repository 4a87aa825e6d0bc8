package org.digestkg.extractor.rdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.digestkg.extractor.model.ArxivId;
import org.digestkg.extractor.model.Digest;
import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Note;
import org.digestkg.extractor.model.Paper;

/** Hand-built digests and listings for the rdf tests, so they do not depend on the parser. */
final class Listings {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Listings() {
    }

    static Digest digest(String day) {
        return new Digest(LocalDate.parse(day), "data/" + day + ".md", SHA);
    }

    /** A builder of one entry, with the fields of the first entry of data/2026-02-04.md by default. */
    static Builder paper(String arxiv) {
        return new Builder(arxiv);
    }

    static final class Builder {
        int line = 14;
        int rank = 1;
        String section = "cs.CV";
        String link;
        ArxivId id;
        String title = "WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models";
        List<String> authors = List.of("Runjie Zhou", "Youbo Shao", "Haoyu Lu");
        String mainCategory = "cs.CV";
        final Map<Field, String> fields = new LinkedHashMap<>();
        final List<Note> notes = new ArrayList<>();
        final Set<Field> failed = EnumSet.noneOf(Field.class);
        List<String> categories = List.of();
        List<String> code = List.of();
        List<String> identities = List.of();

        Builder(String arxiv) {
            if (arxiv != null) {
                link = "https://arxiv.org/abs/" + arxiv;
                id = ArxivId.parse(arxiv).orElseThrow();
            }
        }

        Builder link(String url) {
            link = url;
            id = ArxivId.fromUrl(url).orElse(null);
            return this;
        }

        Builder line(int n) { line = n; return this; }
        Builder rank(int n) { rank = n; return this; }
        Builder section(String s) { section = s; return this; }
        Builder title(String s) { title = s; return this; }
        Builder authors(String... names) { authors = List.of(names); return this; }
        Builder mainCategory(String s) { mainCategory = s; return this; }
        /** "Error" marks a failed field, as the parser reports it. */
        Builder field(Field f, String text) {
            if (text.equals("Error")) failed.add(f); else fields.put(f, text);
            return this;
        }
        Builder note(String label, String text) { notes.add(new Note(label, text)); return this; }
        Builder categories(String... codes) { categories = List.of(codes); return this; }
        Builder code(String... links) { code = List.of(links); return this; }
        Builder identities(String... names) { identities = List.of(names); return this; }

        Paper build() {
            return new Paper(line, rank, section, link, id, title, authors, mainCategory, fields, notes, failed,
                    categories, code, identities);
        }
    }

    /** Records every quad the mapper emits, duplicates included, and whether it touched the stream's life cycle. */
    static final class Recorder extends StreamRDFBase {
        final List<Quad> quads = new ArrayList<>();
        int starts;
        int finishes;

        @Override public void quad(Quad quad) { quads.add(quad); }
        @Override public void triple(org.apache.jena.graph.Triple triple) { throw new AssertionError("triple outside a graph: " + triple); }
        @Override public void start() { starts++; }
        @Override public void finish() { finishes++; }

        DatasetGraph dataset() {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            quads.forEach(dsg::add);
            return dsg;
        }
    }

    static Node iri(String path) {
        return NodeFactory.createURI(path.startsWith("http") ? path : DKG.BASE + path);
    }

    static Set<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toSet();
    }

    static Node only(Graph g, Node s, Node p) {
        Set<Node> o = objects(g, s, p);
        if (o.size() != 1) throw new AssertionError("expected one " + p + " of " + s + ", got " + o);
        return o.iterator().next();
    }

    static Set<Node> predicates(Graph g, Node s) {
        return g.find(s, Node.ANY, Node.ANY).mapWith(t -> t.getPredicate()).toSet();
    }

    static Set<String> lexicals(Set<Node> nodes) {
        return nodes.stream().map(Node::getLiteralLexicalForm).collect(Collectors.toSet());
    }
}
