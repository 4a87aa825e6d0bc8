package org.digestkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;

/** Two small digests in two named graphs: 4 + 3 triples, titles Alpha, Beta (first) and Gamma (second). */
public final class TestData {

    static final String EX = "https://example.org/kg/";
    static final Node DIGEST_1 = NodeFactory.createURI("https://example.org/digest/2025-01-01");
    static final Node DIGEST_2 = NodeFactory.createURI("https://example.org/digest/2025-01-02");
    static final int TRIPLES_1 = 4;
    static final int TRIPLES_2 = 3;
    static final String PREFIXES = "PREFIX ex: <" + EX + ">\n";

    private TestData() {}

    static Graph digest1() {
        Graph g = GraphFactory.createDefaultGraph();
        paper(g, "p1", "Alpha");
        paper(g, "p2", "Beta");
        return g;
    }

    static Graph digest2() {
        Graph g = GraphFactory.createDefaultGraph();
        paper(g, "p3", "Gamma");
        g.add(Triple.create(uri("p3"), uri("cites"), uri("p1")));
        return g;
    }

    /** A real TDB2 store in {@code dir} holding both digests, written in one write transaction. */
    static GraphStore createStore(Path dir) {
        GraphStore store = GraphStore.open(dir);
        load(store.datasetGraph());
        return store;
    }

    static void load(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> {
            digest1().find().forEach(t -> dsg.add(DIGEST_1, t.getSubject(), t.getPredicate(), t.getObject()));
            digest2().find().forEach(t -> dsg.add(DIGEST_2, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /** A password file readable by its owner only, as the server advises. */
    static Path passwordFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return file;
    }

    /** A TDB2 store in {@code dir} holding a real digest, {@link #sampleDigest()}, closed again; returns {@code dir}. */
    static Path createSampleStore(Path dir) {
        GraphStore store = GraphStore.open(dir);
        try {
            new DigestLoader(store).load(sampleDigest(), null);
        } finally {
            store.close();
        }
        return dir;
    }

    /** A real digest from the repository's samples ({@code data/2026-02-04.md}, 147 papers). */
    static Path sampleDigest() {
        return sample("2026-02-04.md");
    }

    /** A file of the repository's {@code data/} folder, found through the {@code digestkg.root} property. */
    public static Path sample(String name) {
        String root = System.getProperty("digestkg.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (no data/ folder above)");
        }
        return p.resolve("data").resolve(name);
    }

    static Node uri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    private static void paper(Graph g, String id, String title) {
        g.add(Triple.create(uri(id), RDF.type.asNode(), uri("Paper")));
        g.add(Triple.create(uri(id), uri("title"), NodeFactory.createLiteralString(title)));
    }
}
