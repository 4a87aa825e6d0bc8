package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The named queries in {@code sparql/} give the Fuseki user the same answers as the Java API. Each runs with
 * its parameters bound both ways a client may bind them: {@code kg query}'s substitution and a
 * {@link ParameterizedSparqlString}.
 */
class NamedQueriesTest {

    @RegisterExtension
    static final TestStores world = TestStores.smallWorld();

    enum Binder {
        SUBSTITUTION, PARAMETERIZED_STRING
    }

    /** Runs {@code sparql/NAME.rq} with plain-string parameters; rows as variable -> lexical form. */
    static List<Map<String, String>> run(GraphStore store, String name, Map<String, String> params, Binder binder) {
        return runText(store, TestWorld.namedQuery(name), params, binder);
    }

    /**
     * Runs the plain-SPARQL version of a named query ({@code plain-sparql/NAME.rq}: the same question asked by
     * joining authorships, without the co-authorship index); numbers in canonical form so both compare.
     */
    static List<Map<String, String>> runPlain(GraphStore store, String name, Map<String, String> params) {
        return canonical(runText(store, TestWorld.resource("plain-sparql/" + name + ".rq"), params,
                Binder.SUBSTITUTION));
    }

    /** The named query's rows, numbers in canonical form, to compare with {@link #runPlain}. */
    static List<Map<String, String>> runCanonical(GraphStore store, String name, Map<String, String> params) {
        return canonical(run(store, name, params, Binder.SUBSTITUTION));
    }

