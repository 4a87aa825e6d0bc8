package org.digestkg.extractor.rdf;

import java.util.LinkedHashMap;
import java.util.Map;

/** The namespaces of the graph and the prefixes it is written with (Turtle, TriG, SPARQL). */
public final class Prefixes {

    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String FABIO = "http://purl.org/spar/fabio/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private Prefixes() {
    }

    /** Prefix to namespace, in the order they are written: the ontology, the minted resources, the standards. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dkg", DKG.NS);
        m.put("paper", DKG.BASE + "paper/");
        m.put("author", DKG.BASE + "author/");
        m.put("category", DKG.BASE + "category/");
        m.put("digest", DKG.BASE + "digest/");
        m.put("dcterms", DCTERMS.NS);
        m.put("foaf", FOAF.NS);
        m.put("skos", SKOS.NS);
        m.put("xsd", XSD);
        m.put("rdfs", RDFS.NS);
        return m;
    }
}
