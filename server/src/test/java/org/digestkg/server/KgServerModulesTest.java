package org.digestkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension seam: features plug in as Fuseki modules, given the served graph, through the whole lifecycle. */
class KgServerModulesTest {

    @TempDir
    Path dir;

    @Test
    void aModuleIsGivenTheServedGraphAndEveryLifecycleStepInOrder() {
        GraphStore store = TestData.createStore(dir.resolve("tdb2"));
        Recorder recorder = new Recorder();
        KgServer server = KgServer.builder().store(store).port(0)
                .module(served -> {
                    recorder.served = served;
                    return recorder;
                })
                .build();
        assertSame(store.datasetGraph(), recorder.served.dataset());
        assertSame(store, recorder.served.store().orElseThrow());
        assertEquals("/kg", recorder.served.datasetPath());
        assertFalse(recorder.served.updatesAllowed());
        assertEquals(List.of("prepare", "configured /kg", "server"), recorder.steps);

        server.start();
        assertEquals(List.of("prepare", "configured /kg", "server", "before starting", "after starting " + server.port()),
                recorder.steps);
        // the servlet the module added in prepare() answers from the served dataset
        HttpResponse<String> r = Http.get(server.serverUrl() + "/triples", null);
        assertEquals(200, r.statusCode());
        assertEquals(String.valueOf(TestData.TRIPLES_1 + TestData.TRIPLES_2), r.body());

        server.close();
        assertEquals("stopped, store still open: 7 triples", recorder.steps.get(recorder.steps.size() - 1));
    }

    @Test
    void modulesRunAfterTheBuiltInOnesInTheOrderAdded() {
        List<String> order = new CopyOnWriteArrayList<>();
        KgServer server = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .module(served -> new Named("first", order))
                .module(served -> new Named("second", order))
                .build();
        try {
            assertEquals(List.of("first", "second"), order);
        } finally {
            server.close();
        }
    }

    @Test
    void closeWaitsForTheCoauthorIndexBuildThatHoldsATransaction() throws Exception {
        Path storeDir = dir.resolve("tdb2-warm");
        GraphStore store = TestData.createStore(storeDir);
        DatasetGraph dsg = store.datasetGraph();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the warm-up's work, held up inside its read transaction as a slow build of a large store would be
        CoauthorIndexWarmUp slowBuild = new CoauthorIndexWarmUp(() -> Txn.executeRead(dsg, () -> {
            building.countDown();
            await(release);
        }));
        KgServer server = KgServer.builder().store(store).port(0).module(served -> slowBuild).build().start();
        assertTrue(building.await(10, TimeUnit.SECONDS), "the build started");

        Thread closer = new Thread(server::close);
        closer.start();
        closer.join(500);
        assertTrue(closer.isAlive(), "close() waits while the build's transaction is open");
        release.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive(), "close() returns once the build is done");
        KgServerLifecycleTest.assertReopensWithAllData(storeDir, dsg);
    }

    @Test
    void aBuildThatHasNotBegunWhenTheServerStopsNeverRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        CoauthorIndexWarmUp warmUp = new CoauthorIndexWarmUp(() -> ran.add("built"));
        KgServer server = KgServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0)
                .module(served -> warmUp).build();
        server.close();   // built, never started: serverStopped comes first
        warmUp.serverAfterStarting(null);
        warmUp.serverStopped(null);   // waits for a build, had one started
        assertEquals(List.of(), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A module that records the hooks it sees and serves the number of triples at /triples. */
    private static final class Recorder implements FusekiModule {
        final List<String> steps = new CopyOnWriteArrayList<>();
        volatile ServedGraph served;

        @Override
        public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
            steps.add("prepare");
            builder.addServlet("/triples", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.setContentType("text/plain");
                    resp.getWriter().print(count(served.dataset()));
                }
            });
        }

        @Override
        public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
            steps.add("configured " + String.join(",", registry.keys()));
        }

        @Override
        public void server(FusekiServer server) {
            steps.add("server");
        }

        @Override
        public void serverBeforeStarting(FusekiServer server) {
            steps.add("before starting");
        }

        @Override
        public void serverAfterStarting(FusekiServer server) {
            steps.add("after starting " + server.getHttpPort());
        }

        @Override
        public void serverStopped(FusekiServer server) {
            steps.add("stopped, store still open: " + count(served.dataset()) + " triples");
        }

        private static long count(DatasetGraph dsg) {
            return Txn.calculateRead(dsg, () -> dsg.stream().count());
        }
    }

    private record Named(String name, List<String> order) implements FusekiModule {
        @Override
        public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
            order.add(name);
        }
    }
}
