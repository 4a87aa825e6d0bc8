package org.digestkg.server;

import static org.digestkg.server.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.util.IsoMatcher;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started with updates allowed: changes need the password file's credentials, reads stay open. */
class KgServerUpdateTest {

    private static final BasicCredentials ALICE = new BasicCredentials("alice", "wonder:land");
    private static final BasicCredentials WRONG = new BasicCredentials("alice", "guess");
    private static final BasicCredentials STRANGER = new BasicCredentials("mallory", "wonder:land");

    @TempDir
    static Path dir;
    static KgServer server;
    static String ds;

    @BeforeAll
    static void start() throws IOException {
        Path passwords = TestData.passwordFile(dir.resolve("passwords"),
                "# who may change the graph\n\nalice: wonder:land\nbob:builder\n");
        GraphStore store = TestData.createStore(dir.resolve("tdb2"));
        server = KgServer.builder().store(store).port(0).update(true).passwordFile(passwords).build().start();
        ds = server.datasetUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sparqlUpdateNeedsCredentials() {
        String g = "https://example.org/digest/update-test";
        String update = "INSERT DATA { GRAPH <" + g + "> { <urn:x:s> <urn:x:p> \"updated\" } }";
        String ask = "ASK { GRAPH <" + g + "> { <urn:x:s> <urn:x:p> \"updated\" } }";

        HttpResponse<String> none = Http.request("POST", ds + "/update", "application/sparql-update", update);
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
        assertEquals(401, Http.request("POST", ds + "/update", "application/sparql-update", update,
                "Authorization", WRONG.authorizationHeader()).statusCode());
        assertEquals(401, Http.request("POST", ds + "/update", "application/sparql-update", update,
                "Authorization", STRANGER.authorizationHeader()).statusCode());
        assertEquals(401, Http.request("POST", ds + "/update", "application/sparql-update", update,
                "Authorization", "Bearer abc").statusCode());
        assertEquals(false, ask(ask));

        HttpResponse<String> ok = Http.request("POST", ds + "/update", "application/sparql-update", update,
                "Authorization", ALICE.authorizationHeader());
        assertSuccess(ok);
        assertEquals(true, ask(ask));

        // the form variant, with the other user of the file
        String delete = "update=" + enc("DELETE DATA { GRAPH <" + g + "> { <urn:x:s> <urn:x:p> \"updated\" } }");
        assertEquals(401, Http.postForm(ds + "/update", delete).statusCode());
        HttpResponse<String> ok2 = Http.postForm(ds + "/update", delete,
                "Authorization", new BasicCredentials("bob", "builder").authorizationHeader());
        assertSuccess(ok2);
        assertEquals(false, ask(ask));
    }

    @Test
    void graphStoreWritesNeedCredentials() {
        String g = "https://example.org/digest/gsp-test";
        String url = ds + "/data?graph=" + enc(g);
        String ttl = "<urn:x:a> <urn:x:b> \"one\" .";

        assertEquals(401, Http.request("PUT", url, "text/turtle", ttl).statusCode());
        assertEquals(401, Http.request("PUT", url, "text/turtle", ttl,
                "Authorization", WRONG.authorizationHeader()).statusCode());
        assertEquals(404, Http.get(url, "text/turtle").statusCode());

        HttpResponse<String> put = Http.request("PUT", url, "text/turtle", ttl, "Authorization", ALICE.authorizationHeader());
        assertSuccess(put);
        HttpResponse<String> read = Http.get(url, "application/n-triples");   // reads need nothing
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("\"one\""), read.body());
        assertEquals(true, ask("ASK { <urn:x:a> <urn:x:b> \"one\" }"));   // and the union default graph sees it

        assertEquals(401, Http.request("POST", url, "text/turtle", "<urn:x:a> <urn:x:b> \"two\" .").statusCode());
        assertEquals(401, Http.request("DELETE", url, null, null).statusCode());
        HttpResponse<String> delete = Http.request("DELETE", url, null, null, "Authorization", ALICE.authorizationHeader());
        assertSuccess(delete);
        assertEquals(404, Http.get(url, "text/turtle").statusCode());
    }

