package org.digestkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.digestkg.storage.query.RemoteEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteEndpoint} and {@link GraphPusher} against real servers: a read-only one over a TDB2 store with
 * two digests (the source), and a second one, in memory, with updates for one user (the target).
 */
class RemoteAccessTest {

    private static final BasicCredentials PUBLISHER = new BasicCredentials("publisher", "pa55");

    @TempDir
    static Path dir;
    static KgServer source;
    static KgServer target;

    @BeforeAll
    static void start() throws IOException {
        source = KgServer.builder().store(TestData.createStore(dir.resolve("tdb2"))).port(0).build().start();
        Path passwords = TestData.passwordFile(dir.resolve("passwords"), "publisher:pa55\n");
        target = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .update(true).passwordFile(passwords).build().start();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    // ---- RemoteEndpoint

    @Test
    void selectAskAndConstructOnARemoteEndpoint() {
        RemoteEndpoint remote = RemoteEndpoint.at(source.sparqlUrl());
        ResultSetRewindable rows = remote.select(TestData.PREFIXES + "SELECT ?t { ?p ex:title ?t } ORDER BY ?t");
        List<String> titles = new ArrayList<>();
        rows.forEachRemaining(r -> titles.add(r.getLiteral("t").getLexicalForm()));
        assertEquals(List.of("Alpha", "Beta", "Gamma"), titles);

        assertTrue(remote.ask(TestData.PREFIXES + "ASK { ex:p3 ex:cites ex:p1 }"));
        assertFalse(remote.ask(TestData.PREFIXES + "ASK { ex:p1 ex:cites ex:p3 }"));

        Model m = remote.graph("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + TestData.DIGEST_2.getURI() + "> { ?s ?p ?o } }");
        assertTrue(IsoMatcher.isomorphic(TestData.digest2(), m.getGraph()));
        Model d = remote.graph("DESCRIBE <" + TestData.EX + "p2>");
        assertEquals(2, d.size());

        assertThrows(IllegalArgumentException.class, () -> remote.ask("SELECT * { ?s ?p ?o }"));
    }

    @Test
    void remoteErrorsCarryTheStatus() {
        QueryExceptionHTTP e = assertThrows(QueryExceptionHTTP.class,
                () -> RemoteEndpoint.at(source.datasetUrl() + "/nope").select("SELECT * { ?s ?p ?o }"));
        assertEquals(404, e.getStatusCode());
    }

    // ---- GraphPusher

    @Test
    void pushReplacesTheNamedGraph() {
        Node g = NodeFactory.createURI("https://example.org/digest/push-replace");
        // as 'kg push' does: the digest read from one server, published to the other
        Graph digest = GSP.service(source.gspUrl()).graphName(TestData.DIGEST_1).GET();
        GraphPusher.push(target.gspUrl(), g, digest, Optional.of(PUBLISHER));
        assertTrue(IsoMatcher.isomorphic(TestData.digest1(), remoteGraph(g)));
        assertEquals(4, countIn(g));

        Graph changed = GraphFactory.createDefaultGraph();
        TestData.digest1().find().forEach(changed::add);
        changed.delete(Triple.create(TestData.uri("p2"), TestData.uri("title"), NodeFactory.createLiteralString("Beta")));
        changed.add(Triple.create(TestData.uri("p2"), TestData.uri("title"), NodeFactory.createLiteralString("Beta, revised")));
        GraphPusher.push(target.gspUrl(), g, changed, Optional.of(PUBLISHER));
        GraphPusher.push(target.gspUrl(), g, changed, Optional.of(PUBLISHER));   // again: still one copy

        assertTrue(IsoMatcher.isomorphic(changed, remoteGraph(g)));
        assertEquals(4, countIn(g));
        assertFalse(RemoteEndpoint.at(target.sparqlUrl())
                .ask("ASK { GRAPH <" + g.getURI() + "> { ?p ?t \"Beta\" } }"));
    }

    @Test
    void pushWithoutOrWithWrongCredentialsIsRefused() {
        Node g = NodeFactory.createURI("https://example.org/digest/push-refused");
        HttpException none = assertThrows(HttpException.class,
                () -> GraphPusher.push(target.gspUrl(), g, TestData.digest2(), Optional.empty()));
        assertEquals(401, none.getStatusCode());
        HttpException wrong = assertThrows(HttpException.class, () -> GraphPusher.push(target.gspUrl(), g,
                TestData.digest2(), Optional.of(new BasicCredentials("publisher", "nope"))));
        assertEquals(401, wrong.getStatusCode());
        assertEquals(0, countIn(g));

        HttpException readOnly = assertThrows(HttpException.class, () -> GraphPusher.push(source.gspUrl(),
                TestData.DIGEST_2, TestData.digest1(), Optional.of(PUBLISHER)));
        assertEquals(403, readOnly.getStatusCode());
        assertTrue(IsoMatcher.isomorphic(TestData.digest2(),
                GSP.service(source.gspUrl()).graphName(TestData.DIGEST_2).GET()));
    }

    @Test
    void aLargePushIsRefusedWithTheServersAnswerNotAResetConnection() {
        // 40 MB: the server answers 401 before it reads the body, and closes the connection under a client still
        // sending it, unless the client waits for the server to ask for the body
        Graph large = GraphFactory.createDefaultGraph();
        Node p = NodeFactory.createURI("https://example.org/p");
        String text = "x".repeat(180);
        for (int i = 0; i < 200_000; i++) {
            large.add(Triple.create(NodeFactory.createURI("https://example.org/s" + i), p,
                    NodeFactory.createLiteralString(text + i)));
        }
        Node g = NodeFactory.createURI("https://example.org/digest/push-large-refused");
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpException refused = assertThrows(HttpException.class,
                    () -> GraphPusher.push(target.gspUrl(), g, large, Optional.empty()));
            assertEquals(401, refused.getStatusCode(), refused.getMessage());
        }
        assertEquals(0, countIn(g));
    }

    @Test
    void pushNeedsAGraphName() {
        assertThrows(IllegalArgumentException.class, () -> GraphPusher.push(target.gspUrl(),
                NodeFactory.createBlankNode(), TestData.digest1(), Optional.of(PUBLISHER)));
    }

    private static Graph remoteGraph(Node g) {
        return GSP.service(target.gspUrl()).graphName(g).GET();
    }

    private static long countIn(Node g) {
        ResultSetRewindable rs = RemoteEndpoint.at(target.sparqlUrl())
                .select("SELECT (COUNT(*) AS ?n) { GRAPH <" + g.getURI() + "> { ?s ?p ?o } }");
        return rs.next().getLiteral("n").getLong();
    }
}
