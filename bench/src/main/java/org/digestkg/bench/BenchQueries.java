package org.digestkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The co-authorship queries the benchmark times, made from the project's named queries in {@code sparql/}:
 * values are bound with {@link ParameterizedSparqlString}, never pasted into the text.
 */
public final class BenchQueries {

    /** The author with the most papers (ties by name), and their paper count. */
    public static final String MOST_PROLIFIC = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            SELECT ?author (COUNT(DISTINCT ?paper) AS ?papers)
            WHERE { ?paper dcterms:creator ?person . ?person foaf:name ?author }
            GROUP BY ?author
            ORDER BY DESC(?papers) ?author
            LIMIT 1
            """;

    /**
     * A typical author, for comparison with the most prolific one: the first author of a paper ranked first in
     * the latest digest (names sorted, the first taken).
     */
    public static final String TYPICAL_AUTHOR = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            PREFIX dkg:     <https://w3id.org/digest-kg/ontology#>
            SELECT ?author (COUNT(DISTINCT ?other) AS ?coauthors)
            WHERE {
              { SELECT ?paper WHERE { ?a a dkg:Appearance ; dcterms:date ?date ; dkg:rank 1 ; dkg:paper ?paper }
                ORDER BY DESC(?date) ?paper LIMIT 1 }
              ?paper dkg:authorship ?s . ?s dkg:position 1 ; dkg:author ?person . ?person foaf:name ?author .
              ?shared dcterms:creator ?person , ?other . FILTER (?other != ?person)
            }
            GROUP BY ?author
            """;

    /** A cheap query on real data: is the server up and the store open. */
    public static final String PROBE = """
            SELECT ?paper WHERE { ?paper a <https://w3id.org/digest-kg/ontology#Paper> } LIMIT 1
            """;

    private final Path sparqlDir;

    public BenchQueries(Path sparqlDir) {
        this.sparqlDir = sparqlDir;
    }

    public String text(String name) throws IOException {
        return Files.readString(sparqlDir.resolve(name + ".rq"));
    }

    /** {@code sparql/coauthors.rq} for one author. */
    public String coauthors(String author) throws IOException {
        return bindAuthor(text("coauthors"), author);
    }

    /** {@code sparql/top-pairs.rq} with LIMIT 20 (the file's own limit when it is already 20). */
    public String topPairs() throws IOException {
        String text = text("top-pairs");
        Query q = QueryFactory.create(text);
        if (q.getLimit() == 20) return text;
        q.setLimit(20);
        return q.serialize();
    }

    /** {@code sparql/two-hop.rq} for one author, as is: one row per person within two steps. */
    public String twoHopRows(String author) throws IOException {
        return bindAuthor(text("two-hop"), author);
    }

    /** {@code sparql/two-hop-size.rq} for one author: the number of people within two steps. */
    public String twoHopSize(String author) throws IOException {
        return bindAuthor(text("two-hop-size"), author);
    }

    /** {@code sparql/papers-per-category.rq} as is. */
    public String papersPerCategory() throws IOException {
        return text("papers-per-category");
    }

    static String bindAuthor(String queryText, String author) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(queryText);
        pss.setLiteral("author", author);
        String bound = pss.toString();
        QueryFactory.create(bound);
        return bound;
    }
}
