package org.digestkg.explorer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.digestkg.explorer.SampleStore;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers kept per state of the store follow the store: a load or a removal is seen by the next question. */
class KeptAnswersTest {

    @TempDir
    Path dir;

    @Test
    void keptAnswersChangeWhenTheStoreDoes() throws IOException {
        try (GraphStore store = GraphStore.open(Files.createDirectories(dir.resolve("tdb2")))) {
            DigestLoader loader = new DigestLoader(store);
            loader.load(SampleStore.root().resolve("data/2026-02-04.md"), null);
            Explorer explorer = Explorer.over(store.datasetGraph(), null);

            List<DigestDay.DayRef> first = explorer.digests().days();
            assertEquals(List.of(LocalDate.of(2026, 2, 4)), first.stream().map(DigestDay.DayRef::date).toList());
            assertSame(first, explorer.digests().days(), "kept while the store is unchanged");
            assertEquals(2, explorer.categories().categories().size());

            loader.load(SampleStore.root().resolve("data/2026-02-23.md"), null);
            assertEquals(List.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 4)),
                    explorer.digests().days().stream().map(DigestDay.DayRef::date).toList());
            assertEquals(5, explorer.categories().categories().size());
            assertEquals(2, explorer.trends().categories(null, null, 0).days().size());

            loader.remove(LocalDate.of(2026, 2, 4));
            assertEquals(List.of(LocalDate.of(2026, 2, 23)),
                    explorer.digests().days().stream().map(DigestDay.DayRef::date).toList());
            assertEquals(1, explorer.trends().categories(null, null, 0).days().size());
        }
    }

    @Test
    void aDaysListingsAreKeptUntilTheStoreChanges() throws IOException {
        String iri = SampleStore.BASE + "digest/2026-02-04";
        String title = "WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models";
        try (GraphStore store = GraphStore.open(Files.createDirectories(dir.resolve("tdb2")))) {
            DigestLoader loader = new DigestLoader(store);
            Path sample = SampleStore.root().resolve("data/2026-02-04.md");
            loader.load(sample, null);
            Explorer explorer = Explorer.over(store.datasetGraph(), null);

            DigestDay first = explorer.digests().day(iri).orElseThrow();
            assertEquals(title, first.sections().get(0).entries().get(0).title());
            assertSame(first.sections().get(0), explorer.digests().day(iri).orElseThrow().sections().get(0),
                    "kept while the store is unchanged");

            // the same day again with its first title revised: a new state, so the page reads it again
            Path revised = Files.createDirectories(dir.resolve("revised")).resolve("2026-02-04.md");
            Files.writeString(revised, Files.readString(sample).replace(title, "WorldVQA, revised"));
            loader.load(revised, null);
            DigestDay second = explorer.digests().day(iri).orElseThrow();
            assertNotSame(first.sections().get(0), second.sections().get(0));
            assertEquals("WorldVQA, revised", second.sections().get(0).entries().get(0).title());
            assertEquals(first.sections().stream().mapToInt(s -> s.entries().size()).sum(),
                    second.sections().stream().mapToInt(s -> s.entries().size()).sum());

            loader.remove(LocalDate.of(2026, 2, 4));
            assertTrue(explorer.digests().day(iri).isEmpty());
        }
    }
}
