package org.digestkg.server;

import static org.digestkg.server.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a client sends makes the server read a local file or fetch a URL — not SPARQL Update's {@code LOAD}, not
 * {@code SERVICE} in queries or updates, not a JSON-LD {@code @context} — unless the source is allowed. The "rest of
 * the internet" is a recording web server on loopback ({@link OutsideWorld}); the local files hold a secret.
 */
class KgServerSourcesTest {

    private static final BasicCredentials ALICE = new BasicCredentials("alice", "pw");
    private static final String SECRET = "SECRET-7f3a9c";

    @TempDir
    static Path dir;
    static OutsideWorld outside;
    static KgServer readOnly;
    static KgServer closed;    // updates, no allowed sources
    static KgServer open;      // updates, sources allowed: outside/allowed/ and the folder shared/
    static Path secretRdf;
    static Path secretText;
    static Path shared;

    @BeforeAll
    static void start() throws IOException {
        outside = new OutsideWorld();
        secretRdf = Files.writeString(dir.resolve("secret.ttl"), "<urn:x:secret> <urn:x:is> \"" + SECRET + "\" .\n");
        secretText = Files.writeString(dir.resolve("secret.txt"), SECRET + " is not RDF\n");
        shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("shared.ttl"), "<https://example.org/shared> <https://example.org/is> \"shared\" .\n");
        Path passwords = TestData.passwordFile(dir.resolve("passwords"), "alice: pw\n");
        readOnly = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0).build().start();
        closed = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .update(true).passwordFile(passwords).build().start();
        open = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .update(true).passwordFile(passwords)
                .allowedSources(AllowedSources.of(List.of(outside.url("/allowed/"), shared.toString())))
                .build().start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {readOnly, closed, open, outside}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- nothing allowed (the default)

    @Test
    void loadOfALocalFileIsRefusedAndItsContentNeverShown() {
        for (Path file : List.of(secretRdf, secretText)) {
            HttpResponse<String> r = update(closed, "LOAD <" + file.toUri() + "> INTO GRAPH <urn:x:g>");
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("refused"), r.body());
            assertFalse(r.body().contains(SECRET), r.body());
        }
        HttpResponse<String> silent = update(closed, "LOAD SILENT <" + secretRdf.toUri() + ">");
        assertEquals(422, silent.statusCode(), silent.body());
        assertEquals(0, count(closed, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
    }

    @Test
    void loadOfAUrlFetchesNothing() {
        HttpResponse<String> r = update(closed, "LOAD <" + outside.url("/data.ttl") + "> INTO GRAPH <urn:x:g>");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals(List.of(), fetched("/data.ttl"));
    }

    @Test
    void serviceInAnUpdateCallsNobody() {
        HttpResponse<String> r = update(closed, "INSERT { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> ?o } } WHERE { SERVICE <"
                + outside.url("/update-service/sparql") + "> { ?s ?p ?o } }");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals(List.of(), fetched("/update-service/sparql"));
    }

    @Test
    void serviceInAQueryCallsNobody() {
        for (KgServer server : List.of(readOnly, closed)) {
            HttpResponse<String> r = Http.get(server.sparqlUrl() + "?query="
                    + enc("SELECT * { SERVICE <" + outside.url("/query-service/sparql") + "> { ?s ?p ?o } }"), null);
            assertEquals(422, r.statusCode(), r.body());
        }
        // FROM names a graph of the dataset; it is not fetched either
        HttpResponse<String> from = Http.get(readOnly.sparqlUrl() + "?query="
                + enc("SELECT * FROM <" + outside.url("/from.ttl") + "> { ?s ?p ?o }"), null);
        assertEquals(200, from.statusCode(), from.body());
        assertEquals(List.of(), fetched("/query-service/sparql"));
        assertEquals(List.of(), fetched("/from.ttl"));
    }

    @Test
    void remoteJsonLdContextsAreNotFetchedFromUploads() {
        for (String context : List.of(outside.url("/upload.jsonld"), secretRdf.toUri().toString())) {
            String doc = "{\"@context\": \"" + context + "\", \"@id\": \"urn:x:a\", \"urn:x:p\": \"v\"}";
            HttpResponse<String> r = Http.request("PUT", closed.gspUrl() + "?graph=" + enc("urn:x:jsonld"),
                    "application/ld+json", doc, "Authorization", ALICE.authorizationHeader());
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("not loaded"), r.body());
            assertFalse(r.body().contains(SECRET), r.body());
        }
        assertEquals(List.of(), fetched("/upload.jsonld"));
        // an inline context is read as before
        String inline = "{\"@context\": {\"p\": \"urn:x:p\"}, \"@id\": \"urn:x:a\", \"p\": \"v\"}";
        HttpResponse<String> ok = Http.request("PUT", closed.gspUrl() + "?graph=" + enc("urn:x:jsonld"),
                "application/ld+json", inline, "Authorization", ALICE.authorizationHeader());
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(1, count(closed, "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x:jsonld> { <urn:x:a> <urn:x:p> \"v\" } }"));
    }

    @Test
    void theDataValidatorAnyoneMayCallFetchesNoJsonLdContext() {
        String doc = "{\"@context\": \"" + outside.url("/validate.jsonld") + "\", \"@id\": \"urn:x:a\", \"urn:x:p\": \"v\"}";
        HttpResponse<String> r = Http.postForm(readOnly.serverUrl() + "/$/validate/data",
                "languageSyntax=JSON-LD&data=" + enc(doc), "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("not loaded"), r.body());
        assertEquals(List.of(), fetched("/validate.jsonld"));
    }

    // ---- allowed sources

    @Test
    void loadReadsFromAllowedSourcesOnly() throws IOException {
        assertEquals(204, update(open, "LOAD <" + outside.url("/allowed/data.ttl") + "> INTO GRAPH <urn:x:web>").statusCode());
        assertEquals(1, count(open, "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x:web> { <https://example.org/outside> ?p ?o } }"));
        assertEquals(List.of("/allowed/data.ttl"), fetched("/allowed/data.ttl"));

        Path sharedFile = shared.resolve("shared.ttl");
        assertEquals(204, update(open, "LOAD <" + sharedFile.toUri() + "> INTO GRAPH <urn:x:file>").statusCode());
        assertEquals(1, count(open, "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x:file> { <https://example.org/shared> ?p ?o } }"));

        List<String> refused = List.of(outside.url("/elsewhere.ttl"), outside.url("/allowed/../elsewhere.ttl"),
                outside.url("/allowedx.ttl"), secretRdf.toUri().toString(),
                shared.toUri() + "..%2Fsecret.ttl", "file://" + shared + "/../secret.ttl");
        for (String source : refused) {
            HttpResponse<String> r = update(open, "LOAD <" + source + "> INTO GRAPH <urn:x:refused>");
            assertEquals(422, r.statusCode(), source + " -> " + r.body());
            assertFalse(r.body().contains(SECRET), r.body());
        }
        assertEquals(List.of(), fetched("/elsewhere.ttl"));
        assertEquals(List.of(), fetched("/allowedx.ttl"));
        assertEquals(0, count(open, "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x:refused> { ?s ?p ?o } }"));
    }

    @Test
    void serviceCallsGoToAllowedSourcesOnly() {
        String allowed = "SELECT ?o { SERVICE <" + outside.url("/allowed/sparql") + "> { ?s ?p ?o } }";
        HttpResponse<String> r = Http.get(open.sparqlUrl() + "?query=" + enc(allowed), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("hello from outside"), r.body());

        String elsewhere = "SELECT ?o { SERVICE <" + outside.url("/other/sparql") + "> { ?s ?p ?o } }";
        assertEquals(422, Http.get(open.sparqlUrl() + "?query=" + enc(elsewhere), null).statusCode());
        assertEquals(422, update(open, "INSERT { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> ?o } } WHERE { SERVICE <"
                + outside.url("/other/sparql") + "> { ?s ?p ?o } }").statusCode());
        assertEquals(List.of(), fetched("/other/sparql"));
    }

    @Test
    void allowedSourcesAreHttpHttpsOrFilePrefixes() {
        AllowedSources sources = AllowedSources.of(List.of("https://example.org/rdf", "http://example.org:8080/", "/srv/rdf/"));
        for (String yes : List.of("https://example.org/rdf", "https://example.org/rdf/a.ttl", "https://EXAMPLE.org:443/rdf/a",
                "http://example.org:8080/x", "file:///srv/rdf/a.ttl", "file:/srv/rdf/sub/b.nt")) {
            assertTrue(sources.permits(yes), yes);
        }
        for (String no : List.of("https://example.org/rdfx", "http://example.org/rdf/a.ttl", "https://example.org:8443/rdf/a",
                "https://example.org.evil.com/rdf/a", "https://user@example.org/rdf/a", "https://example.org/rdf/../etc",
                "https://example.org/rdf/%2e%2e/etc", "https://example.org/rdf/..%2Fetc", "https://example.org/rdf%2Fa",
                "file:///srv/rdfx/a",
                "file:///srv/rdf/../../etc/passwd", "ftp://example.org/rdf/a", "jar:file:///srv/rdf/a.jar!/x",
                "rdf/a.ttl", "not a url")) {
            assertFalse(sources.permits(no), no);
        }
        assertFalse(AllowedSources.none().permits("https://example.org/rdf/a.ttl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AllowedSources.of(List.of("ftp://example.org/")));
        assertTrue(e.getMessage().contains("ftp://example.org/"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AllowedSources.of(List.of("relative/dir")));
    }

    private static List<String> fetched(String path) {
        return outside.requests().stream().filter(path::equals).toList();
    }

    private static HttpResponse<String> update(KgServer server, String update) {
        return Http.request("POST", server.updateUrl(), "application/sparql-update", update,
                "Authorization", ALICE.authorizationHeader());
    }

    private static long count(KgServer server, String query) {
        HttpResponse<String> r = Http.get(server.sparqlUrl() + "?query=" + enc(query), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().get(0)
                .getAsObject().get("n").getAsObject().get("value").getAsString().value());
    }
}
