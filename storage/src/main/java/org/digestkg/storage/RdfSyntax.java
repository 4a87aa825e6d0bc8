package org.digestkg.storage;

import java.util.Arrays;
import java.util.Locale;

import org.apache.jena.riot.RDFFormat;

/**
 * The syntaxes {@code kg export} writes. Quad syntaxes keep each digest's named graph; triple syntaxes write the
 * union (or the one graph asked for).
 */
public enum RdfSyntax {
    TTL(RDFFormat.TURTLE_BLOCKS, false, true),
    NT(RDFFormat.NTRIPLES, false, true),
    NQ(RDFFormat.NQUADS, true, true),
    TRIG(RDFFormat.TRIG_BLOCKS, true, true),
    // JSON-LD and RDF/XML writers need the whole graph in memory: there is no streaming writer for them.
    JSONLD(RDFFormat.JSONLD11, true, false),
    RDFXML(RDFFormat.RDFXML_PLAIN, false, false);

    final RDFFormat format;
    final boolean quads;
    final boolean streaming;

    RdfSyntax(RDFFormat format, boolean quads, boolean streaming) {
        this.format = format;
        this.quads = quads;
        this.streaming = streaming;
    }

    /** One statement per line and no prefixes: the store can write these without Jena's writers. */
    public boolean lineBased() {
        return this == NT || this == NQ;
    }

    public boolean keepsGraphs() {
        return quads;
    }

    public RDFFormat rdfFormat() {
        return format;
    }

    public static RdfSyntax parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("/", "");
        return switch (n) {
            case "turtle" -> TTL;
            case "ntriples" -> NT;
            case "nquads" -> NQ;
            case "json", "jsonld" -> JSONLD;
            case "rdf", "xml", "rdfxml", "owl" -> RDFXML;
            default -> Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name
                            + "'; use one of ttl, nt, nq, trig, jsonld, rdfxml"));
        };
    }
}
