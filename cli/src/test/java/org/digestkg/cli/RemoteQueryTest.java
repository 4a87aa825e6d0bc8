package org.digestkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.digestkg.server.KgServer;
import org.digestkg.storage.GraphStore;
import org.eclipse.jetty.security.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kg query --endpoint} against real servers over HTTP: a {@code kg serve} of the samples answers every named
 * query with every parameter exactly as the same store answers locally; a Fuseki that protects reads gets the
 * credentials; an endpoint that never answers is given up on at the time limit.
 */
class RemoteQueryTest {

    @TempDir
    static Path tmp;
    static KgServer served;
    static String local;

    @BeforeAll
    static void start() {
        // two stores of the same digests: the server holds one, the local queries read the other
        local = tmp.resolve("local").toString();
        String data = SampleOracle.root().resolve("data").toString();
        assertEquals(0, KgCommandLineTest.kg("build", "-q", "--store", local, data).exit());
        assertEquals(0, KgCommandLineTest.kg("build", "-q", "--store", tmp.resolve("served").toString(), data).exit());
        served = KgServer.builder().store(GraphStore.open(tmp.resolve("served"))).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (served != null) served.close();
    }

    static Stream<Arguments> namedQueriesWithParameters() {
        String feb23 = "date=\"2026-02-23\"^^<http://www.w3.org/2001/XMLSchema#date>";
        return Stream.of(
                Arguments.of("papers", List.of("arxivId=2602.02537")),
                Arguments.of("papers", List.of("category=cs.MA", feb23)),
                Arguments.of("authorships", List.of("arxivId=2602.02537")),
                Arguments.of("paper-text", List.of("arxivId=2602.02537", feb23.replace("23", "04"))),
                Arguments.of("papers-per-category", List.of("category=cs.CL")),
                Arguments.of("coauthors", List.of("author=Runjie Zhou")),
                Arguments.of("two-hop", List.of("author=Runjie Zhou")),
                Arguments.of("top-pairs", List.of("category=cs.CV")),
                Arguments.of("authors", List.of("category=cs.CL")),
                Arguments.of("papers", List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("namedQueriesWithParameters")
    void aRemoteQueryAnswersAsTheLocalStoreDoes(String name, List<String> params) {
        KgCommandLineTest.Run remote = query(List.of("--endpoint", served.sparqlUrl()), name, params);
        KgCommandLineTest.Run here = query(List.of("--store", local), name, params);
        assertEquals(0, remote.exit(), remote.err());
        assertEquals(0, here.exit(), here.err());
        assertEquals(here.out(), remote.out());
        assertTrue(remote.out().lines().count() > 1, "some rows: " + remote.out());
    }

    @Test
    void aParameterThatAppearsInOrderByIsBoundNotPasted() {
        // the query of the issue: papers.rq orders by ?arxivId, and the value used to be pasted there (HTTP 400)
        KgCommandLineTest.Run r = query(List.of("--endpoint", served.sparqlUrl()), "papers", List.of("arxivId=2602.02537"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("arxivId,title,category,date",
                "2602.02537,WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models,cs.CV,2026-02-04"),
                r.out().lines().toList());
    }

    @Test
    void credentialsReachAnEndpointThatProtectsReads() throws Exception {
        // users kept in memory: Fuseki's passwordFile(...) starts a reloading scanner of the file that its server's
        // stop() leaves running, and which would log into later tests' output once the folder is deleted
        UserStore users = JettySecurityLib.makeUserStore("reader", "s3cret");
        Path password = Files.writeString(tmp.resolve("pw.txt"), "s3cret\n");
        Path wrong = Files.writeString(tmp.resolve("wrong.txt"), "guess\n");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true)
                .securityHandler(JettySecurityLib.makeSecurityHandler("digest-kg test", users))
                .serverAuthPolicy(Auth.policyAllowSpecific("reader"))
                .add("/ds", dsg).build().start();
        try {
            String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/sparql";
            String ask = "ASK {}";
            KgCommandLineTest.Run none = KgCommandLineTest.kg("query", "--endpoint", url, "-e", ask);
            assertEquals(1, none.exit());
            assertTrue(none.err().contains("401") && none.err().contains("--user"), none.err());
            KgCommandLineTest.Run bad = KgCommandLineTest.kg("query", "--endpoint", url, "--user", "reader",
                    "--password-file", wrong.toString(), "-e", ask);
            assertEquals(1, bad.exit());
            assertTrue(bad.err().contains("401"), bad.err());
            KgCommandLineTest.Run ok = KgCommandLineTest.kg("query", "--endpoint", url, "--user", "reader",
                    "--password-file", password.toString(), "-e", ask);
            assertEquals(0, ok.exit(), ok.err());
            assertEquals("yes", ok.out().strip());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void anEndpointThatNeverAnswersIsGivenUpOnAtTheTimeLimit() throws Exception {
        // a server that accepts the connection and says nothing, as a hung endpoint does
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            KgCommandLineTest.Run r = KgCommandLineTest.kg("query", "--endpoint",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/ds/sparql", "--timeout", "1", "-e", "ASK {}");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("time limit"), r.err());
            assertTrue(seconds < 30, "gave up long before any default: " + seconds + " s");
        }
    }

    @Test
    void aLocalQueryStopsAtItsTimeLimit() {
        KgCommandLineTest.Run r = KgCommandLineTest.kg("query", "--store", local, "--timeout", "1",
                "-e", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("time limit"), r.err());
    }

    @Test
    void credentialsWithoutAnEndpointAreAUsageError() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw2.txt"), "x\n");
        KgCommandLineTest.Run r = KgCommandLineTest.kg("query", "--store", local, "--user", "u",
                "--password-file", password.toString(), "papers");
        assertEquals(2, r.exit());
        assertNotEquals("", r.err());
    }

    private static KgCommandLineTest.Run query(List<String> where, String name, List<String> params) {
        List<String> args = new ArrayList<>(List.of("query", "--format", "csv"));
        args.addAll(where);
        params.forEach(p -> {
            args.add("--param");
            args.add(p);
        });
        args.add(name);
        return KgCommandLineTest.kg(args.toArray(String[]::new));
    }
}
