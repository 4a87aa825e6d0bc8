package org.digestkg.explorer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
