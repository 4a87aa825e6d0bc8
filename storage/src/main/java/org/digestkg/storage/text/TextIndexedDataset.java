package org.digestkg.storage.text;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Jena's text-indexed dataset over the store, made cheaper for a store whose texts are a small part of its quads.
 * Jena's looks up every quad written, to tell a new quad from one already there (so the index holds each literal
 * once); here only quads whose predicate is indexed go that way, the rest straight to the store. A whole graph
 * removed or cleared drops its literals from the index in one step instead of one by one.
 */
final class TextIndexedDataset extends DatasetGraphText {

    private final PaperTextIndex index;

    TextIndexedDataset(DatasetGraph storage, PaperTextIndex index) {
        // registers the index with TDB2's transactions: prepared before TDB2's commit point, committed after
        super(storage, index, new TextDocProducerTriples(index), false);
        this.index = index;
        // text:query finds its index in the dataset's context (shared with the storage's)
        getContext().set(TextQuery.textIndex, index);
    }

    private boolean indexed(Node predicate) {
        return predicate == null || !predicate.isConcrete() || index.getDocDef().getField(predicate) != null;
    }

    @Override
    public void add(Quad quad) {
        if (indexed(quad.getPredicate())) super.add(quad); else getWrapped().add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (indexed(p)) super.add(g, s, p, o); else getWrapped().add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        if (indexed(quad.getPredicate())) super.delete(quad); else getWrapped().delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (indexed(p)) super.delete(g, s, p, o); else getWrapped().delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (wholeGraph(g, s, p, o)) {
            index.deleteGraph(graphName(g));
            getWrapped().deleteAny(g, s, p, o);
        } else if (!indexed(p)) {
            getWrapped().deleteAny(g, s, p, o);
        } else {
            super.deleteAny(g, s, p, o);
        }
    }

    @Override
    public void removeGraph(Node graph) {
        if (graph != null && graph.isConcrete() && !Quad.isUnionGraph(graph)) {
            index.deleteGraph(graphName(graph));
            getWrapped().removeGraph(graph);
        } else {
            super.removeGraph(graph);
        }
    }

    @Override
    public void clear() {
        index.deleteAll();
        getWrapped().clear();
    }

    private static boolean wholeGraph(Node g, Node s, Node p, Node o) {
        return g != null && g.isConcrete() && !Quad.isUnionGraph(g) && isAny(s) && isAny(p) && isAny(o);
    }

    private static boolean isAny(Node n) {
        return n == null || Node.ANY.equals(n);
    }

    /** The graph as the index names it: the default graph has one name there, whatever it is called here. */
    private static String graphName(Node g) {
        return Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI.getURI()
                : g.isURI() ? g.getURI() : "_:" + g.getBlankNodeLabel();
    }
}
