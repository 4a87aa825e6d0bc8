package org.digestkg.extractor.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the digest-kg ontology ({@code ontology/digest.ttl}), named as their local names
 * ({@code DKG.arxivComment} is {@code dkg:arxivComment}). The standard terms it reuses are in {@link DCTERMS},
 * {@link FOAF}, {@link SKOS}, {@link RDF} and {@link RDFS}; {@link Prefixes} names every namespace.
 */
public final class DKG {

    public static final String NS = "https://w3id.org/digest-kg/ontology#";
    /** The ontology document itself ({@code ontology/digest.ttl}). */
    public static final String ONTOLOGY = "https://w3id.org/digest-kg/ontology";
    /** Base of every resource IRI the graph mints: papers, authors, categories, digests. */
    public static final String BASE = "https://w3id.org/digest-kg/";

    // classes
    public static final Node Paper = term("Paper");
    public static final Node Author = term("Author");
    public static final Node Authorship = term("Authorship");
    public static final Node Digest = term("Digest");
    public static final Node Appearance = term("Appearance");
    public static final Node CategoryCount = term("CategoryCount");
    public static final Node Note = term("Note");

    // paper
    public static final Node arxivId = term("arxivId");
    public static final Node mainCategory = term("mainCategory");
    public static final Node authorship = term("authorship");
    public static final Node arxivComment = term("arxivComment");
    public static final Node keywords = term("keywords");
    public static final Node translatedTitle = term("translatedTitle");
    public static final Node abstractTranslation = term("abstractTranslation");
    public static final Node note = term("note");
    /** Every arXiv category of the paper (the primary is also its {@link #mainCategory}). */
    public static final Node arxivCategory = term("arxivCategory");
    public static final Node codeRepository = term("codeRepository");
    /** The arXiv DOI, {@code 10.48550/arXiv.2602.02537}. */
    public static final Node doi = term("doi");
    /** The DOI's resolver page, {@code https://doi.org/10.48550/arXiv.2602.02537}. */
    public static final Node doiLink = term("doiLink");
    /** The paper's record in dblp, for computer science papers. */
    public static final Node dblpRecord = term("dblpRecord");

    // authorship
    public static final Node author = term("author");
    public static final Node position = term("position");
    public static final Node printedName = term("printedName");

    // appearance: one paper listed in one digest
    public static final Node paper = term("paper");
    public static final Node digest = term("digest");
    public static final Node rank = term("rank");
    public static final Node section = term("section");
    public static final Node sourceLine = term("sourceLine");
    public static final Node arxivVersion = term("arxivVersion");
    public static final Node tldr = term("tldr");
    public static final Node motivation = term("motivation");
    public static final Node method = term("method");
    public static final Node result = term("result");
    public static final Node conclusion = term("conclusion");
    public static final Node failedField = term("failedField");
    /** Super-property of the five generated summary fields (tldr, motivation, method, result, conclusion). */
    public static final Node summary = term("summary");

    // digest
    public static final Node sourceFile = term("sourceFile");
    public static final Node sha256 = term("sha256");
    public static final Node categoryCount = term("categoryCount");
    public static final Node category = term("category");
    public static final Node claimedCount = term("claimedCount");
    public static final Node foundCount = term("foundCount");

    private DKG() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
