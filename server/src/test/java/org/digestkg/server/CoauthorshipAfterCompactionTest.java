package org.digestkg.server;

import static org.digestkg.server.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction ({@code POST /$/compact/kg}) swaps the TDB2 storage under the served dataset for a fresh copy. The
 * co-authorship functions must answer from the data as it is after the swap, exactly as before it and as plain
 * SPARQL does, and keep following updates made afterwards. On a real sample digest, through a real Fuseki.
 */
class CoauthorshipAfterCompactionTest {

    private static final BasicCredentials EDITOR = new BasicCredentials("editor", "compact-me");
    private static final String AUTHOR = "Wenxin Zhang";
    private static final String PREFIXES = """
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX kgfn:    <https://w3id.org/digest-kg/fn#>
            """;
    private static final String COAUTHORS = PREFIXES + """
            SELECT ?name ?papers { ?a foaf:name "%s" . ?a kgfn:coauthor (?b ?papers ?w ?name) }
            ORDER BY ?name""".formatted(AUTHOR);
    private static final String COAUTHORS_PLAIN = PREFIXES + """
            SELECT ?name (COUNT(DISTINCT ?p) AS ?papers) {
              ?a foaf:name "%s" . ?p dcterms:creator ?a , ?b . FILTER (?a != ?b) ?b foaf:name ?name
            } GROUP BY ?name ORDER BY ?name""".formatted(AUTHOR);
    private static final String TWO_HOP = PREFIXES + """
            SELECT ?name ?distance { ?a foaf:name "%s" . ?a kgfn:twoHop (?b ?distance ?papers ?via ?name) }
            ORDER BY ?distance ?name""".formatted(AUTHOR);
    private static final String TOP_PAIRS = PREFIXES + """
            SELECT ?a ?b ?papers { (?x ?y ?papers ?w ?a ?b) kgfn:topPairs (5) } ORDER BY DESC(?papers) ?a ?b""";
    private static final String PAPERS = PREFIXES + "SELECT (COUNT(*) AS ?n) { ?p a <https://w3id.org/digest-kg/ontology#Paper> }";

    @TempDir
    Path dir;
    private KgServer server;

    @BeforeEach
    void start() throws IOException {
        Path passwords = TestData.passwordFile(dir.resolve("passwords"), "editor:compact-me\n");
        GraphStore store = GraphStore.open(dir.resolve("store"));
        Path digest = Files.copy(TestData.sample("2026-02-23.md"), dir.resolve("2026-02-23.md"));
        assertTrue(new DigestLoader(store).load(digest, null).clean());
        server = KgServer.builder().store(store).port(0).update(true).passwordFile(passwords).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void coauthorshipAnswersAreTheSameAfterCompaction() {
        List<String> before = List.of(select(COAUTHORS), select(TWO_HOP), select(TOP_PAIRS), select(PAPERS));
        assertFalse(before.get(0).isEmpty(), "the author has co-authors");
        assertTrue(before.get(1).matches(".* 2(\\|.*)?"), "and co-authors of co-authors: " + before.get(1));
        assertFalse(before.get(2).isEmpty(), "there are pairs");
        assertEquals(select(COAUTHORS_PLAIN), before.get(0), "the index agrees with plain SPARQL");

        compact();

        assertEquals(before, List.of(select(COAUTHORS), select(TWO_HOP), select(TOP_PAIRS), select(PAPERS)));
        assertEquals(select(COAUTHORS_PLAIN), select(COAUTHORS));
    }

    @Test
    void coauthorshipFollowsUpdatesMadeAfterCompaction() {
        select(COAUTHORS); // the index of the state before compaction is built and cached
        compact();
        String g = "https://example.org/digest/after-compaction";
        String insert = PREFIXES + """
                INSERT { GRAPH <%s> { <urn:x:paper> a <https://w3id.org/digest-kg/ontology#Paper> ;
                                        dcterms:creator ?a , <urn:x:newcomer> .
                                      <urn:x:newcomer> foaf:name "Zed Newcomer" } }
                WHERE { ?a foaf:name "%s" }""".formatted(g, AUTHOR);
        HttpResponse<String> r = Http.request("POST", server.updateUrl(), "application/sparql-update", insert,
                "Authorization", EDITOR.authorizationHeader());
        assertTrue(r.statusCode() / 100 == 2, r + " " + r.body());

        String after = select(COAUTHORS);
        assertTrue(after.contains("Zed Newcomer 1"), after);
        assertEquals(select(COAUTHORS_PLAIN), after);
    }

    /** Compacts the served store through the admin API and waits for the task to finish. */
    private void compact() {
        HttpResponse<String> r = Http.request("POST", server.serverUrl() + "/$/compact/kg", null, null,
                "Authorization", EDITOR.authorizationHeader());
        assertEquals(200, r.statusCode(), r.body());
        String task = JSON.parse(r.body()).get("taskId").getAsString().value();
        for (int i = 0; i < 300; i++) {
            JsonObject t = JSON.parse(Http.get(server.serverUrl() + "/$/tasks/" + task, "application/json").body());
            if (t.hasKey("finished")) {
                assertTrue(t.get("success").getAsBoolean().value(), t.toString());
                assertTrue(Files.isDirectory(dir.resolve("store/Data-0002")), "the storage was swapped");
                return;
            }
            sleep();
        }
        throw new AssertionError("compaction did not finish in 30 s");
    }

    /** The rows of a SELECT, values joined by spaces, rows by {@code |}. */
    private String select(String query) {
        HttpResponse<String> r = Http.get(server.sparqlUrl() + "?query=" + enc(query), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1)
                .map(line -> line.replaceAll("\"([^\"]*)\"(\\^\\^\\S+)?", "$1").replace('\t', ' '))
                .reduce((a, b) -> a + "|" + b).orElse("");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
