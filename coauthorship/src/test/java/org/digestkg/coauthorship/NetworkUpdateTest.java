package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.coauthorship.CoauthorGraphLoader.Loaded;
import org.digestkg.extractor.parse.DigestParser;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network updated for the days a change touched ({@link CoauthorGraphLoader#update}: the papers of those days
 * read again and merged into the network before) is, field for field, the network read whole from the store:
 * after each new day, a replaced day and a removed one. Real digests of the generator's forks
 * ({@code ../shared/forks}), whose papers come back on other days and in other forks, with the samples of
 * {@code data/}.
 */
class NetworkUpdateTest {

    @TempDir
    Path tmp;

    @Test
    void anUpdatedNetworkEqualsTheStoresWholeNetworkAfterEveryChange() throws IOException {
        Path forks = TestWorld.repositoryRoot().resolve("..").resolve("shared").resolve("forks").normalize();
        assumeTrue(Files.isDirectory(forks), "no ../shared/forks beside the repository");
        List<Path> digests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(forks)) {
            files.filter(f -> f.toString().endsWith(".md") && DigestParser.dateFromFileName(f).isPresent())
                    .sorted().forEach(digests::add);
        }
        digests.add(TestWorld.repositoryRoot().resolve("data/2026-02-04.md"));
        digests.add(TestWorld.repositoryRoot().resolve("data/2026-02-23.md"));
        assertTrue(digests.size() > 20, digests.toString());

        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            Loaded network = CoauthorGraphLoader.loadWithDays(store.datasetGraph(), PaperFilter.ALL, union());
            List<LocalDate> loaded = new ArrayList<>();
            for (Path digest : digests) {
                LoadResult r = new DigestLoader(store).load(digest, null);
                if (r.status() != LoadResult.Status.LOADED) {
                    continue; // a fork digest the reader rejects whole: nothing changed
                }
                loaded.add(r.date());
                network = updatedAndChecked(store, network, Set.of(r.date()), "after " + digest);
            }
            assertTrue(loaded.size() > 20, "loaded: " + loaded);
            assertTrue(network.papers().length > 1000, "papers: " + network.papers().length);

            // a day replaced by fewer entries of itself: its dropped papers fall back to other days or go
            Path sample = TestWorld.repositoryRoot().resolve("data/2026-02-23.md");
            String text = Files.readString(sample, StandardCharsets.UTF_8);
            Path shorter = tmp.resolve("2026-02-23.md");
            Files.writeString(shorter, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
            assertEquals(LoadResult.Status.LOADED, new DigestLoader(store).load(shorter, null).status());
            network = updatedAndChecked(store, network, Set.of(LocalDate.parse("2026-02-23")), "after a replacement");

            // two days removed at once, one of them a fork's
            LocalDate forkDay = loaded.get(loaded.size() / 2);
            assertTrue(new DigestLoader(store).remove(forkDay));
            assertTrue(new DigestLoader(store).remove(LocalDate.parse("2026-02-04")));
            updatedAndChecked(store, network, Set.of(forkDay, LocalDate.parse("2026-02-04")), "after two removals");
        }
    }

    @Test
    void anAuthorReadAgainUnderAnotherNameMovesAndTheirKeptPapersFollow() {
        AuthorRef alice = new AuthorRef("urn:a", "Alice");
        AuthorRef bob = new AuthorRef("urn:b", "Bob");
        AuthorRef carol = new AuthorRef("urn:c", "Carol");
        PaperRef kept = new PaperRef("urn:p1", "2601.00001", "Kept", "cs.AI", LocalDate.parse("2026-01-01"), 2);
        PaperRef replaced = new PaperRef("urn:p2", "2601.00002", "Replaced", "cs.AI", LocalDate.parse("2026-01-02"), 2);
        PaperRef gone = new PaperRef("urn:p3", "2601.00003", "Gone", "cs.AI", LocalDate.parse("2026-01-02"), 1);
        Loaded before = new Loaded(new AuthorRef[] {alice, bob, carol}, new PaperRef[] {kept, replaced, gone},
                new int[][] {{0, 1}, {1, 2}, {2}}, new int[][] {{20454}, {20455}, {20455}});
        // read again: p2 with Bob, now spelled "Aaron B." (so first by name), and a new paper p0 by Dan
        AuthorRef aaron = new AuthorRef("urn:b", "Aaron B.");
        AuthorRef dan = new AuthorRef("urn:d", "Dan");
        PaperRef added = new PaperRef("urn:p0", "2601.00000", "Added", "cs.CL", LocalDate.parse("2026-01-02"), 1);
        PaperRef again = new PaperRef("urn:p2", "2601.00002", "Replaced", "cs.AI", LocalDate.parse("2026-01-02"), 1);
        Loaded fresh = new Loaded(new AuthorRef[] {aaron, dan}, new PaperRef[] {added, again},
                new int[][] {{1}, {0}}, new int[][] {{20455}, {20455}});

        Loaded merged = CoauthorGraphLoader.merge(before, Set.of("urn:p2", "urn:p3"), fresh);

        // Carol named only papers read again that no longer name her: gone
        assertArrayEquals(new AuthorRef[] {aaron, alice, dan}, merged.authors());
        assertArrayEquals(new PaperRef[] {added, kept, again}, merged.papers());
        assertArrayEquals(new int[][] {{2}, {0, 1}, {0}}, merged.authorsByPaper(), "p1's authors renumbered, ascending");
        assertArrayEquals(new int[][] {{20455}, {20454}, {20455}}, merged.days());
    }

    private static Loaded updatedAndChecked(GraphStore store, Loaded before, Set<LocalDate> days, String when) {
        Loaded updated = CoauthorGraphLoader.update(store.datasetGraph(), union(), before, days);
        Loaded whole = CoauthorGraphLoader.loadWithDays(store.datasetGraph(), PaperFilter.ALL, union());
        assertArrayEquals(whole.authors(), updated.authors(), "authors " + when);
        assertArrayEquals(whole.papers(), updated.papers(), "papers " + when);
        assertArrayEquals(whole.authorsByPaper(), updated.authorsByPaper(), "authors of each paper " + when);
        assertArrayEquals(whole.days(), updated.days(), "days of each paper " + when);
        return updated;
    }

    private static Context union() {
        Context union = new Context();
        union.set(TDB2.symUnionDefaultGraph, true);
        return union;
    }
}
