package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** DCMI Metadata Terms ({@code dcterms:}) the graph uses. Constants are named as the terms' local names. */
public final class DCTERMS {

    public static final String NS = "http://purl.org/dc/terms/";

    public static final Node title = term("title");
    public static final Node abstract_ = term("abstract");
    public static final Node creator = term("creator");
    public static final Node date = term("date");
    public static final Node identifier = term("identifier");
    public static final Node description = term("description");
    public static final Node subject = term("subject");
    public static final Node isPartOf = term("isPartOf");

    private DCTERMS() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
