package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.digestkg.storage.tdb.CommittedState;
import org.digestkg.storage.tdb.HoldStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoredDigests}: a build of files the store already holds is answered without opening it, with what the
 * load itself reports, and only while the store is in the state the list was kept for.
 */
class StoredDigestsTest {

    @TempDir
    Path tmp;

    private Path store;
    private List<Path> days;

    @BeforeEach
    void build() {
        store = tmp.resolve("store");
        days = List.of(Samples.write(tmp, "2026-03-01", Samples.firstEntries(3, e -> e)),
                Samples.write(tmp, "2026-03-02", Samples.firstEntries(2, e -> e)));
        try (GraphStore s = GraphStore.open(store)) {
            new DigestLoader(s).loadAll(days, null, r -> assertEquals(LoadResult.Status.LOADED, r.status(), r.error()));
            StoredDigests.keep(s);
        }
    }

    @Test
    void filesStoredWithTheSameBytesAreUnchangedAsTheLoadSays() {
        List<LoadResult> quick = StoredDigests.allUnchanged(store, days, null).orElseThrow();
        List<LoadResult> loaded = new ArrayList<>();
        try (GraphStore s = GraphStore.open(store)) {
            new DigestLoader(s).loadAll(days, null, loaded::add);
        }
        assertEquals(2, quick.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(LoadResult.Status.UNCHANGED, loaded.get(i).status());
            assertEquals(loaded.get(i).status(), quick.get(i).status());
            assertEquals(loaded.get(i).source(), quick.get(i).source());
            assertEquals(loaded.get(i).date(), quick.get(i).date());
        }
        assertEquals(LocalDate.of(2026, 3, 2), quick.get(1).date());
        assertTrue(StoredDigests.allUnchanged(store, days.subList(1, 2), null).isPresent(), "any stored subset");
        assertTrue(StoredDigests.allUnchanged(store, List.of(days.get(1)), LocalDate.of(2026, 3, 2)).isPresent(),
                "the same day given with --date");
    }

    @Test
    void anyFileTheStoreDoesNotHoldAsItIsTakesTheLoad() throws IOException {
        Path edited = Files.createDirectories(tmp.resolve("edited")).resolve("2026-03-02.md");
        Files.writeString(edited, Files.readString(days.get(1)) + "\n");
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(days.get(0), edited), null), "changed bytes");
        Path other = Samples.write(tmp, "2026-03-03", Samples.firstEntries(1, e -> e));
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(other), null), "a day not stored");
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(days.get(0)), LocalDate.of(2026, 3, 2)),
                "stored bytes given for another day");
        Path rdf = Files.writeString(tmp.resolve("extra.ttl"), "<urn:a> <urn:b> <urn:c> .\n");
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(days.get(0), rdf), null), "an import");
        Path binary = Files.write(tmp.resolve("2026-03-01-binary.md"), new byte[] {0, 1, 2});
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(binary), null), "not a text file");
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, List.of(), null));
    }

    @Test
    void aWriteTheListDoesNotKnowMakesItUnusableUntilTheNextKeep() {
        Node g = NodeFactory.createURI("urn:x:g");
        try (GraphStore s = GraphStore.open(store)) {
            Txn.executeWrite(s.datasetGraph(), () -> s.datasetGraph().add(g, g, g, g)); // as a SPARQL Update would
        }
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null));
        try (GraphStore s = GraphStore.open(store)) {
            StoredDigests.keep(s);
        }
        assertTrue(StoredDigests.allUnchanged(store, days, null).isPresent(), "kept again for the new state");
        try (GraphStore s = GraphStore.open(store)) {
            Txn.executeWrite(s.datasetGraph(), () -> s.datasetGraph().delete(g, g, g, g));
        }
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "a removal too");
    }

    @Test
    void aStoreOpenHereOrInAnotherProcessIsLeftToTheLoad() throws Exception {
        try (GraphStore s = GraphStore.open(store)) {
            assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "open in this process");
        }
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), store.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("holding"), "the other process has the store: " + line);
            assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "open in another process");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(StoredDigests.allUnchanged(store, days, null).isPresent(), "closed again, unchanged");
    }

    @Test
    void aMissingOrDamagedListOrACommitLeftInTheJournalTakesTheLoad() throws IOException {
        Path list = store.resolve(StoredDigests.FILE);
        String kept = Files.readString(list);
        Files.writeString(list, kept.replaceFirst("\n2026-03-01\t", "\n2026-03-01 "));
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "a line that is not day, tab, hash");
        Files.writeString(list, kept.replaceFirst("state\t.*\n", ""));
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "no state");
        Files.delete(list);
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null), "no list");
        Files.writeString(list, kept);
        assertTrue(StoredDigests.allUnchanged(store, days, null).isPresent());
        // what a process killed between writing a commit to the journal and applying it leaves (this store is done with)
        Files.write(store.resolve("Data-0001").resolve("journal.jrnl"), new byte[] {1}, StandardOpenOption.APPEND);
        assertEquals(Optional.empty(), StoredDigests.allUnchanged(store, days, null));
    }

    /** The key the store itself gives for its committed state now. */
    private String keyOfTheStore() {
        try (GraphStore s = GraphStore.open(store)) {
            return CommittedState.seenBy(s.datasetGraph()).orElseThrow().key();
        }
    }

    @Test
    void theCommittedStateIsToldWithoutOpeningTheStoreOnlyWhileItIsTheStores() throws IOException {
        String before = keyOfTheStore();
        assertEquals(Optional.of(before), StoredDigests.committedKey(store));
        Node g = NodeFactory.createURI("urn:x:g");
        try (GraphStore s = GraphStore.open(store)) {
            assertEquals(Optional.empty(), StoredDigests.committedKey(store), "open in this process");
            Txn.executeWrite(s.datasetGraph(), () -> s.datasetGraph().add(g, g, g, g));
        }
        assertEquals(Optional.empty(), StoredDigests.committedKey(store), "changed since the list was kept");
        String after = keyOfTheStore();
        assertNotEquals(before, after);
        try (GraphStore s = GraphStore.open(store)) {
            StoredDigests.keep(s);
        }
        assertEquals(Optional.of(after), StoredDigests.committedKey(store), "kept again for the new state");
        Path list = store.resolve(StoredDigests.FILE);
        Files.writeString(list, Files.readString(list).replaceFirst("committed\t.*\n", ""));
        assertEquals(Optional.empty(), StoredDigests.committedKey(store), "a list kept without it");
        assertTrue(StoredDigests.allUnchanged(store, days, null).isPresent(), "which still serves the build");
    }
}
