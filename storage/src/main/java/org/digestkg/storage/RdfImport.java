package org.digestkg.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.digestkg.extractor.model.Problem;
import org.digestkg.extractor.rdf.DKG;

/**
 * Loads an RDF file, such as a {@code kg export}, into the store: one write transaction per file, so a file that
 * fails to parse leaves the store exactly as it was. The syntax comes from the file's extension
 * ({@link #langOf(Path)}).
 *
 * <ul>
 * <li>Quad syntaxes ({@code .nq}, {@code .trig}, {@code .jsonld}) carry the digests' named graphs: each named graph
 *     in the file replaces the store's graph of that name.</li>
 * <li>Triple syntaxes ({@code .ttl}, {@code .nt}, {@code .rdf}/{@code .owl}/{@code .xml}) hold one graph, the union
 *     of an export: it goes into one named graph named after the file, {@link #graphFor(Path)}
 *     ({@code https://w3id.org/digest-kg/import/kg.ttl}), which it replaces. Triples outside any named graph in a
 *     quad syntax go there too.</li>
 * </ul>
 * A name ending in {@code .gz} ({@code kg.nq.gz}) is read through gzip.
 * The file is streamed into the store as it is parsed; nothing is rewritten, and the latest-listing rule of
 * {@link DigestLoader} is not re-applied: an export comes back as it was written.
 */
public final class RdfImport {

    /** Where the triples of a triple-syntax file go: this, followed by the file's name. */
    public static final String GRAPH_BASE = DKG.BASE + "import/";

    /** At most this many parser warnings are kept per file; the rest are counted. */
    static final int MAX_WARNINGS = 100;

    private final DatasetGraph dsg;
    private final Path dir;
    private boolean strict;

    public RdfImport(GraphStore store) {
        this.dsg = store.datasetGraph();
        this.dir = store.dir();
    }

    /** Refuses a file on any parser warning instead of loading it. */
    public RdfImport strict(boolean strict) {
        this.strict = strict;
        return this;
    }

    /** The RDF syntax of a file, by its extension ({@link RdfSyntax#ofFileName}); empty for anything else (a digest). */
    public static Optional<Lang> langOf(Path file) {
        return RdfSyntax.ofFileName(file).map(RdfSyntax::lang);
    }

    public static boolean isRdf(Path file) {
        return langOf(file).isPresent();
    }

    /** The graph the triples of {@code file} are imported into: {@link #GRAPH_BASE} and the file name. */
    public static Node graphFor(Path file) {
        return NodeFactory.createURI(GRAPH_BASE + encode(file.getFileName().toString()));
    }

    /** Imports one file; see the class comment for where its triples and quads go. */
    public ImportResult load(Path file) {
        long t0 = System.nanoTime();
        String source = file.toString();
        Lang lang = langOf(file).orElse(null);
        Warnings warnings = new Warnings(source);
        if (lang == null) {
            return ImportResult.failed(source, List.of(), since(t0), source
                    + ": not an RDF file (use .ttl, .nt, .nq, .trig, .jsonld, .rdf, .owl or .xml, each also .gz)");
        }
        Writer writer = new Writer(graphFor(file));
        try {
            StoreWriteFailure.inWriteTransaction(dsg, dir, () -> source, () -> {
                if (RdfSyntax.isGzip(file)) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                        RDFParser.create().source(in).base(file.toAbsolutePath().toUri().toString()).lang(lang)
                                .errorHandler(warnings).build().parse(writer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    RDFParser.create().source(file).lang(lang).errorHandler(warnings).build().parse(writer);
                }
                if (strict && warnings.count > 0) {
                    throw new Refused(source + ": refused in strict mode: " + warnings.count + " warning(s)");
                }
                dsg.commit();
                return null;
            });
        } catch (StoreWriteFailure e) {
            throw e; // the store cannot take more: not this file's fault, and no later file would fare better
        } catch (Refused e) {
            return ImportResult.failed(source, warnings.all(), since(t0), e.getMessage());
        } catch (RiotParseException e) {
            // the transaction was aborted: the store holds exactly what it held before this file
            String where = e.getLine() > 0 ? source + ":" + e.getLine() + (e.getCol() > 0 ? ":" + e.getCol() : "") : source;
            return ImportResult.failed(source, warnings.all(), since(t0), where + ": " + e.getOriginalMessage()
                    + "; nothing was imported");
        } catch (RiotException e) {
            return ImportResult.failed(source, warnings.all(), since(t0), source + ": " + e.getMessage()
                    + "; nothing was imported");
        } catch (RuntimeException e) {
            return ImportResult.failed(source, warnings.all(), since(t0), source + ": " + e + "; nothing was imported");
        }
        List<String> graphs = writer.replaced.stream().map(g -> g.isURI() ? g.getURI() : g.toString()).toList();
        return new ImportResult(source, LoadResult.Status.LOADED, writer.quads, graphs, warnings.all(), since(t0), null);
    }

    /** A file name as an IRI path segment: unreserved characters as they are, every other byte percent-encoded. */
    static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Thrown to abort the transaction of a file strict mode refuses. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Parser warnings become problems at the file's line; errors stop the parse with their line and column. */
    private static final class Warnings implements ErrorHandler {
        final String source;
        final List<Problem> kept = new ArrayList<>();
        long count;
        long firstUnkept;

        Warnings(String source) {
            this.source = source;
        }

        @Override
        public void warning(String message, long line, long col) {
            count++;
            if (count <= MAX_WARNINGS) {
                kept.add(new Problem(source, (int) Math.max(0, line), message));
            } else if (count == MAX_WARNINGS + 1) {
                firstUnkept = line;
            }
        }

        /** The warnings kept, and one that counts the rest. */
        List<Problem> all() {
            if (count <= MAX_WARNINGS) return kept;
            List<Problem> all = new ArrayList<>(kept);
            all.add(new Problem(source, (int) Math.max(0, firstUnkept), (count - MAX_WARNINGS)
                    + " more warning(s) from this line on; only the first " + MAX_WARNINGS + " were reported"));
            return all;
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }
    }

    /** Streams the parsed statements into the store, replacing each graph the first time the file names it. */
    private final class Writer extends StreamRDFBase {
        private final Node fileGraph;
        final Set<Node> replaced = new LinkedHashSet<>();
        long quads;

        Writer(Node fileGraph) {
            this.fileGraph = fileGraph;
        }

        @Override
        public void triple(Triple t) {
            add(fileGraph, t.getSubject(), t.getPredicate(), t.getObject());
        }

        @Override
        public void quad(Quad q) {
            add(q.isDefaultGraph() ? fileGraph : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }

        private void add(Node graph, Node s, Node p, Node o) {
            if (replaced.add(graph)) {
                dsg.removeGraph(graph);
            }
            dsg.add(graph, s, p, o);
            quads++;
        }
    }
}
