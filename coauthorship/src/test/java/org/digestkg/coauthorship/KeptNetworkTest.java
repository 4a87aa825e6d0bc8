package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.StoredDigests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command reads the network kept beside a closed store without opening it ({@link CoauthorNetwork#kept}), and gets
 * what opening the store gives, only while the store is in the state the network was kept for.
 */
class KeptNetworkTest {

    @TempDir
    Path tmp;
    private Path dir;

    /** As {@code kg build} leaves a store: the digests loaded, the network brought up to date, the list kept. */
    @BeforeEach
    void build() throws IOException {
        dir = tmp.resolve("store");
        try (GraphStore store = GraphStore.open(dir)) {
            Optional<String> before = StoredNetwork.stateKey(store);
            DigestLoader loader = new DigestLoader(store);
            for (String day : List.of("2026-02-04", "2026-02-23")) {
                Path copy = tmp.resolve(day + ".md");
                Files.copy(TestWorld.repositoryRoot().resolve("data").resolve(day + ".md"), copy);
                assertTrue(loader.load(copy, null).clean(), day);
            }
            StoredNetwork.update(store, before, Set.of(LocalDate.parse("2026-02-04"), LocalDate.parse("2026-02-23")));
            StoredDigests.keep(store);
        }
    }

    private static List<String> top(CoauthorNetwork network, AuthorOrder order) {
        return network.topAuthors(10, order).stream().map(a -> a.author().name() + " " + a.centrality()).toList();
    }

    @Test
    void theKeptNetworkIsTheOneTheStoreGives() {
        CoauthorNetwork kept = CoauthorNetwork.kept(dir, PaperFilter.ALL).orElseThrow();
        PaperFilter cl = new PaperFilter("cs.CL", null, 0);
        CoauthorNetwork keptCl = CoauthorNetwork.kept(dir, cl).orElseThrow();
        try (GraphStore store = GraphStore.open(dir)) {
            CoauthorNetwork opened = CoauthorNetwork.load(store);
            assertTrue(kept.graph().sameAs(opened.graph()));
            assertTrue(kept.graph().authorCount() > 1000, "the samples' network: " + kept.graph().authorCount());
            assertEquals(top(opened, AuthorOrder.CENTRALITY), top(kept, AuthorOrder.CENTRALITY));
            assertTrue(keptCl.graph().sameAs(CoauthorNetwork.load(store, cl).graph()), "a filtered network");
            assertTrue(keptCl.graph().paperCount() < kept.graph().paperCount());
        }
    }

    /** The facts a first build's collection sorts on disk, left by a process stopped before it wrote the network. */
    @Test
    void theNextWriterDeletesWhatAStoppedCollectionLeft() throws IOException {
        Path left = dir.resolve(SpilledNetwork.FOLDER);
        Files.createDirectories(left);
        Files.writeString(left.resolve("facts-0"), "a run");
        try (GraphStore store = GraphStore.open(dir)) {
            Optional<String> before = StoredNetwork.stateKey(store);
            Path copy = tmp.resolve("2026-03-01.md");
            Files.copy(TestWorld.repositoryRoot().resolve("data/2026-02-04.md"), copy);
            assertTrue(new DigestLoader(store).load(copy, LocalDate.parse("2026-03-01")).clean());
            assertEquals(StoredNetwork.Kept.UPDATED,
                    StoredNetwork.update(store, before, Set.of(LocalDate.parse("2026-03-01"))));
        }
        assertFalse(Files.exists(left));
    }

    /** Where nothing can be sorted on disk, the network a reader rebuilds is read into memory, and not kept. */
    @Test
    void aNetworkThatCannotBeSortedOnDiskIsReadIntoMemory() throws IOException {
        Files.delete(dir.resolve(StoredNetwork.FILE));
        Files.writeString(dir.resolve(SpilledNetwork.FOLDER), "a file where the folder would go");
        try (GraphStore store = GraphStore.open(dir)) {
            CoauthorGraph graph = StoredNetwork.graph(store);
            assertTrue(graph.authorCount() > 1000, "the samples' network: " + graph.authorCount());
            assertTrue(graph.sameAs(CoauthorGraphLoader.load(store.datasetGraph(), PaperFilter.ALL, null)));
        }
        assertFalse(Files.exists(dir.resolve(StoredNetwork.FILE)));
    }

    @Test
    void aStoreChangedSinceOrOpenIsLeftToTheReader() {
        try (GraphStore store = GraphStore.open(dir)) {
            assertEquals(Optional.empty(), CoauthorNetwork.kept(dir, PaperFilter.ALL), "open in this process");
            new DigestLoader(store).remove(LocalDate.parse("2026-02-23"));
        }
        assertEquals(Optional.empty(), CoauthorNetwork.kept(dir, PaperFilter.ALL), "a digest removed since");
        try (GraphStore store = GraphStore.open(dir)) {
            CoauthorNetwork.load(store); // a reader brings the network up to date...
            StoredDigests.keep(store); // ...and the list, as the commands do
        }
        CoauthorNetwork kept = CoauthorNetwork.kept(dir, PaperFilter.ALL).orElseThrow();
        try (GraphStore store = GraphStore.open(dir)) {
            assertTrue(kept.graph().sameAs(CoauthorNetwork.load(store).graph()), "the network after the removal");
        }
    }

    @Test
    void anUpdateServesThisProcessFromMemoryUntilItsFileIsWritten() throws IOException {
        Path file = dir.resolve(StoredNetwork.FILE);
        byte[] before = Files.readAllBytes(file);
        // opened as `kg serve` opens its default store: by a path relative to the working folder
        try (GraphStore store = GraphStore.open(Path.of("").toAbsolutePath().relativize(dir))) {
            Optional<String> state = StoredNetwork.stateKey(store);
            new DigestLoader(store).remove(LocalDate.parse("2026-02-23"));
            StoredNetwork.Update update = StoredNetwork.updated(store, state, Set.of(LocalDate.parse("2026-02-23")));
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the file is not written yet");
            CoauthorGraph served = StoredNetwork.graph(store);
            assertTrue(served.sameAs(CoauthorGraphLoader.load(store.datasetGraph(), PaperFilter.ALL, null)),
                    "yet a reader gets the network of the store as it is now");
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)),
                    "from memory, not by rewriting the file");

            assertEquals(StoredNetwork.Kept.UPDATED, update.keep());
            assertTrue(StoredNetwork.kept(store).orElseThrow().sameAs(served), "kept: the file holds it now");
        }
    }

    @Test
    void rehearsingAnUpdateKeepsNothing() throws IOException {
        assertTrue(CoauthorNetwork.kept(dir, PaperFilter.ALL).isPresent(), "the file is for the store's state: rehearsed");
        Path file = dir.resolve(StoredNetwork.FILE);
        var written = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        try (GraphStore store = GraphStore.open(dir)) {
            Optional<String> state = StoredNetwork.stateKey(store);
            StoredNetwork.rehearseUpdate(store);
            assertEquals(state, StoredNetwork.stateKey(store));
        }
        assertEquals(written, Files.getLastModifiedTime(file), "the file was not written");
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)));
        assertTrue(CoauthorNetwork.kept(dir, PaperFilter.ALL).isPresent(), "and is still the store's");
    }
}
