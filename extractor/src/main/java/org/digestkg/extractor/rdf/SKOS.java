package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** SKOS ({@code skos:}) terms the graph uses for arXiv categories. Constants are named as the terms' local names. */
public final class SKOS {

    public static final String NS = "http://www.w3.org/2004/02/skos/core#";

    public static final Node Concept = term("Concept");
    public static final Node ConceptScheme = term("ConceptScheme");
    public static final Node notation = term("notation");
    public static final Node prefLabel = term("prefLabel");
    public static final Node inScheme = term("inScheme");

    private SKOS() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
