package org.digestkg.coauthorship;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;

/** Builds the test stores: real TDB2 stores in a temp folder, filled from TriG. */
final class TestWorld {

    static final int BIG_PAPER_AUTHORS = 400;
    static final String BIG_PAPER_ID = "2602.00011";

    private TestWorld() {
    }

    /** {@code small-world.trig} plus a generated 400-author paper (398 "Member NNN", Dan Dubois, Eve Evans). */
    static GraphStore smallWorld(Path dir) {
        GraphStore store = GraphStore.open(dir);
        loadResource(store, "small-world.trig");
        loadTrig(store, bigPaper());
        return store;
    }

    /** The first entries of the two sample digests. */
    static GraphStore realSample(Path dir) {
        GraphStore store = GraphStore.open(dir);
        loadResource(store, "real-sample.trig");
        return store;
    }

    static String memberName(int i) {
        return String.format("Member %03d", i);
    }

    private static String bigPaper() {
        String digest = "https://w3id.org/digest-kg/digest/2026-02-23";
        StringBuilder trig = new StringBuilder("""
                PREFIX dkg:     <https://w3id.org/digest-kg/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
                PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
                PREFIX author:  <https://w3id.org/digest-kg/author/>
                """);
        trig.append("GRAPH <").append(digest).append("> {\n");
        trig.append("  <https://w3id.org/digest-kg/paper/").append(BIG_PAPER_ID).append("> a dkg:Paper ;\n")
                .append("      dkg:arxivId \"").append(BIG_PAPER_ID).append("\" ;\n")
                .append("      dcterms:title \"P11: A Very Large Collaboration\" ;\n")
                .append("      dkg:mainCategory <https://w3id.org/digest-kg/category/cs.CV> ;\n")
                .append("      dcterms:creator author:Dan_Dubois , author:Eve_Evans");
        for (int i = 1; i <= BIG_PAPER_AUTHORS - 2; i++) {
            trig.append(" ,\n        author:").append(memberName(i).replace(' ', '_'));
        }
        trig.append(" .\n");
        trig.append("  <").append(digest).append("/paper/").append(BIG_PAPER_ID).append("> a dkg:Appearance ;\n")
                .append("      dkg:paper <https://w3id.org/digest-kg/paper/").append(BIG_PAPER_ID).append("> ;\n")
                .append("      dkg:digest <").append(digest).append("> ; dcterms:date \"2026-02-23\"^^xsd:date .\n");
        for (int i = 1; i <= BIG_PAPER_AUTHORS - 2; i++) {
            trig.append("  author:").append(memberName(i).replace(' ', '_'))
                    .append(" a dkg:Author ; foaf:name \"").append(memberName(i)).append("\" .\n");
        }
        trig.append("}\n");
        return trig.toString();
    }

    static void loadResource(GraphStore store, String name) {
        loadTrig(store, resource(name));
    }

    /** A test resource's text; a name without a folder is next to this class. */
    static String resource(String name) {
        try (InputStream in = TestWorld.class.getResourceAsStream(name.contains("/") ? "/" + name : name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void loadTrig(GraphStore store, String trig) {
        Txn.executeWrite(store.datasetGraph(),
                () -> RDFDataMgr.read(store.datasetGraph(), new StringReader(trig), null, Lang.TRIG));
    }

    /** The repository root: surefire passes it; otherwise walk up to the folder holding {@code sparql/}. */
    static Path repositoryRoot() {
        String root = System.getProperty("digestkg.root");
        if (root != null && Files.isDirectory(Paths.get(root, "sparql"))) {
            return Paths.get(root);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sparql"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository's sparql/ folder");
        }
        return dir;
    }

    static String namedQuery(String name) {
        try {
            return Files.readString(repositoryRoot().resolve("sparql").resolve(name + ".rq"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
