package org.digestkg.storage;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.Prefixes;
import org.digestkg.storage.export.StoreDump;

/**
 * Writes the store, or one of its graphs, in a standard RDF syntax; streams where the syntax allows it. N-Triples and
 * N-Quads come straight from the TDB2 indexes ({@link StoreDump}), other syntaxes through Jena's writers.
 */
public final class Exporter {

    private final DatasetGraph dsg;

    public Exporter(GraphStore store) {
        // only reads: TDB2 itself, whose indexes the fast path reads
        this.dsg = store.storage();
    }

    /** The prefixes written at the top of Turtle and TriG output. */
    public static PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        Prefixes.all().forEach(pm::add);
        return pm;
    }

    /** Whether the store holds the named graph {@code graph}. */
    public boolean hasGraph(Node graph) {
        return Txn.calculateRead(dsg, () -> dsg.containsGraph(graph));
    }

    /**
     * Writes {@code graph} (a digest IRI), or everything when null: all named graphs for quad syntaxes, the union
     * graph for triple syntaxes.
     *
     * @return the number of triples or quads written
     */
    public long export(RdfSyntax format, Node graph, OutputStream out) {
        return Txn.calculateRead(dsg, () -> {
            if (graph != null && !dsg.containsGraph(graph)) {
                throw new IllegalArgumentException("no graph <" + graph.getURI() + "> in the store");
            }
            if (!format.streaming) {
                return writeInMemory(format, graph, out);
            }
            if (format.lineBased()) {
                Optional<StoreDump> dump = StoreDump.of(dsg);
                if (dump.isPresent()) {
                    return format.quads ? dump.get().writeQuads(graph, out) : dump.get().writeTriples(graph, out);
                }
            }
            StreamRDF writer = format == RdfSyntax.JSONLD ? new JsonLdStream(out)
                    : StreamRDFWriter.getWriterStream(out, format.rdfFormat(), null);
            Counting counting = new Counting(writer);
            counting.start();
            StreamRDFOps.sendPrefixesToStream(prefixes(), counting);
            if (format.quads) {
                // graph by graph: each graph's statements come grouped by subject, which TriG and JSON-LD write
                // as one block each (a find over all graphs comes in subject order, interleaving the graphs)
                List<Node> graphs = graph != null ? List.of(graph) : Iter.toList(dsg.listGraphNodes());
                for (Node g : graphs) {
                    dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(counting::quad);
                }
            } else {
                Graph g = graph == null ? dsg.getUnionGraph() : dsg.getGraph(graph);
                g.find().forEachRemaining(counting::triple);
            }
            counting.finish();
            return counting.count;
        });
    }

    private long writeInMemory(RdfSyntax format, Node graph, OutputStream out) {
        if (format.quads) {
            DatasetGraph copy = DatasetGraphFactory.create();
            copy.prefixes().putAll(prefixes());
            long[] n = {0};
            (graph == null ? dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY) : dsg.find(graph, Node.ANY, Node.ANY, Node.ANY))
                    .forEachRemaining(q -> {
                        if (!q.isDefaultGraph()) {
                            copy.add(q);
                            n[0]++;
                        }
                    });
            RDFDataMgr.write(out, copy, format.rdfFormat());
            return n[0];
        }
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        prefixes().forEach((p, uri) -> g.getPrefixMapping().setNsPrefix(p, uri));
        XmlCharacters unwritable = new XmlCharacters();
        (graph == null ? dsg.getUnionGraph() : dsg.getGraph(graph)).find().forEachRemaining(t -> {
            if (format == RdfSyntax.RDFXML) unwritable.check(t);
            g.add(t);
        });
        // before the first byte: a writer failing halfway would leave half a document
        unwritable.failIfAny();
        RDFDataMgr.write(out, g, format.rdfFormat());
        return g.size();
    }

    /** Passes everything through and counts triples and quads. */
    private static final class Counting extends org.apache.jena.riot.system.StreamRDFWrapper {
        long count;

        Counting(StreamRDF other) {
            super(other);
        }

        @Override
        public void triple(Triple triple) {
            count++;
            super.triple(triple);
        }

        @Override
        public void quad(Quad quad) {
            count++;
            super.quad(quad);
        }
    }
}
