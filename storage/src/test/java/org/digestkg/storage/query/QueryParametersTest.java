package org.digestkg.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void aPlainValueIsAStringLiteral() {
        var b = QueryParameters.parse(List.of("author=Runjie Zhou"));
        assertEquals(NodeFactory.createLiteralString("Runjie Zhou"), b.get(Var.alloc("author")));
    }

    @Test
    void aDayIsADateAsTheStoresDaysAreAndAnImpossibleDayIsRefused() {
        var b = QueryParameters.parse(List.of("since=2026-02-20"));
        assertEquals(NodeFactory.createLiteralDT("2026-02-20", XSDDatatype.XSDdate), b.get(Var.alloc("since")));
        assertThrows(IllegalArgumentException.class, () -> QueryParameters.parse(List.of("since=2026-02-30")));
        // quoted, it is the string
        assertEquals(NodeFactory.createLiteralString("2026-02-20"),
                QueryParameters.parse(List.of("s=\"2026-02-20\"")).get(Var.alloc("s")));
    }

    @Test
    void aSearchThatStartsWithAPhraseIsAStringNotATerm() {
        var b = QueryParameters.parse(List.of("q=\"vision language\" AND benchmark"));
        assertEquals(NodeFactory.createLiteralString("\"vision language\" AND benchmark"), b.get(Var.alloc("q")));
        assertEquals(NodeFactory.createLiteralLang("vision language", "en"),
                QueryParameters.parse(List.of("q=\"vision language\"@en")).get(Var.alloc("q")));
        assertEquals(NodeFactory.createLiteralString("\"a\" AND \"b\""),
                QueryParameters.parse(List.of("q=\"a\" AND \"b\"")).get(Var.alloc("q")));
        assertThrows(IllegalArgumentException.class, () -> QueryParameters.parse(List.of("d=\"x\"^^<not an iri>")));
    }

    @Test
    void anArxivIdIsAStringNotADecimal() {
        var b = QueryParameters.parse(List.of("arxivId=2602.02537"));
        assertEquals(NodeFactory.createLiteralString("2602.02537"), b.get(Var.alloc("arxivId")));
    }

    @Test
    void rdfTermsAreReadAsTerms() {
        var b = QueryParameters.parse(List.of("p=<http://example.org/x>", "n=42",
                "d=\"2026-02-04\"^^<http://www.w3.org/2001/XMLSchema#date>", "?l=\"chat\"@fr"));
        assertEquals(NodeFactory.createURI("http://example.org/x"), b.get(Var.alloc("p")));
        assertEquals(NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger), b.get(Var.alloc("n")));
        assertEquals(NodeFactory.createLiteralDT("2026-02-04", XSDDatatype.XSDdate), b.get(Var.alloc("d")));
        assertEquals(NodeFactory.createLiteralLang("chat", "fr"), b.get(Var.alloc("l")));
    }

    @Test
    void badAssignmentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueryParameters.parse(List.of("novalue")));
        assertThrows(IllegalArgumentException.class, () -> QueryParameters.parse(List.of("not a var=1")));
    }

    @Test
    void aValueCannotChangeTheQuery() {
        // A value shaped like SPARQL stays one literal: the store holds one matching triple and one that an
        // injected "|| true" would have matched too.
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var name = NodeFactory.createURI("http://xmlns.com/foaf/0.1/name");
        dsg.getDefaultGraph().add(NodeFactory.createURI("urn:a"), name, NodeFactory.createLiteralString("A"));
        dsg.getDefaultGraph().add(NodeFactory.createURI("urn:b"), name, NodeFactory.createLiteralString("B"));
        String query = "SELECT ?s WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?n FILTER(?n = ?who) }";
        String evil = "A\") || true || (\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = QueryRunner.run(dsg, query, QueryParameters.parse(List.of("who=" + evil)), ResultFormat.CSV, out);
        assertEquals(0, rows);
        rows = QueryRunner.run(dsg, query, QueryParameters.parse(List.of("who=A")), ResultFormat.CSV, out);
        assertEquals(1, rows);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("urn:a"));
    }
}
