package org.digestkg.server;

import java.nio.file.Files;
import java.nio.file.Path;

import org.digestkg.storage.GraphStore;

/**
 * Runs a server in its own JVM the way {@code kg serve} does — shutdown hook, then {@link KgServer#join()} — so a
 * test can stop it with a signal. Arguments: store directory, file to write the chosen port to.
 */
public final class ServeForTest {

    private ServeForTest() {}

    public static void main(String[] args) throws Exception {
        Path storeDir = Path.of(args[0]);
        Path portFile = Path.of(args[1]);
        GraphStore store = GraphStore.open(storeDir);
        KgServer server = KgServer.builder().store(store).port(0).build().start().installShutdownHook();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, portFile);
        server.join();
    }
}
