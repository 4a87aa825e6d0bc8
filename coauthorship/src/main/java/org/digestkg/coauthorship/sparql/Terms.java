package org.digestkg.coauthorship.sparql;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.NodeValue;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.CoauthorNetwork;

/** The RDF terms the property functions answer with. */
final class Terms {

    private Terms() {
    }

    static Node author(CoauthorGraph graph, int author) {
        return NodeFactory.createURI(graph.author(author).iri());
    }

    /**
     * The author's name as the network knows it (their {@code foaf:name}): returning it saves the query one look-up
     * per row, most of the time of a long co-author list.
     */
    static Node name(CoauthorGraph graph, int author) {
        return NodeFactory.createLiteralString(graph.author(author).name());
    }

    /**
     * Made once: a neighbourhood of 56,000 people answers 56,000 distances of 1 or 2, and each new literal was turned
     * into decimal digits and parsed back when the query compared or summed it, the top of a profile of
     * {@code two-hop-size.rq}. A literal made once keeps its parsed value.
     */
    private static final Node[] SMALL_INTEGERS = IntStream.range(0, 1024)
            .mapToObj(n -> NodeValue.makeInteger(n).asNode()).toArray(Node[]::new);

    static Node integer(long n) {
        return n >= 0 && n < SMALL_INTEGERS.length ? SMALL_INTEGERS[(int) n] : NodeValue.makeInteger(n).asNode();
    }

    /** The weight as xsd:decimal rounded to 6 places, as {@code ROUND(w * 1000000) / 1000000} gives in SPARQL. */
    static Node weight(double weight) {
        return NodeValue.makeDecimal(BigDecimal.valueOf(CoauthorNetwork.roundedWeight(weight), 6)).asNode();
    }
}
