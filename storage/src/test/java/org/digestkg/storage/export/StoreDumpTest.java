package org.digestkg.storage.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongBiFunction;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.digestkg.extractor.rdf.Iris;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.Exporter;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.RdfSyntax;
import org.digestkg.storage.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump must write what Jena's own writers write for the same graphs: the same lines, each once. */
class StoreDumpTest {

    private static final String EX = "http://example.org/";
    private static final Node G1 = iri("g1"), G2 = iri("g2"), G3 = iri("g3");

    @TempDir
    static Path tmp;
    static GraphStore store;
    static DatasetGraph dsg;

    @BeforeAll
    static void load() {
        store = GraphStore.open(tmp.resolve("store"));
        dsg = store.datasetGraph();
        DigestLoader loader = new DigestLoader(store);
        loader.load(Samples.feb04(), null);
        // the same digest again under another day: two graphs sharing most of their triples
        loader.load(Samples.feb04(), LocalDate.of(2026, 2, 5));
        loader.load(Samples.feb23(), null);
        Txn.executeWrite(dsg, () -> {
            Node s = iri("s"), p = iri("p"), blank = NodeFactory.createBlankNode();
            List<Node> objects = List.of(
                    NodeFactory.createLiteralLang("Vision-language models", "en"),
                    NodeFactory.createLiteralLang("Modèles vision-langage", "fr-CA"),
                    NodeFactory.createLiteralString("中文 ünïcödé 😀 \"quoted\" back\\slash\nnew line\ttab\r"),
                    // written without the formatter when nothing needs escaping; the others are left to it
                    NodeFactory.createLiteralString("多模态大模型 plain text, ünïcödé"),
                    NodeFactory.createLiteralLang("多模态大模型", "zh-Hans"),
                    // outside the Basic Multilingual Plane, with nothing to escape: left to the formatter too
                    NodeFactory.createLiteralString("emoji 😀 and 𠀀"),
                    NodeFactory.createLiteralLang("Größe", "DE-at"),
                    NodeFactory.createLiteralString("del \u007F, next line \u0085, line separator \u2028, bom \uFEFF"),
                    NodeFactory.createLiteralDirLang("مرحبا", "ar", "rtl"),
                    NodeFactory.createLiteralString(""),
                    NodeFactory.createLiteralDT("2026-02-04", XSDDatatype.XSDdate),
                    NodeFactory.createLiteralDT("2026-02-04T10:00:00Z", XSDDatatype.XSDdateTime),
                    NodeFactory.createLiteralDT("-17", XSDDatatype.XSDinteger),
                    // too large to inline: stored as a Thrift value (and cut to 64 bits by Jena, on both sides)
                    NodeFactory.createLiteralDT("123456789012345678901234567890", XSDDatatype.XSDinteger),
                    NodeFactory.createLiteralDT("3.25", XSDDatatype.XSDdecimal),
                    NodeFactory.createLiteralDT("1.5e3", XSDDatatype.XSDdouble),
                    NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean),
                    NodeFactory.createLiteralDT("x y", TypeMapper.getInstance().getSafeTypeByName(EX + "custom")),
                    NodeFactory.createURI("http://example.org/café/ü"),
                    blank);
            for (Node g : List.of(G1, G2, G3)) {
                // every object in three graphs: the union must hold each triple once
                objects.forEach(o -> dsg.add(g, s, p, o));
                dsg.add(g, blank, p, s);
            }
            dsg.add(G2, iri("only-in-g2"), p, NodeFactory.createLiteralString("g2"));
        });
        Txn.executeWrite(dsg, () -> {
            // An inline integer whose NodeId equals a pointer's: only the node type tells them apart.
            NodeId pointer = TDBInternal.getNodeId(store.storage(), G1);
            Node number = NodeFactory.createLiteralDT(Long.toString(pointer.getPtrLocation()), XSDDatatype.XSDinteger);
            assertEquals(pointer, NodeId.inline(number), "Jena's NodeId.equals ignores the type");
            dsg.add(G1, iri("t"), iri("p"), G1);
            dsg.add(G1, iri("t"), iri("p"), number);
        });
        // Reopen, so Jena reads nodes from disk as the dump does, not from the node cache filled while loading.
        store.close();
        store = GraphStore.open(tmp.resolve("store"));
        dsg = store.datasetGraph();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theUnionIsJenasUnionGraphWithEachTripleOnce() {
        String[] lines = lines(triples(null));
        assertArrayEquals(jena(Lang.NTRIPLES, null), sorted(lines));
        assertEquals(lines.length, Arrays.stream(lines).distinct().count(), "no triple twice");
        assertTrue(Arrays.asList(lines).contains("<" + EX + "t> <" + EX + "p> <" + EX + "g1> ."));
    }

    @Test
    void eachGraphIsJenasGraph() {
        for (Node g : List.of(G1, G2, G3, Iris.digest(LocalDate.of(2026, 2, 23)), iri("absent"))) {
            String[] lines = lines(triples(g));
            assertArrayEquals(jena(Lang.NTRIPLES, g), sorted(lines), g.toString());
        }
    }

    @Test
    void quadsAreJenasQuads() {
        String[] lines = lines(quads(null));
        assertArrayEquals(jena(Lang.NQUADS, null), sorted(lines));
        String[] g2 = lines(quads(G2));
        assertArrayEquals(jena(Lang.NQUADS, G2), sorted(g2));
    }

    @Test
    void theExporterWritesWhatTheDumpWrites() {
        for (RdfSyntax format : List.of(RdfSyntax.NT, RdfSyntax.NQ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long written = new Exporter(store).export(format, null, out);
            byte[] dumped = format.keepsGraphs() ? quads(null) : triples(null);
            assertArrayEquals(dumped, out.toByteArray(), format.toString());
            assertEquals(lines(dumped).length, written);
        }
    }

    /** What Jena's writer makes of the union graph (or {@code g}), or of the named graphs for quads; sorted lines. */
    private static String[] jena(Lang lang, Node g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(dsg, () -> {
            if (lang == Lang.NTRIPLES) {
                RDFDataMgr.write(out, g == null ? dsg.getUnionGraph() : dsg.getGraph(g), lang);
            } else {
                DatasetGraph named = DatasetGraphFactory.create();
                dsg.find(g == null ? Node.ANY : g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                    if (!q.isDefaultGraph()) named.add(q);
                });
                RDFDataMgr.write(out, named, lang);
            }
        });
        String[] lines = sorted(lines(out.toByteArray()));
        assertTrue(g != null || lines.length > 10_000, "a real store, not an empty one");
        return lines;
    }

    private static byte[] triples(Node g) {
        return dump((dump, out) -> dump.writeTriples(g, out));
    }

    private static byte[] quads(Node g) {
        return dump((dump, out) -> dump.writeQuads(g, out));
    }

    private static byte[] dump(ToLongBiFunction<StoreDump, OutputStream> write) {
        return Txn.calculateRead(dsg, () -> {
            StoreDump dump = StoreDump.of(dsg).orElseThrow(() -> new AssertionError("a TDB2 store has a dump"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long written = write.applyAsLong(dump, out);
            assertEquals(lines(out.toByteArray()).length, written, "the count is the number of lines");
            return out.toByteArray();
        });
    }

    private static String[] lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }

    private static String[] sorted(String[] lines) {
        String[] copy = lines.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }
}
