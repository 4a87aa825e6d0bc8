package org.digestkg.server;

import static org.digestkg.server.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.ParameterizedSparqlString;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search through a real Fuseki over HTTP, on a TDB2 store of the two sample digests: Jena's {@code text:query} on
 * the SPARQL endpoint, the named query {@code search.rq}, the JSON answer at {@code /kg/search}; and the index
 * following SPARQL Update and Graph Store Protocol writes made with credentials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchOverHttpTest {

    private static final BasicCredentials EDITOR = new BasicCredentials("editor", "s3cret");
    private static final String TEXT = "PREFIX text: <http://jena.apache.org/text#>\n";

    @TempDir
    static Path dir;
    static KgServer server;
    static String ds;

    @BeforeAll
    static void start() throws IOException {
        Path data = root().resolve("data");
        GraphStore store = GraphStore.open(dir.resolve("store"));
        DigestLoader loader = new DigestLoader(store);
        loader.load(data.resolve("2026-02-04.md"), null);
        loader.load(data.resolve("2026-02-23.md"), null);
        Path passwords = TestData.passwordFile(dir.resolve("passwords"), "editor:s3cret\n");
        server = KgServer.builder().store(store).port(0).update(true).passwordFile(passwords).build().start();
        ds = server.datasetUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static Path root() {
        String prop = System.getProperty("digestkg.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no data/ folder above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** The bindings of a SELECT through the SPARQL endpoint, as JSON. */
    static List<JsonObject> select(String query) {
        HttpResponse<String> r = Http.postForm(ds + "/sparql", "query=" + enc(query),
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<JsonObject> rows = new ArrayList<>();
        JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray()
                .forEach(v -> rows.add(v.getAsObject()));
        return rows;
    }

    static String value(JsonObject row, String var) {
        JsonValue v = row.get(var);
        return v == null ? null : v.getAsObject().get("value").getAsString().value();
    }

    static JsonObject search(String params) {
        HttpResponse<String> r = Http.get(ds + "/search?" + params, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.parse(r.body());
    }

    static Set<String> ids(JsonObject answer) {
        Set<String> ids = new TreeSet<>();
        answer.get("hits").getAsArray().forEach(h -> ids.add(h.getAsObject().get("arxivId").getAsString().value()));
        return ids;
    }

    @Test
    void textQueryOnTheSparqlEndpointFindsEnglishAndChineseWithScores() {
        List<JsonObject> title = select(TEXT + "SELECT ?s ?score { (?s ?score) text:query 'WorldVQA' } ORDER BY DESC(?score)");
        assertEquals("https://w3id.org/digest-kg/paper/2602.02537", value(title.get(0), "s"), "its title's paper first");
        assertTrue(Double.parseDouble(value(title.get(0), "score")) > 0);
        // one row per literal: its TL;DR and its conclusion say it
        List<JsonObject> chinese = select(TEXT + "SELECT ?s ?p { (?s ?score ?literal ?g ?p) text:query '自适应多模态推理' }");
        assertEquals(Set.of("https://w3id.org/digest-kg/digest/2026-02-04/paper/2602.02676"),
                Set.copyOf(chinese.stream().map(r -> value(r, "s")).toList()), "the appearance whose summaries say it");
        assertEquals(Set.of("https://w3id.org/digest-kg/ontology#tldr", "https://w3id.org/digest-kg/ontology#conclusion"),
                Set.copyOf(chinese.stream().map(r -> value(r, "p")).toList()));
        // Jena's own language-restricted form works on the same index
        List<JsonObject> zh = select(TEXT + "PREFIX dkg: <https://w3id.org/digest-kg/ontology#>\n"
                + "SELECT ?s { ?s text:query (dkg:tldr '自适应多模态推理' 'lang:zh') }");
        assertEquals(1, zh.size());
    }

    @Test
    void theNamedSearchQueryGivesOnePaperPerRowBestFirst() throws IOException {
        ParameterizedSparqlString q = new ParameterizedSparqlString(
                Files.readString(root().resolve("sparql/search.rq")));
        q.setLiteral("q", "benchmark");
        List<JsonObject> rows = select(q.toString());
        List<String> ids = rows.stream().map(r -> value(r, "arxivId")).toList();
        assertEquals(Set.copyOf(ids).size(), ids.size(), "one row per paper");
        assertEquals(ids(search("q=benchmark&limit=1000")), new TreeSet<>(ids), "the same papers as /kg/search");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Double.parseDouble(value(rows.get(i - 1), "score")) >= Double.parseDouble(value(rows.get(i), "score")));
        }
        assertTrue(value(rows.get(0), "title").toLowerCase().contains("benchmark"), "a title match first");

        q.setLiteral("category", "cs.CL");
        q.setLiteral("since", "2026-02-20", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate);
        Set<String> filtered = new TreeSet<>(select(q.toString()).stream().map(r -> value(r, "arxivId")).toList());
        assertEquals(ids(search("q=benchmark&limit=1000&category=cs.CL&since=2026-02-20")), filtered);
        assertFalse(filtered.isEmpty());
    }

    @Test
    void theJsonSearchAnswersInEveryFieldWithHighlightedSnippets() {
        Map<String, String> probes = Map.of(
                "title", "Atomic", "abstract", "conflate", "tldr", "\"严格测量模型记忆\"",
                "motivation", "\"百科全书式知识广度\"", "method", "\"分层分类法\"", "result", "\"幻觉率\"",
                "conclusion", "\"标准化工具\"");
        probes.forEach((field, term) -> {
            JsonObject a = search("q=" + enc(field + ":" + term) + "&limit=1000");
            JsonObject hit = a.get("hits").getAsArray().stream().map(JsonValue::getAsObject)
                    .filter(h -> h.get("arxivId").getAsString().value().equals("2602.02537")).findFirst()
                    .orElseThrow(() -> new AssertionError(field + ":" + term + " misses 2602.02537: " + a));
            JsonObject snippet = hit.get("snippet").getAsObject();
            assertEquals(field, snippet.get("field").getAsString().value());
            JsonArray spans = snippet.get("highlights").getAsArray();
            assertFalse(spans.isEmpty(), snippet.toString());
            String text = snippet.get("text").getAsString().value();
            JsonArray first = spans.get(0).getAsArray();
            String marked = text.substring(first.get(0).getAsNumber().value().intValue(),
                    first.get(1).getAsNumber().value().intValue());
            assertTrue(term.replace("\"", "").toLowerCase().contains(marked.toLowerCase())
                    || marked.toLowerCase().contains(term.replace("\"", "").toLowerCase()), marked + " in " + text);
        });
    }

    @Test
    void theJsonSearchFiltersPagesAndCountsPerDay() {
        JsonObject all = search("q=reasoning&limit=1000");
        long total = all.get("total").getAsNumber().value().longValue();
        JsonObject page = search("q=reasoning&offset=2&limit=3");
        assertEquals(total, page.get("total").getAsNumber().value().longValue());
        assertEquals(3, page.get("hits").getAsArray().size());
        assertEquals(3, page.get("hits").getAsArray().get(0).getAsObject().get("rank").getAsNumber().value().intValue());
        JsonObject cv = search("q=reasoning&category=cs.CV&until=2026-02-04");
        cv.get("hits").getAsArray().forEach(h -> {
            assertEquals("cs.CV", h.getAsObject().get("category").getAsString().value());
            assertEquals("2026-02-04", h.getAsObject().get("days").getAsArray().get(0).getAsString().value());
        });
        HttpResponse<String> days = Http.get(ds + "/search/days?q=reasoning", null);
        assertEquals(200, days.statusCode(), days.body());
        long counted = 0;
        for (JsonValue d : JSON.parse(days.body()).get("days").getAsArray()) {
            counted += d.getAsObject().get("papers").getAsNumber().value().longValue();
        }
        assertEquals(total, counted, "each sample paper is listed on one day");
    }

    @Test
    void aMalformedSearchIsA400WithOneLineNeverA500() {
        for (String bad : List.of("q=" + enc("diffusion AND"), "q=" + enc("title:("), "q=" + enc("nosuchfield:x"),
                "q=", "q=x&limit=-1", "q=x&since=yesterday")) {
            HttpResponse<String> r = Http.get(ds + "/search?" + bad, null);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            String error = JSON.parse(r.body()).get("error").getAsString().value();
            assertFalse(error.contains("\n") || error.contains("Exception"), error);
        }
        HttpResponse<String> sparql = Http.postForm(ds + "/sparql",
                "query=" + enc(TEXT + "SELECT ?s { ?s text:query 'diffusion AND' }"));
        assertEquals(400, sparql.statusCode(), "a bad text:query is the client's error: " + sparql.body());
    }

    @Test
    @Order(Integer.MAX_VALUE) // drops a sample day: the other tests read it
    void sparqlUpdateAndGraphStoreWritesReachTheIndex() {
        String g = "https://w3id.org/digest-kg/digest/2026-03-09";
        String insert = "PREFIX dcterms: <http://purl.org/dc/terms/>\nINSERT DATA { GRAPH <" + g + "> {"
                + " <https://w3id.org/digest-kg/paper/2603.00001> dcterms:title \"Holographic tensor networks\" } }";
        assertEquals(401, Http.request("POST", ds + "/update", "application/sparql-update", insert).statusCode());
        assertTrue(select(TEXT + "SELECT ?s { ?s text:query 'holographic' }").isEmpty());
        assertEquals(2, Http.request("POST", ds + "/update", "application/sparql-update", insert,
                "Authorization", EDITOR.authorizationHeader()).statusCode() / 100);
        assertEquals(List.of("https://w3id.org/digest-kg/paper/2603.00001"),
                select(TEXT + "SELECT ?s { ?s text:query 'holographic' }").stream().map(r -> value(r, "s")).toList());

        // a Graph Store PUT replaces the graph: the old title is gone, the new one found
        String turtle = "<https://w3id.org/digest-kg/paper/2603.00001> <http://purl.org/dc/terms/title> "
                + "\"全息张量网络\"@zh .";
        HttpResponse<String> put = Http.request("PUT", ds + "/data?graph=" + enc(g), "text/turtle", turtle,
                "Authorization", EDITOR.authorizationHeader());
        assertEquals(2, put.statusCode() / 100, put.body());
        assertTrue(select(TEXT + "SELECT ?s { ?s text:query 'holographic' }").isEmpty(), "replaced");
        assertEquals(1, select(TEXT + "SELECT ?s { ?s text:query '全息张量' }").size());

        // and a Graph Store DELETE takes it out
        HttpResponse<String> delete = Http.request("DELETE", ds + "/data?graph=" + enc(g), null, null,
                "Authorization", EDITOR.authorizationHeader());
        assertEquals(2, delete.statusCode() / 100, delete.body());
        assertTrue(select(TEXT + "SELECT ?s { ?s text:query '全息张量' }").isEmpty());

        // a sample digest's graph dropped by SPARQL Update: its papers are no longer found
        assertFalse(ids(search("q=WorldVQA")).isEmpty());
        assertEquals(2, Http.request("POST", ds + "/update", "application/sparql-update",
                "DROP GRAPH <https://w3id.org/digest-kg/digest/2026-02-04>",
                "Authorization", EDITOR.authorizationHeader()).statusCode() / 100);
        assertTrue(ids(search("q=WorldVQA")).isEmpty());
        assertTrue(select(TEXT + "SELECT ?s { ?s text:query 'WorldVQA' }").isEmpty());
        assertFalse(ids(search("q=reasoning")).isEmpty(), "the other day's papers are still there");
    }
}
