package org.digestkg.explorer.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.digestkg.storage.GraphStore;

/** The explorer on a store, by hand: arguments are the store directory and the port (e.g. 3140). */
public final class ServeExplorerForTest {

    private ServeExplorerForTest() {
    }

    public static void main(String[] args) {
        GraphStore store = GraphStore.open(java.nio.file.Path.of(args[0]));
        FusekiServer server = FusekiServer.create().port(Integer.parseInt(args[1])).loopback(true)
                .add("/kg", store.datasetGraph())
                .fusekiModules(FusekiModules.create(ExplorerModule.forDataset("kg")))
                .build().start();
        System.out.println("explorer at http://127.0.0.1:" + server.getHttpPort() + "/");
        server.join();
    }
}
