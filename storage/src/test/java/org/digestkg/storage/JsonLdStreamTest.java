package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;

/** The streamed JSON-LD reads back as the same dataset whatever order the statements come in. */
class JsonLdStreamTest {

    private static Node iri(String local) {
        return NodeFactory.createURI("https://example.org/" + local);
    }

    @Test
    void statementsInAnyOrderReadBackAsTheSameDataset() {
        Node g1 = iri("g1");
        Node g2 = iri("g2");
        Node s = iri("s");
        Node p = iri("p");
        Node q = iri("q");
        List<Quad> quads = List.of(
                Quad.create(g1, s, p, NodeFactory.createLiteralString("one \"quoted\" \\ \n\t\u0007")),
                Quad.create(g1, s, q, NodeFactory.createLiteralLang("deux", "fr")),
                Quad.create(g1, s, p, NodeFactory.createLiteralDT("3", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)),
                Quad.create(g2, s, p, iri("o")),
                Quad.create(g1, s, p, NodeFactory.createBlankNode("b0")),
                Quad.create(Quad.defaultGraphIRI, iri("t"), p, iri("o")),
                Quad.create(g1, iri("t"), p, NodeFactory.createLiteralString("漢字 and 😀")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLdStream json = new JsonLdStream(out);
        json.start();
        quads.forEach(json::quad);
        json.finish();
        assertEquals(quads.size(), json.count());

        DatasetGraph expected = DatasetGraphFactory.createGeneral();
        quads.forEach(expected::add);
        DatasetGraph back = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.JSONLD).parse(back);
        assertTrue(IsoMatcher.isomorphic(expected, back), out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyStoreIsAnEmptyDocument() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLdStream json = new JsonLdStream(out);
        json.start();
        json.finish();
        DatasetGraph back = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.JSONLD).parse(back);
        assertTrue(back.isEmpty());
    }
}
