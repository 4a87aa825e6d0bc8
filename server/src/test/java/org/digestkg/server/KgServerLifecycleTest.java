package org.digestkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.util.security.Credential;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, starting and stopping: refusals with clear messages, releasing the store, signals. */
class KgServerLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void updatesWithoutAPasswordFileAreRefused() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(dsg).port(0).update(true).build());
        assertTrue(e.getMessage().contains("password file"), e.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(dsg).update(true).passwordFile(dir.resolve("nope")).build());
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void emptyOrMalformedPasswordFilesAreRefused() throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Path empty = Files.writeString(dir.resolve("empty"), "# nobody yet\n\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(dsg).update(true).passwordFile(empty).build());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        // a user an empty password would let in stops the server, with or without the separator
        for (String noPassword : List.of("alice:secret\nbob\n", "alice:secret\nbob:\n", "bob = \n")) {
            Path bad = Files.writeString(dir.resolve("bad"), noPassword);
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> KgServer.builder().dataset(dsg).update(true).passwordFile(bad).build());
            assertTrue(missing.getMessage().contains("'bob' has no password"), missing.getMessage());
        }

        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(dsg).update(true).passwordFile(dir).build());
        assertTrue(folder.getMessage().contains("cannot read"), folder.getMessage());
    }

    @Test
    void passwordFileIsReadAsJettyReadsItAndItsUsersCanWrite() throws IOException {
        Path file = TestData.passwordFile(dir.resolve("pw"), "# comment\n  alice : a:b:c  \n\nbob=x\n! comment too\n"
                + "carol: " + Credential.MD5.digest("c4rol") + "\n");
        assertEquals(List.of("alice", "bob", "carol"), List.copyOf(PasswordFile.load(file).userNames()));
        try (KgServer server = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .update(true).passwordFile(file).build().start()) {
            assertEquals(204, updateAs(server, new BasicCredentials("alice", "a:b:c")));
            assertEquals(204, updateAs(server, new BasicCredentials("bob", "x")));
            assertEquals(204, updateAs(server, new BasicCredentials("carol", "c4rol")));   // stored hashed
            assertEquals(401, updateAs(server, new BasicCredentials("bob", "a:b:c")));
            assertEquals(401, updateAs(server, new BasicCredentials("carol", Credential.MD5.digest("c4rol"))));
            assertEquals(401, updateAs(server, new BasicCredentials("dave", "x")));
        }
        assertFalse(new BasicCredentials("alice", "a:b:c").toString().contains("a:b:c"));
    }

    private static int updateAs(KgServer server, BasicCredentials user) {
        return Http.request("POST", server.updateUrl(), "application/sparql-update",
                "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "Authorization", user.authorizationHeader()).statusCode();
    }

    @Test
    void nothingToServeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KgServer.builder().build());
    }

    @Test
    void closeStopsListeningAndReleasesTheStore() throws Exception {
        Path storeDir = dir.resolve("tdb2");
        GraphStore store = TestData.createStore(storeDir);
        KgServer server = KgServer.builder().store(store).port(0).build().start();
        int port = server.port();
        assertEquals(200, Http.get(server.datasetUrl() + "/sparql?query=ASK%7B%7D", null).statusCode());

        Thread joiner = new Thread(server::join);
        joiner.start();
        server.close();
        joiner.join(10_000);
        assertFalse(joiner.isAlive(), "join() returns once the server is closed");
        server.close();   // idempotent

        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 2000));
        }
        assertReopensWithAllData(storeDir, store.datasetGraph());
    }

    @Test
    void closingRightAfterStartWaitsForTheCoauthorIndexAndReleasesTheStore() {
        // a real digest, so the index build started by start() is still running when close() comes
        Path storeDir = TestData.createSampleStore(dir.resolve("tdb2-sample"));
        for (int i = 0; i < 5; i++) {
            GraphStore store = GraphStore.open(storeDir);
            KgServer.builder().store(store).port(0).build().start().close();
            GraphStore again = GraphStore.open(storeDir);
            assertNotSame(store.datasetGraph(), again.datasetGraph(), "the store was released");
            again.close();
        }
    }

    @Test
    void listensOnTheHostItIsGiven() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (KgServer server = KgServer.builder().dataset(dsg).host("127.0.0.2").port(0).build().start()) {
            assertEquals("http://127.0.0.2:" + server.port() + "/kg", server.datasetUrl());
            assertEquals(List.of(new InetSocketAddress("127.0.0.2", server.port())), server.listeningAddresses());
            assertEquals(200, Http.get(server.sparqlUrl() + "?query=ASK%7B%7D", null).statusCode());
        }
        assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(dsg).host("no-such-host.invalid").build());
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsReportedAsThatNotAsInUse() {
        // 192.0.2.0/24 is TEST-NET-1, for documentation: never a real machine's address
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).host("192.0.2.1").port(0).build());
        assertTrue(e.getMessage().contains("not an address of this machine"), e.getMessage());
        assertFalse(e.getMessage().contains("in use"), e.getMessage());
    }

    @Test
    void updatesOnAnAddressOtherMachinesReachAreFlaggedAsSendingPasswordsInClear() throws IOException {
        Path pw = TestData.passwordFile(dir.resolve("pw"), "alice: pw\n");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        // built, never started: nothing listens on other interfaces during the test
        for (String host : List.of("0.0.0.0", "::")) {
            KgServer everywhere = KgServer.builder().dataset(dsg).host(host).update(true).passwordFile(pw).build();
            assertTrue(everywhere.sendsPasswordsInClear(), host);
            assertFalse(KgServer.builder().dataset(dsg).host(host).build().sendsPasswordsInClear(), host + " read-only");
        }
        for (String host : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
            assertFalse(KgServer.builder().dataset(dsg).host(host).update(true).passwordFile(pw).build()
                    .sendsPasswordsInClear(), host);
        }
    }

    @Test
    void aTakenPortIsReportedClearly() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (KgServer first = KgServer.builder().dataset(dsg).port(0).build().start();
             KgServer second = KgServer.builder().dataset(dsg).port(first.port()).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertEquals(200, Http.get(first.sparqlUrl() + "?query=ASK%7B%7D", null).statusCode());
        }
    }

    @Test
    void givenDatasetIsLeftOpenForItsOwner() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        TestData.load(dsg);
        try (KgServer server = KgServer.builder().dataset(dsg).port(0).build().start()) {
            assertEquals(200, Http.get(server.datasetUrl() + "/sparql?query=ASK%7B%7D", null).statusCode());
        }
        assertEquals(7L, (long) Txn.calculateRead(dsg, () -> (long) dsg.stream().count()));
    }

    @Test
    void sigtermStopsTheServerAndReleasesTheStore() throws Exception {
        Path storeDir = dir.resolve("tdb2-signal");
        TestData.createStore(storeDir).close();
        String log = serveInItsOwnProcessAndStop(storeDir, true);
        assertTrue(log.contains("Stopped the knowledge graph server"), log);
        assertReopensWithAllData(storeDir, null);
    }

    @Test
    void stoppingRightAfterStartWhileTheIndexIsBuiltIsClean() throws Exception {
        Path storeDir = TestData.createSampleStore(dir.resolve("tdb2-signal-early"));
        String log = serveInItsOwnProcessAndStop(storeDir, false);
        assertTrue(log.contains("Stopped the knowledge graph server"), log);
        assertFalse(log.contains("Error while stopping"), log);
        assertFalse(log.contains("Exception"), log);
        GraphStore again = GraphStore.open(storeDir);
        try {
            assertEquals(147L, (long) Stats.of(again).papers());
        } finally {
            again.close();
        }
    }

    /**
     * Runs {@link ServeForTest} on the store in a JVM of its own, waits until it listens (and answers a query, when
     * asked), then stops it with SIGTERM, as kill or a service manager does; Ctrl-C (SIGINT) runs the same shutdown
     * hook. Returns the process's output.
     */
    private String serveInItsOwnProcessAndStop(Path storeDir, boolean queryFirst) throws Exception {
        Path portFile = dir.resolve(storeDir.getFileName() + ".port");
        Path log = dir.resolve(storeDir.getFileName() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServeForTest.class.getName(), storeDir.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // generous: a JVM starting Fuseki on a loaded 2-core machine can take tens of seconds
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(portFile) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(portFile), () -> "server did not start: " + read(log));
            if (queryFirst) {
                int port = Integer.parseInt(Files.readString(portFile).trim());
                HttpResponse<String> r = Http.get("http://127.0.0.1:" + port + "/kg/sparql?query=ASK%7B%7D", null);
                assertEquals(200, r.statusCode());
            }
            p.destroy();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "server process did not stop");
        } finally {
            p.destroyForcibly();
        }
        return read(log);
    }

    /**
     * Opens the store again and reads all quads back from disk. When {@code previous} is given (the dataset of a
     * store the server was given in this JVM), the new one must be a different object: TDB2 hands out its cached
     * dataset for a directory until that is released.
     */
    static void assertReopensWithAllData(Path storeDir, DatasetGraph previous) {
        GraphStore again = GraphStore.open(storeDir);
        try {
            DatasetGraph dsg = again.datasetGraph();
            assertNotSame(previous, dsg, "the store was not released");
            assertEquals(7L, (long) Txn.calculateRead(dsg, () -> (long) dsg.stream().count()));
        } finally {
            again.close();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
