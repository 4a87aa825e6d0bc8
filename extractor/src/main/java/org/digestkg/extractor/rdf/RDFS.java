package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** RDF Schema ({@code rdfs:}) terms the graph uses. Constants are named as the terms' local names. */
public final class RDFS {

    public static final String NS = "http://www.w3.org/2000/01/rdf-schema#";

    public static final Node label = term("label");
    public static final Node comment = term("comment");
    public static final Node domain = term("domain");
    public static final Node range = term("range");
    public static final Node subClassOf = term("subClassOf");
    public static final Node subPropertyOf = term("subPropertyOf");

    private RDFS() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
