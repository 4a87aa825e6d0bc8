package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The terms of the digest-kg ontology ({@code ontology/digest.ttl}) and the standard ones it reuses. */
public final class DKG {

    private DKG() {
    }

    public static final String NS = "https://w3id.org/digest-kg/ontology#";
    /** The ontology document itself ({@code ontology/digest.ttl}). */
    public static final String ONTOLOGY = "https://w3id.org/digest-kg/ontology";
    /** Base of every resource IRI the graph mints: papers, authors, categories, digests. */
    public static final String BASE = "https://w3id.org/digest-kg/";

    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String FABIO = "http://purl.org/spar/fabio/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    // classes
    public static final Node Paper = dkg("Paper");
    public static final Node Author = dkg("Author");
    public static final Node Authorship = dkg("Authorship");
    public static final Node Digest = dkg("Digest");
    public static final Node Appearance = dkg("Appearance");
    public static final Node CategoryCount = dkg("CategoryCount");
    public static final Node Note = dkg("Note");
    public static final Node Concept = uri(SKOS + "Concept");
    public static final Node ConceptScheme = uri(SKOS + "ConceptScheme");
    /** The concept scheme holding the arXiv categories. */
    public static final Node arxivCategories = uri(BASE + "category/");

    // paper
    public static final Node arxivId = dkg("arxivId");
    public static final Node title = uri(DCTERMS + "title");
    public static final Node abstract_ = uri(DCTERMS + "abstract");
    public static final Node creator = uri(DCTERMS + "creator");
    public static final Node page = uri(FOAF + "page");
    public static final Node mainCategory = dkg("mainCategory");
    public static final Node authorship = dkg("authorship");
    public static final Node comment = dkg("arxivComment");
    public static final Node keywords = dkg("keywords");
    public static final Node translatedTitle = dkg("translatedTitle");
    public static final Node abstractTranslation = dkg("abstractTranslation");
    public static final Node note = dkg("note");
    public static final Node noteLabel = uri(RDFS + "label");
    public static final Node noteText = uri(RDF + "value");

    // authorship and author
    public static final Node author = dkg("author");
    public static final Node position = dkg("position");
    public static final Node printedName = dkg("printedName");
    public static final Node name = uri(FOAF + "name");

    // appearance: one paper listed in one digest
    public static final Node paper = dkg("paper");
    public static final Node digest = dkg("digest");
    public static final Node rank = dkg("rank");
    public static final Node section = dkg("section");
    public static final Node sourceLine = dkg("sourceLine");
    public static final Node arxivVersion = dkg("arxivVersion");
    public static final Node tldr = dkg("tldr");
    public static final Node motivation = dkg("motivation");
    public static final Node method = dkg("method");
    public static final Node result = dkg("result");
    public static final Node conclusion = dkg("conclusion");
    public static final Node failedField = dkg("failedField");
    /** Super-property of the five generated summary fields (tldr, motivation, method, result, conclusion). */
    public static final Node summary = dkg("summary");

    // digest
    public static final Node date = uri(DCTERMS + "date");
    public static final Node sourceFile = dkg("sourceFile");
    public static final Node sha256 = dkg("sha256");
    public static final Node categoryCount = dkg("categoryCount");
    public static final Node category = dkg("category");
    public static final Node claimedCount = dkg("claimedCount");
    public static final Node foundCount = dkg("foundCount");

    // categories
    public static final Node notation = uri(SKOS + "notation");
    public static final Node prefLabel = uri(SKOS + "prefLabel");
    public static final Node inScheme = uri(SKOS + "inScheme");

    public static final Node type = uri(RDF + "type");
    public static final Node label = uri(RDFS + "label");

    private static Node dkg(String local) {
        return uri(NS + local);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
