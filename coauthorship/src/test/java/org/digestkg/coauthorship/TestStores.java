package org.digestkg.coauthorship;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.digestkg.storage.Folders;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestWorld} store in its own temp folder, with its co-author network, for a whole test class:
 * {@code @RegisterExtension static final TestStores world = TestStores.smallWorld();}. Opened before the
 * class's tests, closed and deleted after them.
 */
final class TestStores implements BeforeAllCallback, AfterAllCallback {

    private final Function<Path, GraphStore> builder;
    private Path dir;
    private GraphStore store;
    private CoauthorNetwork network;

    private TestStores(Function<Path, GraphStore> builder) {
        this.builder = builder;
    }

    /** {@link TestWorld#smallWorld}. */
    static TestStores smallWorld() {
        return new TestStores(TestWorld::smallWorld);
    }

    /** {@link TestWorld#realSample}. */
    static TestStores realSample() {
        return new TestStores(TestWorld::realSample);
    }

    GraphStore store() {
        return store;
    }

    /** The whole network, unfiltered. */
    CoauthorNetwork network() {
        return network;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("digest-kg-test");
        store = builder.apply(dir);
        network = CoauthorNetwork.load(store);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            store = null;
            network = null;
            Folders.deleteTree(dir);
        }
    }
}
