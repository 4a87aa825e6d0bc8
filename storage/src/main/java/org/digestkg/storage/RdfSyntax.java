package org.digestkg.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The RDF syntaxes {@code kg export} writes and {@code kg build} imports, with their file extensions. Quad syntaxes
 * keep each digest's named graph; triple syntaxes write the union (or the one graph asked for). A file name may
 * end in {@code .gz} after the extension: the file is gzip-compressed.
 */
public enum RdfSyntax {
    TTL(false, true, "ttl"),
    NT(false, true, "nt"),
    NQ(true, true, "nq"),
    TRIG(true, true, "trig"),
    // written by JsonLdStream, one node object at a time: Jena's JSON-LD writers hold the whole dataset in memory
    JSONLD(true, true, "jsonld"),
    // Jena's RDF/XML writer needs the graph in memory: there is no streaming writer for it
    RDFXML(false, false, "rdf", "owl", "xml");

    private static final String GZIP = ".gz";

    final boolean quads;
    final boolean streaming;
    private final List<String> extensions;

    RdfSyntax(boolean quads, boolean streaming, String... extensions) {
        this.quads = quads;
        this.streaming = streaming;
        this.extensions = List.of(extensions);
    }

    /** One statement per line and no prefixes: the store can write these without Jena's writers. */
    public boolean lineBased() {
        return this == NT || this == NQ;
    }

    public boolean keepsGraphs() {
        return quads;
    }

    /**
     * Jena's format for it. Named here rather than held by each constant: Jena's formats initialise the whole of Jena
     * (a tenth of a second), which the file-name rules below must not cost a command that only writes a JSON report.
     */
    public RDFFormat rdfFormat() {
        return switch (this) {
            case TTL -> RDFFormat.TURTLE_BLOCKS;
            case NT -> RDFFormat.NTRIPLES;
            case NQ -> RDFFormat.NQUADS;
            case TRIG -> RDFFormat.TRIG_BLOCKS;
            case JSONLD -> RDFFormat.JSONLD11;
            case RDFXML -> RDFFormat.RDFXML_PLAIN;
        };
    }

    /** The language to read it with. */
    public Lang lang() {
        return this == JSONLD ? Lang.JSONLD : rdfFormat().getLang();
    }

    /** The usual extension, without the dot: {@code ttl}, {@code rdf}. */
    public String extension() {
        return extensions.get(0);
    }

    /** The syntax a file name's extension calls for ({@code kg.nq}, {@code kg.nq.gz}), if it is one of these. */
    public static Optional<RdfSyntax> ofFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) return Optional.empty();
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(GZIP)) n = n.substring(0, n.length() - GZIP.length());
        int dot = n.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String extension = n.substring(dot + 1);
        for (RdfSyntax s : values()) {
            if (s.extensions.contains(extension)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** Whether a file name says the file is gzip-compressed. */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(GZIP);
    }
}
