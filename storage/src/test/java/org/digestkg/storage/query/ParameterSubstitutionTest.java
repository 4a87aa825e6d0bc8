package org.digestkg.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parameter narrows the results exactly as filtering the unparameterised results would, and the query it makes
 * is valid SPARQL text, which is what a remote endpoint receives; a parameter that could not do what it says is
 * refused.
 */
class ParameterSubstitutionTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    private static GraphStore store;

    @BeforeAll
    static void load() {
        store = GraphStore.open(dir.resolve("store"));
        DigestLoader loader = new DigestLoader(store);
        assertTrue(loader.load(Samples.feb04(), null).clean());
        assertTrue(loader.load(Samples.feb23(), null).clean());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Named queries, a parameter each documents, and a value. */
    static Stream<Arguments> documentedParameters() {
        String feb23 = "\"2026-02-23\"^^<http://www.w3.org/2001/XMLSchema#date>";
        return Stream.of(
                Arguments.of("papers", "arxivId", "2602.02537"),
                Arguments.of("papers", "category", "cs.MA"),
                Arguments.of("papers", "date", feb23),
                Arguments.of("authorships", "arxivId", "2602.02537"),
                Arguments.of("paper-text", "arxivId", "2602.02537"),
                Arguments.of("paper-text", "date", feb23),
                Arguments.of("papers-per-category", "category", "cs.CL"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("documentedParameters")
    void aParameterKeepsTheRowsWhereItsVariableHasTheValue(String name, String param, String value) {
        List<List<String>> all = rows(NamedQueries.load(name));
        String lexical = value.startsWith("\"") ? value.substring(1, value.indexOf('"', 1)) : value;
        int column = all.get(0).indexOf(param);
        List<List<String>> expected = Stream.concat(Stream.of(all.get(0)),
                all.stream().skip(1).filter(r -> lexical.equals(r.get(column)))).toList();
        assertTrue(expected.size() > 1, "the value picks some rows: " + name + " " + param);
        assertTrue(expected.size() < all.size(), "and leaves some out");
        assertEquals(expected, rows(NamedQueries.load(name), param + "=" + value));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("documentedParameters")
    void theBoundQueryIsValidSparqlText(String name, String param, String value) {
        Query bound = QueryRunner.prepare(NamedQueries.load(name), QueryParameters.parse(List.of(param + "=" + value)));
        Query again = QueryFactory.create(bound.serialize());
        assertEquals(bound, again);
        assertFalse(bound.serialize().contains("?" + param + " "), "no ?" + param + " left:\n" + bound);
    }

    @Test
    void inputVariablesTheQueryOnlyReadsTakeAValue() {
        // authors.rq and top-pairs.rq read ?category in a FILTER and as a function argument
        for (String name : List.of("authors", "top-pairs")) {
            Query bound = QueryRunner.prepare(NamedQueries.load(name), QueryParameters.parse(List.of("category=cs.CV")));
            assertTrue(bound.serialize().contains("\"cs.CV\""), bound.serialize());
        }
        List<List<String>> cv = rows(NamedQueries.load("authors"), "category=cs.CV");
        List<List<String>> all = rows(NamedQueries.load("authors"));
        assertEquals(21, cv.size());
        assertFalse(cv.equals(all), "the category changes the answer");
    }

    @Test
    void aVariableBoundOnlyInsideOptionalIsRefused() {
        // ?rank is OPTIONAL in papers.rq: a value would relabel rows (or drop the rank) instead of filtering them
        var e = assertThrows(IllegalArgumentException.class, () -> rows(NamedQueries.load("papers"), "rank=1"));
        assertTrue(e.getMessage().contains("?rank") && e.getMessage().contains("OPTIONAL"), e.getMessage());
        var union = assertThrows(IllegalArgumentException.class, () -> QueryRunner.prepare(
                "SELECT * { { ?s ?p ?o } UNION { ?s ?p ?x } }", QueryParameters.parse(List.of("x=1"))));
        assertTrue(union.getMessage().contains("?x"), union.getMessage());
    }

    @Test
    void aVariableTheQueryAssignsItselfIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> QueryRunner.prepare(
                "SELECT * { ?s ?p ?o BIND(1 AS ?one) }", QueryParameters.parse(List.of("one=2"))));
        assertTrue(e.getMessage().contains("?one"), e.getMessage());
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> QueryParameters.parse(List.of("arxivId=2602.02537", "arxivId=2602.02676")));
        assertTrue(e.getMessage().contains("twice") && e.getMessage().contains("2602.02676"), e.getMessage());
    }

    @Test
    void groupingByASubstitutedVariableStillGivesNoRowForNoMatch() {
        String q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT ?c (COUNT(*) AS ?n) { ?x skos:notation ?c } GROUP BY ?c";
        assertEquals(List.of(List.of("c", "n")), rows(q, "c=no-such-category"), "no solutions: no group, as without the value");
        assertEquals(List.of(List.of("c", "n"), List.of("cs.CV", "1")), rows(q, "c=cs.CV"));
    }

    /** The header and each row's values (lexical forms, "" when unbound), as the store answers. */
    private static List<List<String>> rows(String query, String... params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.run(store.datasetGraph(), query, QueryParameters.parse(List.of(params)), ResultFormat.JSON, out);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(out.toByteArray()), ResultSetLang.RS_JSON);
        List<List<String>> rows = new ArrayList<>();
        rows.add(rs.getResultVars());
        rs.forEachRemaining(row -> rows.add(rs.getResultVars().stream()
                .map(v -> row.contains(v) ? lexical(row.get(v)) : "").toList()));
        return rows;
    }

    private static String lexical(RDFNode node) {
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
    }
}