    private static List<Map<String, String>> canonical(List<Map<String, String>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> out = new LinkedHashMap<>();
            row.forEach((k, v) -> out.put(k, v != null && v.matches("-?[0-9]+(\\.[0-9]+)?")
                    ? new java.math.BigDecimal(v).stripTrailingZeros().toPlainString() : v));
            return out;
        }).toList();
    }

    static List<Map<String, String>> runText(GraphStore store, String text, Map<String, String> params,
            Binder binder) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            QueryExec exec;
            if (binder == Binder.SUBSTITUTION) {
                BindingBuilder binding = Binding.builder();
                params.forEach((k, v) -> binding.add(Var.alloc(k), NodeFactory.createLiteralString(v)));
                exec = QueryExec.dataset(store.datasetGraph()).query(text).substitution(binding.build()).build();
            } else {
                ParameterizedSparqlString pss = new ParameterizedSparqlString(text);
                params.forEach(pss::setLiteral);
                exec = QueryExec.dataset(store.datasetGraph()).query(pss.toString()).build();
            }
            try (exec) {
                RowSet rows = exec.select();
                List<String> vars = rows.getResultVars().stream().map(Var::getVarName).toList();
                List<Map<String, String>> out = new ArrayList<>();
                rows.forEachRemaining(row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String v : vars) {
                        Node n = row.get(Var.alloc(v));
                        values.put(v, n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                    }
                    out.add(values);
                });
                return out;
            }
        });
    }

    private static List<Map<String, String>> run(String name, Map<String, String> params, Binder binder) {
        return run(world.store(), name, params, binder);
    }

    // ---- coauthors.rq ----

    @ParameterizedTest
    @ValueSource(strings = {"Carol Chen", "Eve Evans", "José Müller", "Wei WANG", "Member 007", "Lena Lang"})
    void coauthorsQueryMatchesTheApi(String name) {
        Map<String, Integer> expected = world.network().coauthors(name, 1).direct().stream()
                .collect(Collectors.toMap(c -> c.author().name(), Coauthor::jointPapers));
        for (Binder binder : Binder.values()) {
            List<Map<String, String>> rows = run("coauthors", Map.of("author", name), binder);
            assertEquals(List.of("coauthor", "papers"), List.copyOf(rows.get(0).keySet()));
            Map<String, Integer> actual = rows.stream()
                    .collect(Collectors.toMap(r -> r.get("coauthor"), r -> Integer.parseInt(r.get("papers"))));
            assertEquals(expected, actual, binder.name());
            // most joint papers first
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(Integer.parseInt(rows.get(i - 1).get("papers")) >= Integer.parseInt(rows.get(i).get("papers")));
            }
        }
    }

    /** The index gives one person's co-authors in the query's order, so that Jena's ORDER BY finds them sorted. */
    @ParameterizedTest
    @ValueSource(strings = {"Carol Chen", "Eve Evans", "José Müller", "Wei WANG", "Member 007", "Lena Lang"})
    void coauthorsComeFromTheIndexInTheOrderTheQuerySortsThem(String name) {
        String query = TestWorld.namedQuery("coauthors");
        String unordered = query.replaceAll("(?m)^ORDER BY .*$", "");
        assertNotEquals(query, unordered);
        assertEquals(run("coauthors", Map.of("author", name), Binder.SUBSTITUTION),
                runText(world.store(), unordered, Map.of("author", name), Binder.SUBSTITUTION));
    }

    @Test
    void coauthorsQueryForSomeoneWithoutCoauthors() {
        assertEquals(List.of(), run("coauthors", Map.of("author", "Ivan Ivanov"), Binder.SUBSTITUTION));
        assertEquals(List.of(), run("coauthors", Map.of("author", "Nobody At All"), Binder.SUBSTITUTION));
    }

    @Test
    void coauthorsQueryCountsAPaperListedTwiceOnce() {
        List<Map<String, String>> rows = run("coauthors", Map.of("author", "Frank Fischer"), Binder.SUBSTITUTION);
        assertEquals(Map.of("coauthor", "Eve Evans", "papers", "3"), rows.get(0));
    }

    // ---- top-pairs.rq ----

    private static List<String> apiPairs(CoauthorNetwork net, int k) {
        return net.topPairs(k, PairOrder.PAPERS).stream()
                .map(p -> p.first().name() + " | " + p.second().name() + " | " + p.jointPapers() + " | "
                        + String.format(Locale.ROOT, "%.6f", p.weight()))
                .toList();
    }

    private static List<String> queryPairs(List<Map<String, String>> rows) {
        return rows.stream()
                .map(r -> r.get("a") + " | " + r.get("b") + " | " + r.get("papers") + " | "
                        + String.format(Locale.ROOT, "%.6f", Double.parseDouble(r.get("weight"))))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Binder.class)
    void topPairsQueryMatchesTheApiRowForRow(Binder binder) {
        List<Map<String, String>> rows = run("top-pairs", Map.of(), binder);
        assertEquals(List.of("a", "b", "papers", "weight"), List.copyOf(rows.get(0).keySet()));
        assertEquals(20, rows.size());
        // the last rows are pairs of the 400-author paper, tied at 1/399 and ordered by name
        assertEquals(apiPairs(world.network(), 20), queryPairs(rows));
    }

    @ParameterizedTest
    @EnumSource(Binder.class)
    void topPairsQueryWithACategoryMatchesTheFilteredApi(Binder binder) {
        for (String category : List.of("cs.CV", "cs.cl")) {
            CoauthorNetwork filtered = CoauthorNetwork.load(world.store(), PaperFilter.ALL.withCategory(category));
            List<Map<String, String>> rows = run("top-pairs", Map.of("category", category), binder);
            assertEquals(apiPairs(filtered, 20), queryPairs(rows), category);
        }
        CoauthorNetwork cl = CoauthorNetwork.load(world.store(), PaperFilter.ALL.withCategory("cs.CL"));
        assertFalse(apiPairs(cl, 20).stream().anyMatch(p -> p.startsWith("Member")));
        assertEquals(List.of(), run("top-pairs", Map.of("category", "math.AG"), binder));
    }

    // ---- two-hop.rq ----

    @ParameterizedTest
    @ValueSource(strings = {"Alice Archer", "Carol Chen", "Frank Fischer", "Grace Green", "Ivan Ivanov"})
    void twoHopQueryMatchesDepthTwoCoauthors(String name) {
        Map<String, String> expected = world.network().coauthors(name, 2).coauthors().stream()
                .collect(Collectors.toMap(c -> c.author().name(),
                        c -> c.distance() + "/" + c.jointPapers() + "/" + c.via().size()));
        for (Binder binder : Binder.values()) {
            List<Map<String, String>> rows = run("two-hop", Map.of("author", name), binder);
            Map<String, String> actual = rows.stream().collect(Collectors.toMap(r -> r.get("person"),
                    r -> r.get("distance") + "/" + r.get("papers") + "/" + r.get("via")));
            assertEquals(expected, actual, binder.name());
        }
    }

    @Test
    void twoHopQueryOrdersByDistanceThenStrength() {
        List<Map<String, String>> rows = run("two-hop", Map.of("author", "Grace Green"), Binder.SUBSTITUTION);
        assertEquals(List.of(
                Map.of("person", "Henry Hill", "distance", "1", "papers", "1", "via", "0"),
                Map.of("person", "Kim Kang", "distance", "1", "papers", "1", "via", "0"),
                Map.of("person", "Lena Lang", "distance", "2", "papers", "0", "via", "2")), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice Archer", "Carol Chen", "Frank Fischer", "Member 007", "Nobody At All"})
    void twoHopSizeCountsTheTwoHopRows(String name) {
        List<Map<String, String>> rows = run("two-hop", Map.of("author", name), Binder.SUBSTITUTION);
        List<Map<String, String>> size = run("two-hop-size", Map.of("author", name), Binder.PARAMETERIZED_STRING);
        long direct = rows.stream().filter(r -> r.get("distance").equals("1")).count();
        assertEquals(List.of(Map.of("size", Integer.toString(rows.size()), "coauthors", Long.toString(direct))), size);
    }

    // ---- the index-backed queries ask what plain SPARQL asks ----

    @ParameterizedTest
    @ValueSource(strings = {"Alice Archer", "Carol Chen", "Eve Evans", "Frank Fischer", "José Müller", "Member 007"})
    void indexedQueriesAnswerAsTheirPlainSparql(String name) {
        for (String query : List.of("coauthors", "two-hop")) {
            List<Map<String, String>> plain = runPlain(world.store(), query, Map.of("author", name));
            assertFalse(plain.isEmpty(), query);
            assertEquals(plain, runCanonical(world.store(), query, Map.of("author", name)), query + " " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cs.CV", "CS.cl", "math.AG"})
    void topPairsAnswersAsItsPlainSparql(String category) {
        Map<String, String> params = category.isEmpty() ? Map.of() : Map.of("category", category);
        assertEquals(runPlain(world.store(), "top-pairs", params), runCanonical(world.store(), "top-pairs", params));
    }

    // ---- authors.rq ----

    private static List<String> apiAuthors(CoauthorNetwork net) {
        return net.topAuthors(20, AuthorOrder.PAPERS).stream()
                .map(s -> s.author().name() + " | " + s.papers() + " | " + s.degree()).toList();
    }

    @ParameterizedTest
    @EnumSource(Binder.class)
    void authorsQueryMatchesTheApiRowForRow(Binder binder) {
        List<Map<String, String>> rows = run("authors", Map.of(), binder);
        assertEquals(List.of("name", "papers", "coauthors"), List.copyOf(rows.get(0).keySet()));
        List<String> actual = rows.stream()
                .map(r -> r.get("name") + " | " + r.get("papers") + " | " + r.get("coauthors")).toList();
        assertEquals(apiAuthors(world.network()), actual);

        CoauthorNetwork cl = CoauthorNetwork.load(world.store(), PaperFilter.ALL.withCategory("cs.CL"));
        List<String> filtered = run("authors", Map.of("category", "cs.CL"), binder).stream()
                .map(r -> r.get("name") + " | " + r.get("papers") + " | " + r.get("coauthors")).toList();
        assertEquals(apiAuthors(cl), filtered);
    }

    // ---- the files themselves ----

    @ParameterizedTest
    @ValueSource(strings = {"coauthors", "top-pairs", "two-hop", "two-hop-size", "authors"})
    void everyQueryStartsWithAHeaderAndAnExample(String name) {
        String text = TestWorld.namedQuery(name);
        assertTrue(text.startsWith("# " + name + " — "), text);
        assertTrue(text.contains("# Example: ./kg query " + name), text);
        assertTrue(text.contains("# Parameters"), text);
        String header = text.substring(0, text.indexOf("PREFIX"));
        assertTrue(header.lines().allMatch(l -> l.startsWith("#")), header);
    }
}
