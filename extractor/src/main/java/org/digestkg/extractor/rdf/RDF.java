package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** RDF ({@code rdf:}) terms the graph uses. Constants are named as the terms' local names. */
public final class RDF {

    public static final String NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static final Node type = term("type");
    public static final Node value = term("value");

    private RDF() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
