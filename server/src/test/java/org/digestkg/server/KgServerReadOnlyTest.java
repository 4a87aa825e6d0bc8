package org.digestkg.server;

import static org.digestkg.server.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only server (the default) over a real TDB2 store with two digests, talked to over HTTP. */
class KgServerReadOnlyTest {

    private static final String TITLES = TestData.PREFIXES + "SELECT ?title WHERE { ?p ex:title ?title } ORDER BY ?title";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;
    static KgServer server;
    static String ds;

    @BeforeAll
    static void start() {
        GraphStore store = TestData.createStore(dir.resolve("tdb2"));
        server = KgServer.builder().store(store).port(0).timeout(TIMEOUT).build().start();
        ds = server.datasetUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- SPARQL query, content negotiation

    @Test
    void datasetUrlNamesTheChosenPort() {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/kg", ds);
    }

    @Test
    void selectAsJsonByAcceptHeader() {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(TITLES), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void selectAsXmlByAcceptHeader() {
        HttpResponse<String> r = Http.get(ds + "/query?query=" + enc(TITLES), "application/sparql-results+xml");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_XML));
    }

    @Test
    void selectAsCsvByAcceptHeader() {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(TITLES), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("title\r\nAlpha\r\nBeta\r\nGamma\r\n", r.body());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_CSV));
    }

    @Test
    void selectAsTsvByAcceptHeader() {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(TITLES), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        assertTrue(r.body().startsWith("?title\n"), r.body());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_TSV));
    }

    @Test
    void resultFormatByFormatParameter() {
        String base = ds + "/sparql?query=" + enc(TITLES) + "&format=";
        HttpResponse<String> json = Http.get(base + "json", null);
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(json.body(), ResultSetLang.RS_JSON));
        HttpResponse<String> xml = Http.get(base + "xml", null);
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(xml.body(), ResultSetLang.RS_XML));
        HttpResponse<String> csv = Http.get(base + "csv", null);
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(csv.body(), ResultSetLang.RS_CSV));
        HttpResponse<String> tsv = Http.get(base + "tsv", null);
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(tsv.body(), ResultSetLang.RS_TSV));
    }

    @Test
    void queryByPostWithSparqlQueryBody() {
        HttpResponse<String> r = Http.request("POST", ds + "/sparql", "application/sparql-query", TITLES,
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void queryByPostedForm() {
        HttpResponse<String> r = Http.postForm(ds + "/query", "query=" + enc(TITLES), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r.body(), ResultSetLang.RS_CSV));
        // and on the dataset URL itself, with and without the slash (the UI's query page uses "/kg/")
        for (String url : List.of(ds, ds + "/")) {
            HttpResponse<String> r2 = Http.postForm(url, "query=" + enc(TITLES), "Accept", "text/csv");
            assertEquals(200, r2.statusCode(), r2.body());
            assertEquals(List.of("Alpha", "Beta", "Gamma"), titles(r2.body(), ResultSetLang.RS_CSV));
        }
    }

    @Test
    void askAndConstruct() {
        HttpResponse<String> ask = Http.get(ds + "/sparql?query="
                + enc(TestData.PREFIXES + "ASK { ?p ex:title \"Gamma\" }"), "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(JSON.parse(ask.body()).get("boolean").getAsBoolean().value());

        HttpResponse<String> ttl = Http.get(ds + "/sparql?query="
                + enc("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = parse(ttl.body(), Lang.TURTLE);
        assertEquals(TestData.TRIPLES_1 + TestData.TRIPLES_2, g.size());
    }

    // ---- union default graph, Graph Store Protocol read

    @Test
    void defaultGraphIsTheUnionOfAllDigests() {
        assertEquals(TestData.TRIPLES_1 + TestData.TRIPLES_2, count(COUNT));
        // a pattern joining triples from the two digests: p3 (digest 2) cites p1, titled in digest 1
        assertEquals(1, count(TestData.PREFIXES
                + "SELECT (COUNT(*) AS ?n) { ?a ex:cites ?b . ?b ex:title \"Alpha\" }"));
        // and the named graphs are still there
        assertEquals(TestData.TRIPLES_1, count("SELECT (COUNT(*) AS ?n) { GRAPH <" + TestData.DIGEST_1.getURI() + "> { ?s ?p ?o } }"));
        assertEquals(2, count("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
    }

    @Test
    void graphStoreReadReturnsOneDigest() {
        HttpResponse<String> r = Http.get(ds + "/data?graph=" + enc(TestData.DIGEST_1.getURI()), "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(IsoMatcher.isomorphic(TestData.digest1(), parse(r.body(), Lang.NTRIPLES)));

        HttpResponse<String> r2 = Http.get(ds + "/data?graph=" + enc(TestData.DIGEST_2.getURI()), "text/turtle");
        assertEquals(200, r2.statusCode(), r2.body());
        assertTrue(IsoMatcher.isomorphic(TestData.digest2(), parse(r2.body(), Lang.TURTLE)));

        HttpResponse<String> missing = Http.get(ds + "/data?graph=" + enc("https://example.org/digest/none"), "text/turtle");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void graphStoreReadOfDefaultGraphIsTheUnion() {
        HttpResponse<String> r = Http.get(ds + "/data?default", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        Graph union = GraphFactory.createDefaultGraph();
        TestData.digest1().find().forEach(union::add);
        TestData.digest2().find().forEach(union::add);
        assertTrue(IsoMatcher.isomorphic(union, parse(r.body(), Lang.NTRIPLES)), r.body());
    }

    // ---- writes refused

    @Test
    void sparqlUpdateIsRefused() {
        String insert = "update=" + enc("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }");
        HttpResponse<String> r = Http.postForm(ds + "/update", insert);
        assertClientError(r);
        HttpResponse<String> r2 = Http.request("POST", ds + "/update", "application/sparql-update",
                "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }");
        assertClientError(r2);
        // not through the query endpoints either
        assertClientError(Http.request("POST", ds + "/sparql", "application/sparql-update",
                "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"));
        assertClientError(Http.request("POST", ds, "application/sparql-update",
                "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"));
        assertClientError(Http.postForm(ds, insert));
        assertClientError(Http.postForm(ds + "/", insert));
        assertClientError(Http.get(ds + "/update?" + insert, null));
        assertUnchanged();
    }

    @Test
    void graphStoreWritesAreRefused() {
        String g = "?graph=" + enc(TestData.DIGEST_1.getURI());
        String ttl = "<urn:x:s> <urn:x:p> <urn:x:o> .";
        assertClientError(Http.request("PUT", ds + "/data" + g, "text/turtle", ttl));
        assertClientError(Http.request("POST", ds + "/data" + g, "text/turtle", ttl));
        assertClientError(Http.request("DELETE", ds + "/data" + g, null, null));
        assertClientError(Http.request("PUT", ds + "/data?default", "text/turtle", ttl));
        assertClientError(Http.request("POST", ds + g, "text/turtle", ttl));
        assertClientError(Http.request("PUT", ds, "application/n-quads", "<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> ."));
        assertUnchanged();
    }

    // ---- admin API

    @Test
    void uiStatusEndpointsAnswer() {
        HttpResponse<String> datasets = Http.get(server.serverUrl() + "/$/datasets", "application/json");
        assertEquals(200, datasets.statusCode(), datasets.body());
        JsonArray list = JSON.parse(datasets.body()).get("datasets").getAsArray();
        assertEquals(1, list.size());
        assertEquals("/kg", list.get(0).getAsObject().get("ds.name").getAsString().value());

        assertEquals(200, Http.get(server.serverUrl() + "/$/datasets/kg", "application/json").statusCode());
        assertEquals(200, Http.get(server.serverUrl() + "/$/server", "application/json").statusCode());
        assertEquals(200, Http.get(server.serverUrl() + "/$/ping", null).statusCode());
        assertEquals(200, Http.get(server.serverUrl() + "/$/stats/kg", "application/json").statusCode());
        assertEquals(200, Http.get(server.serverUrl() + "/$/tasks", "application/json").statusCode());
        HttpResponse<String> ui = Http.get(server.serverUrl() + "/", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("Fuseki"), ui.body());
    }

    @Test
    void adminChangesAreRefused() {
        String base = server.serverUrl() + "/$/";
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(Http.postForm(base + "datasets", "dbName=other&dbType=mem"));
        answers.add(Http.request("POST", base + "datasets", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> ."));
        answers.add(Http.request("DELETE", base + "datasets/kg", null, null));
        answers.add(Http.request("POST", base + "datasets/kg?state=offline", null, null));
        answers.add(Http.request("POST", base + "compact/kg", null, null));
        answers.add(Http.request("POST", base + "compact/kg?deleteOld=true", null, null));
        answers.add(Http.request("POST", base + "backup/kg", null, null));
        answers.add(Http.request("POST", base + "tasks", null, null));
        answers.add(Http.request("DELETE", base + "tasks/1", null, null));
        answers.add(Http.request("POST", base + "reload", null, null));
        answers.add(Http.request("POST", base + "shutdown", null, null));
        answers.add(Http.request("POST", base + "sleep", null, null));
        // a path the container normalises into /$/compact/kg is not taken for the harmless /$/validate/
        answers.add(Http.request("POST", base + "validate/../compact/kg", null, null));
        answers.add(Http.request("POST", base + "validate/%2e%2e/compact/kg", null, null));
        // nor a raw path that only looks like /$/validate/x: Fuseki and Jetty would each see another path
        answers.add(Http.request("POST", base + "validate/..", null, null));
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() == 403 || r.statusCode() == 400,
                    r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.body());
        }
        assertEquals(403, answers.get(0).statusCode());
        assertTrue(answers.get(0).body().contains("read-only"), answers.get(0).body());
        HttpResponse<String> datasets = Http.get(server.serverUrl() + "/$/datasets", "application/json");
        assertEquals(1, JSON.parse(datasets.body()).get("datasets").getAsArray().size());
        assertUnchanged();
    }

    @Test
    void harmlessAdminPostsStillWork() {
        HttpResponse<String> ping = Http.request("POST", server.serverUrl() + "/$/ping", null, null);
        assertEquals(200, ping.statusCode());
        HttpResponse<String> validate = Http.postForm(server.serverUrl() + "/$/validate/query",
                "query=" + enc("SELECT * { ?s ?p ?o }"), "Accept", "application/json");
        assertEquals(200, validate.statusCode(), validate.body());
    }

    // ---- timeout

    @Test
    void runawayQueryIsStoppedAtTheTimeoutAndTheServerGoesOn() {
        // Every triple with every triple, four times over, with a million-row table on top: hours of work.
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            values.append(i).append(' ');
        }
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
                + "VALUES ?x { " + values + "} VALUES ?y { " + values + "} VALUES ?z { " + values + "} }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(slow), "application/sparql-results+json");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(5)) < 0, "took " + took);
        assertEquals(TestData.TRIPLES_1 + TestData.TRIPLES_2, count(COUNT));
    }

    // ---- how answers are sent

    @Test
    void answersReuseBuffersInsteadOfTakingMegabytesEach() {
        // Fuseki asks Jetty for a 5 MB response buffer, which Jetty's pool does not keep: each answer took a fresh one
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
        Http.get(ds + "/sparql?query=" + enc("ASK {}"), "application/sparql-results+json");   // the pool's first buffers
        long before = direct.getTotalCapacity();
        long most = before;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc("ASK {}"), "application/sparql-results+json");
            assertEquals(200, r.statusCode(), r.body());
            most = Math.max(most, direct.getTotalCapacity());
        }
        assertTrue(most - before < 8 << 20, "20 answers took " + (most - before) / 1024 + " KB of direct buffers");
    }

    @Test
    void aLargeAnswerIsWholeWhenItOutgrowsTheResponseBuffer() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            values.append(i).append(' ');
        }
        String numbers = "SELECT ?i { VALUES ?i { " + values + "} }";
        HttpResponse<String> large = Http.postForm(ds + "/sparql", "query=" + enc(numbers),
                "Accept", "application/sparql-results+json");
        assertEquals(200, large.statusCode(), large.body());
        assertTrue(large.body().length() > 8 * KgServer.OUTPUT_BUFFER, "a large answer: " + large.body().length());
        assertEquals(5000, ResultSetMgr.read(new ByteArrayInputStream(large.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON).rewindable().size());
    }

    @Test
    void federatedServiceCallsAreNotMade() {
        String query = "SELECT * { SERVICE <" + ds + "/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(query), "application/sparql-results+json");
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
    }

    // ---- network

    @Test
    void listensOnLoopbackOnly() throws IOException {
        List<InetSocketAddress> addresses = server.listeningAddresses();
        assertFalse(addresses.isEmpty());
        for (InetSocketAddress a : addresses) {
            assertEquals(InetAddress.getByName("127.0.0.1"), a.getAddress(), a.toString());
            assertEquals(server.port(), a.getPort());
        }
        // 127.0.0.2 is this machine too, but not the address the server is bound to
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class,
                    () -> s.connect(new InetSocketAddress("127.0.0.2", server.port()), 2000));
        }
    }

    // ---- helpers

    private static void assertClientError(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.body());
    }

    private static void assertUnchanged() {
        assertEquals(TestData.TRIPLES_1 + TestData.TRIPLES_2, count(COUNT));
        assertEquals(2, count("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
    }

    static long count(String query) {
        HttpResponse<String> r = Http.get(ds + "/sparql?query=" + enc(query), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject row = JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray()
                .get(0).getAsObject();
        return Long.parseLong(row.get("n").getAsObject().get("value").getAsString().value());
    }

    private static List<String> titles(String body, Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        List<String> titles = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            titles.add(row.get("title").asLiteral().getLexicalForm());
        }
        return titles;
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }
}