    @Test
    void theDefaultGraphCannotBeWrittenItIsTheUnion() {
        HttpResponse<String> r = Http.request("PUT", ds + "/data?default", "text/turtle", "<urn:x:d> <urn:x:d> <urn:x:d> .",
                "Authorization", ALICE.authorizationHeader());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("union"), r.body());
    }

    @Test
    void readsStayOpen() {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { GRAPH <"
                + TestData.DIGEST_1.getURI() + "> { ?s ?p ?o } }"), "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertEquals("4", JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().get(0)
                .getAsObject().get("n").getAsObject().get("value").getAsString().value());
        HttpResponse<String> g = Http.get(ds + "/data?graph=" + enc(TestData.DIGEST_2.getURI()), "text/turtle");
        assertEquals(200, g.statusCode());
        assertTrue(IsoMatcher.isomorphic(TestData.digest2(), KgServerReadOnlyTest.parse(g.body(), Lang.TURTLE)));
        HttpResponse<String> q = Http.postForm(ds + "/sparql", "query=" + enc("ASK {}"), "Accept", "application/sparql-results+json");
        assertEquals(200, q.statusCode());
    }

    @Test
    void adminChangesNeedCredentialsAndDatasetsCannotBeAddedOrRemoved() {
        String base = server.serverUrl() + "/$/";
        assertEquals(401, Http.postForm(base + "datasets", "dbName=other&dbType=mem").statusCode());
        assertEquals(401, Http.request("DELETE", base + "datasets/kg", null, null).statusCode());
        assertEquals(401, Http.request("POST", base + "compact/kg", null, null).statusCode());
        assertEquals(401, Http.request("POST", base + "backup/kg", null, null).statusCode());
        assertEquals(401, Http.request("POST", base + "compact/kg", null, null,
                "Authorization", WRONG.authorizationHeader()).statusCode());

        String auth = ALICE.authorizationHeader();
        assertEquals(405, Http.postForm(base + "datasets", "dbName=other&dbType=mem", "Authorization", auth).statusCode());
        assertEquals(405, Http.request("DELETE", base + "datasets/kg", null, null, "Authorization", auth).statusCode());
        // backups would go to a Fuseki run area, which this server does not have: not offered at all
        int backup = Http.request("POST", base + "backup/kg", null, null, "Authorization", auth).statusCode();
        assertTrue(backup == 404 || backup == 405, "backup: " + backup);
        HttpResponse<String> list = Http.get(base + "datasets", "application/json");
        assertEquals(1, JSON.parse(list.body()).get("datasets").getAsArray().size());
    }

    @Test
    void compactionRunsForAnAuthenticatedUser() throws InterruptedException {
        HttpResponse<String> r = Http.request("POST", server.serverUrl() + "/$/compact/kg", null, null,
                "Authorization", ALICE.authorizationHeader());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject task = JSON.parse(r.body());
        String taskId = task.get("taskId").getAsString().value();
        for (int i = 0; i < 100; i++) {
            JsonObject t = JSON.parse(Http.get(server.serverUrl() + "/$/tasks/" + taskId, "application/json").body());
            if (t.hasKey("finished")) {
                assertTrue(t.get("success").getAsBoolean().value(), t.toString());
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(true, ask("ASK { GRAPH <" + TestData.DIGEST_1.getURI() + "> { ?s ?p \"Alpha\" } }"));
    }

    @Test
    void browserPagesOfOtherOriginsCannotWrite() {
        HttpResponse<String> r = Http.postForm(ds + "/update",
                "update=" + enc("INSERT DATA { <urn:x:evil> <urn:x:p> <urn:x:o> }"),
                "Authorization", ALICE.authorizationHeader(), "Origin", "https://evil.example");
        assertEquals(403, r.statusCode(), r.body());
        assertEquals(false, ask("ASK { <urn:x:evil> ?p ?o }"));
    }

    @Test
    void coauthorshipQueriesFollowUpdates() {
        String g = "https://example.org/digest/coauthor-test";
        String coauthors = """
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX kgfn: <https://w3id.org/digest-kg/fn#>
                SELECT ?name ?papers WHERE {
                  ?a foaf:name "Ada Test" . ?a kgfn:coauthor (?b ?papers) . ?b foaf:name ?name
                } ORDER BY ?name""";
        String paper = "<urn:x:paper-%s> a <https://w3id.org/digest-kg/ontology#Paper> ; "
                + "<http://purl.org/dc/terms/creator> <urn:x:ada> , <urn:x:%s> . "
                + "<urn:x:%2$s> <http://xmlns.com/foaf/0.1/name> \"%s\" . ";
        String insert = "INSERT DATA { GRAPH <" + g + "> { <urn:x:ada> <http://xmlns.com/foaf/0.1/name> \"Ada Test\" . "
                + paper.formatted("1", "bo", "Bo Test") + paper.formatted("2", "bo", "Bo Test") + " } }";
        assertEquals("", select(coauthors), "nobody yet");

        assertSuccess(Http.request("POST", ds + "/update", "application/sparql-update", insert,
                "Authorization", ALICE.authorizationHeader()));
        assertEquals("Bo Test 2", select(coauthors));

        String more = "INSERT DATA { GRAPH <" + g + "> { " + paper.formatted("3", "cy", "Cy Test") + " } }";
        assertSuccess(Http.request("POST", ds + "/update", "application/sparql-update", more,
                "Authorization", ALICE.authorizationHeader()));
        assertEquals("Bo Test 2|Cy Test 1", select(coauthors));

        assertSuccess(Http.request("POST", ds + "/update", "application/sparql-update", "DROP GRAPH <" + g + ">",
                "Authorization", ALICE.authorizationHeader()));
        assertEquals("", select(coauthors));
    }

    /** The rows of a SELECT, values joined by spaces, rows by {@code |}. */
    private static String select(String query) {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(query), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1)
                .map(line -> line.replaceAll("\"([^\"]*)\"(\\^\\^\\S+)?", "$1").replace('\t', ' '))
                .reduce((a, b) -> a + "|" + b).orElse("");
    }

    private static void assertSuccess(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, r + " " + r.body());
    }

    private static boolean ask(String query) {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(query), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }
}
