package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg serve} as its own process on a free loopback port, and {@code kg push}, {@code kg query --endpoint}
 * talking to it over HTTP: the way a team shares one graph.
 */
class ServeAndPushTest {

    @TempDir
    static Path tmp;
    static Process server;
    static String base;
    static Path served;
    static Path source;
    static Path passwordFile;
    static Path log;

    @BeforeAll
    static void startServer() throws Exception {
        source = tmp.resolve("source");
        served = tmp.resolve("served");
        assertEquals(0, KgCommandLineTest.kg("build", "--store", source.toString(),
                SampleOracle.root().resolve("data").toString()).exit());
        Files.writeString(tmp.resolve("users.txt"), "editor:s3cret\n");
        passwordFile = tmp.resolve("pw.txt");
        Files.writeString(passwordFile, "s3cret\n");
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        log = tmp.resolve("serve.log");
        // the served store starts with one digest of its own, loaded by serve itself
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Kg.class.getName(),
                "serve", "--store", served.toString(), "--port", String.valueOf(port), "--update",
                "--passwd", tmp.resolve("users.txt").toString(), SampleOracle.root().resolve("data/2026-02-23.md").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitUntilUp();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroy(); // SIGTERM: the shutdown hook stops Fuseki and closes the store
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }

    @Test
    void servesWhatItLoadedAndAcceptsPushedGraphsOnce() throws Exception {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        var before = KgCommandLineTest.kg("query", "--endpoint", base + "/kg/sparql", "--format", "csv", "-e", count);
        assertEquals(0, before.exit(), before.err());
        assertEquals("7550", lastLine(before.out()), "serve loaded the digest it was given");

        var push = KgCommandLineTest.kg("push", "--store", source.toString(), "--endpoint", base + "/kg/data",
                "--user", "editor", "--password-file", passwordFile.toString());
        assertEquals(0, push.exit(), push.err());
        assertTrue(push.out().contains("2 graphs pushed"), push.out());
        var afterPush = KgCommandLineTest.kg("query", "--endpoint", base + "/kg/sparql", "--format", "csv", "-e", count);
        assertEquals("18080", lastLine(afterPush.out()));

        // pushing again replaces the graphs: nothing is duplicated
        assertEquals(0, KgCommandLineTest.kg("push", "--store", source.toString(), "--endpoint", base + "/kg/data",
                "--user", "editor", "--password-file", passwordFile.toString()).exit());
        assertEquals("18080", lastLine(KgCommandLineTest.kg("query", "--endpoint", base + "/kg/sparql", "--format", "csv",
                "-e", count).out()));

        var papers = KgCommandLineTest.kg("query", "--endpoint", base + "/kg/sparql", "--format", "csv", "papers");
        assertEquals(0, papers.exit(), papers.err());
        assertEquals(276, papers.out().strip().split("\n").length, "a header and the 275 papers, from the union");
    }

    @Test
    void aPushWithoutCredentialsIsRefused() {
        var r = KgCommandLineTest.kg("push", "--store", source.toString(), "--endpoint", base + "/kg/data", "2026-02-04");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("401"), r.err());
    }

    @Test
    void buildingIntoTheServedStoreIsRefusedWithAClearMessage() {
        var r = KgCommandLineTest.kg("build", "--store", served.toString(), SampleOracle.root().resolve("data").toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("in use by another process"), r.err());
    }

    @Test
    void theExplorerIsAtTheRootAndTheFusekiUiUnderFuseki() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<form action=\"/search\""), "the explorer's home, with its search box");
        var search = http.send(HttpRequest.newBuilder(URI.create(base + "/search?q=diffusion")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("<mark>"), "search pages over the served store's index");
        var ui = http.send(HttpRequest.newBuilder(URI.create(base + "/fuseki/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("fuseki"), "the Fuseki UI");
        var datasets = http.send(HttpRequest.newBuilder(URI.create(base + "/fuseki/$/datasets")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(datasets.body().contains("\"/kg\""), "the UI's calls reach Fuseki: " + datasets.body());
        var post = http.send(HttpRequest.newBuilder(URI.create(base + "/search?q=diffusion"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(post.statusCode() == 401 || post.statusCode() == 403 || post.statusCode() == 405,
                "the pages are read-only: " + post.statusCode());
        // the banner comes after the server answers: wait for it rather than race it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(log).contains("Fuseki UI   " + base + "/fuseki/") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(log).contains("Explorer    " + base + "/\n"), Files.readString(log));
        assertTrue(Files.readString(log).contains("Fuseki UI   " + base + "/fuseki/"), Files.readString(log));
    }

    private static String lastLine(String csv) {
        String[] lines = csv.strip().split("\r?\n");
        return lines[lines.length - 1].strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitUntilUp() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("kg serve exited:\n" + Files.readString(log));
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("kg serve did not answer within 60 s:\n" + Files.readString(log));
    }
}
