package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.digestkg.storage.GraphStore;
import org.digestkg.storage.tdb.CommittedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authors' centrality kept beside the store's network: used for the state it was made for, and only then. */
class CentralityFileTest {

    @TempDir
    Path dir;

    private static double[] centralities(GraphStore store) {
        CoauthorNetwork network = CoauthorNetwork.load(store);
        List<AuthorStats> all = network.topAuthors(network.graph().authorCount(), AuthorOrder.PAPERS);
        return all.stream().mapToDouble(AuthorStats::centrality).toArray();
    }

    private static double[] computed(GraphStore store) {
        CoauthorGraph graph = StoredNetwork.graph(store);
        CoauthorNetwork network = new CoauthorNetwork(graph); // computes, never reads the file
        return network.topAuthors(graph.authorCount(), AuthorOrder.PAPERS).stream()
                .mapToDouble(AuthorStats::centrality).toArray();
    }

    @Test
    void keptForTheStoresStateAndMadeAgainAfterAChange() throws IOException {
        try (GraphStore store = TestWorld.smallWorld(dir.resolve("store"))) {
            Path file = store.dir().resolve(CentralityFile.FILE);
            double[] first = centralities(store);
            assertTrue(Files.exists(file), "the first reader keeps it");
            assertArrayEquals(computed(store), first, 0);

            // the kept scores are what later readers use: a file with other scores for this state shows it
            String key = CommittedState.seenBy(store.datasetGraph()).orElseThrow().key();
            int authors = StoredNetwork.graph(store).authorCount();
            double[] flat = new double[authors];
            Arrays.fill(flat, 1.0 / authors);
            CentralityFile.write(file, key, flat);
            double[] read = centralities(store);
            assertTrue(Arrays.stream(read).allMatch(c -> Math.abs(c - 1.0) < 1e-9), Arrays.toString(read));

            // another state of the store: made again, equal to a fresh computation
            TestWorld.loadTrig(store, """
                    @prefix dkg: <https://w3id.org/digest-kg/ontology#> .
                    <https://example.org/g> { <https://example.org/x> a dkg:Note . }
                    """);
            assertArrayEquals(computed(store), centralities(store), 0);

            // a file cut short is made again too
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            assertArrayEquals(computed(store), centralities(store), 0);
            assertEquals(bytes.length, Files.size(file));
        }
    }
}
