package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.junit.jupiter.api.Test;

class BenchQueriesTest {

    private static final Path SPARQL = Path.of(System.getProperty("digestkg.root", "..")).resolve("sparql");
    private final BenchQueries q = new BenchQueries(SPARQL);

    private static List<Node> objectsOfFoafName(Query query) {
        List<Node> out = new java.util.ArrayList<>();
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock el) {
                el.patternElts().forEachRemaining(tp -> {
                    if (tp.getPredicate() != null && tp.getPredicate().getURI().equals("http://xmlns.com/foaf/0.1/name")) {
                        out.add(tp.getObject());
                    }
                });
            }
        });
        return out;
    }

    @Test
    void coauthorsBindsTheAuthorAsAPlainLiteral() throws Exception {
        Query query = QueryFactory.create(q.coauthors("Runjie Zhou"));
        List<Node> names = objectsOfFoafName(query);
        assertTrue(names.stream().anyMatch(n -> n.isLiteral() && n.getLiteralLexicalForm().equals("Runjie Zhou")), names.toString());
    }

    @Test
    void anAwkwardNameStaysALiteral() throws Exception {
        String name = "Anne \"Annie\" O'Brien } UNION { ?s ?p ?o";
        Query query = QueryFactory.create(q.coauthors(name));
        assertTrue(objectsOfFoafName(query).stream().anyMatch(n -> n.isLiteral()
                && n.getLiteralLexicalForm().equals(name)));
    }

    @Test
    void topPairsHasLimitTwenty() throws Exception {
        assertEquals(20, QueryFactory.create(q.topPairs()).getLimit());
    }

    @Test
    void twoHopSizeIsTheNamedSizeQueryForTheAuthor() throws Exception {
        Query query = QueryFactory.create(q.twoHopSize("Runjie Zhou"));
        assertEquals(List.of("size", "coauthors"), query.getResultVars());
        assertTrue(objectsOfFoafName(query).stream().anyMatch(n -> n.isLiteral()
                && n.getLiteralLexicalForm().equals("Runjie Zhou")));
        Query rows = QueryFactory.create(q.twoHopRows("Runjie Zhou"));
        assertEquals(List.of("person", "distance", "papers", "via"), rows.getResultVars());
    }

    @Test
    void theOtherQueriesParse() throws Exception {
        assertEquals(List.of("date", "category", "papers"), QueryFactory.create(q.papersPerCategory()).getResultVars());
        assertEquals(List.of("author", "papers"), QueryFactory.create(BenchQueries.MOST_PROLIFIC).getResultVars());
        QueryFactory.create(BenchQueries.PROBE);
        assertEquals(List.of("author", "coauthors"), QueryFactory.create(BenchQueries.TYPICAL_AUTHOR).getResultVars());
    }
}
