package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** FOAF ({@code foaf:}) terms the graph uses. Constants are named as the terms' local names. */
public final class FOAF {

    public static final String NS = "http://xmlns.com/foaf/0.1/";

    public static final Node name = term("name");
    public static final Node page = term("page");
    public static final Node Person = term("Person");

    private FOAF() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
