package org.digestkg.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final LocalDate START = LocalDate.of(2025, 3, 30);

    @TempDir
    static Path shared;
    /** One month of digests, read once for the statistical tests. */
    private static Path month;
    private static CorpusStats monthStats;

    @BeforeAll
    static void generateMonth() {
        month = shared.resolve("month");
        monthStats = new CorpusGenerator(11).generate(month, LocalDate.of(2025, 1, 1), 30);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        new CorpusGenerator(5).generate(dir.resolve("a"), START, 3);
        new CorpusGenerator(5).generate(dir.resolve("b"), START, 3);
        new CorpusGenerator(6).generate(dir.resolve("c"), START, 3);
        for (String name : fileNames(dir.resolve("a"))) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(name));
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(name)), name);
            assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c").resolve(name))), name);
        }
    }

    @Test
    void aShorterCorpusIsAPrefixOfALongerOne(@TempDir Path dir) throws IOException {
        new CorpusGenerator(5).generate(dir.resolve("two"), START, 2);
        new CorpusGenerator(5).generate(dir.resolve("three"), START, 3);
        for (String name : fileNames(dir.resolve("two"))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("two").resolve(name)),
                    Files.readAllBytes(dir.resolve("three").resolve(name)), name);
        }
    }

    @Test
    void threeDaysAreNamedByDateAndFollowTheCanonicalLayout(@TempDir Path dir) throws IOException {
        CorpusStats stats = new CorpusGenerator(3).generate(dir, START, 3);

        assertEquals(List.of("2025-03-30.md", "2025-03-31.md", "2025-04-01.md"), fileNames(dir));
        long entries = 0;
        for (String name : fileNames(dir)) {
            List<DigestShape.Section> sections = DigestShape.read(dir.resolve(name)); // checks totals too
            assertTrue(sections.size() >= 2 && sections.size() <= 4, name + ": " + sections.size() + " sections");
            Set<String> categories = Set.of("cs.CV", "cs.CL", "cs.LG", "cs.AI", "cs.MA", "cs.RO", "stat.ML",
                    "eess.IV");
            String yymm = name.substring(2, 4) + name.substring(5, 7);
            for (DigestShape.Section section : sections) {
                assertTrue(categories.contains(section.category()), section.category());
                for (DigestShape.Entry e : section.entries()) {
                    // an id is never from a later month than the digest listing it
                    assertTrue(e.arxivId().substring(0, 4).compareTo(yymm) <= 0, e.arxivId() + " in " + name);
                    entries++;
                }
            }
        }
        assertEquals(3, stats.days());
        assertEquals(entries, stats.papersListed());
    }

    @Test
    void newPapersOfADayHaveIdsOfItsMonthInIncreasingOrder(@TempDir Path dir) throws IOException {
        new CorpusGenerator(3).generate(dir, START, 3);
        Set<String> earlier = new HashSet<>();
        for (String name : fileNames(dir)) {
            String yymm = name.substring(2, 4) + name.substring(5, 7);
            String previous = "";
            for (DigestShape.Entry e : entries(dir.resolve(name))) {
                if (earlier.contains(e.arxivId())) {
                    continue;
                }
                assertEquals(yymm, e.arxivId().substring(0, 4), e.arxivId() + " in " + name);
                assertTrue(e.arxivId().compareTo(previous) > 0, e.arxivId() + " after " + previous);
                previous = e.arxivId();
            }
            entries(dir.resolve(name)).forEach(e -> earlier.add(e.arxivId()));
        }
    }

    @Test
    void reportedFiguresMatchTheFiles() throws IOException {
        Set<String> ids = new HashSet<>();
        Set<String> authors = new HashSet<>();
        long listed = 0;
        long bytes = 0;
        for (String name : fileNames(month)) {
            bytes += Files.size(month.resolve(name));
            for (DigestShape.Entry e : entries(month.resolve(name))) {
                listed++;
                ids.add(e.arxivId());
                authors.addAll(e.authors());
            }
        }
        assertEquals(new CorpusStats(30, listed, ids.size(), authors.size(), bytes), monthStats);
    }

    @Test
    void aboutOneListingInFiveIsAnEarlierPaperWithItsAuthors() throws IOException {
        Map<String, DigestShape.Entry> first = new HashMap<>();
        long listed = 0;
        long again = 0;
        long retitled = 0;
        for (String name : fileNames(month)) {
            for (DigestShape.Entry e : entries(month.resolve(name))) {
                listed++;
                DigestShape.Entry before = first.putIfAbsent(e.arxivId(), e);
                if (before != null) {
                    again++;
                    assertEquals(before.authors(), e.authors(), e.arxivId());
                    assertEquals(before.mainCategory(), e.mainCategory(), e.arxivId());
                    if (!before.title().equals(e.title())) {
                        retitled++;
                    }
                }
            }
        }
        double share = (double) again / listed;
        assertTrue(share >= 0.15 && share <= 0.25, "re-listing share " + share);
        // revisions with a new title are rare: ~1 in 50 re-listings
        assertTrue(retitled >= 1 && retitled <= again / 20, retitled + " retitled of " + again);
    }

    @Test
    void authorProductivityIsHeavyTailed() throws IOException {
        Map<String, Integer> papersPerAuthor = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String name : fileNames(month)) {
            for (DigestShape.Entry e : entries(month.resolve(name))) {
                if (seen.add(e.arxivId())) {
                    e.authors().forEach(a -> papersPerAuthor.merge(a, 1, Integer::sum));
                }
            }
        }
        List<Integer> counts = new ArrayList<>(papersPerAuthor.values());
        counts.sort(null);
        int median = counts.get(counts.size() / 2);
        int top = counts.get(counts.size() - 1);
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElseThrow();
        long single = counts.stream().filter(c -> c == 1).count();

        assertEquals(1, median);
        assertTrue(single > counts.size() / 2, single + " single-paper authors of " + counts.size());
        // a thin-tailed (Poisson-like) law with this mean would top out near 10
        assertTrue(top >= 25 && top >= 10 * mean, "top author has " + top + " papers, mean " + mean);
    }

    @Test
    void aboutOneAbstractInFiftyHasIndentedParagraphs() throws IOException {
        long listed = 0;
        long paragraphed = 0;
        for (String name : fileNames(month)) {
            for (DigestShape.Entry e : entries(month.resolve(name))) {
                listed++;
                if (e.abstractLines() > 1) {
                    paragraphed++;
                    assertTrue(e.abstractLines() <= 3, e.arxivId());
                }
            }
        }
        assertTrue(paragraphed >= listed / 100 && paragraphed <= listed / 25, paragraphed + " of " + listed);
    }

    @Test
    void aFewSummariesAreNumberedListsOverSeveralLines() throws IOException {
        long listed = 0;
        long entriesWithLists = 0;
        for (String name : fileNames(month)) {
            for (DigestShape.Entry e : entries(month.resolve(name))) {
                listed++;
                if (e.listFields() > 0) {
                    entriesWithLists++;
                }
            }
        }
        // one entry in 250 is expected: ~23 in this month
        assertTrue(entriesWithLists >= 5 && entriesWithLists <= listed / 100, entriesWithLists + " of " + listed);
    }

    @Test
    void oneDayIsAsLargeAsARealDigest(@TempDir Path dir) throws IOException {
        CorpusStats stats = new CorpusGenerator(1).generate(dir, START, 1);
        long size = Files.size(dir.resolve("2025-03-30.md"));
        assertTrue(size >= 400_000 && size <= 900_000, size + " bytes");
        assertEquals(size, stats.bytesWritten());
        assertTrue(stats.papersListed() >= DayPlanner.MIN_PAPERS && stats.papersListed() <= DayPlanner.MAX_PAPERS);
    }

    @Test
    void everyDayOfTheMonthIsWithinTheDailyBounds() throws IOException {
        for (String name : fileNames(month)) {
            int papers = entries(month.resolve(name)).size();
            assertTrue(papers >= DayPlanner.MIN_PAPERS && papers <= DayPlanner.MAX_PAPERS, name + ": " + papers);
        }
    }

    @Test
    void theShapeReaderAcceptsTheRealDigests() throws IOException {
        Path data = realData();
        long paragraphed = 0;
        long lists = 0;
        for (String name : List.of("2026-02-04.md", "2026-02-23.md")) {
            List<DigestShape.Section> sections = DigestShape.read(data.resolve(name));
            assertNotEquals(0, sections.size(), name);
            paragraphed += sections.stream().flatMap(s -> s.entries().stream())
                    .filter(e -> e.abstractLines() > 1).count();
            lists += sections.stream().flatMap(s -> s.entries().stream()).mapToInt(DigestShape.Entry::listFields).sum();
        }
        assertEquals(6, paragraphed, "the real digests have six paragraphed abstracts");
        assertEquals(2, lists, "one real entry has a numbered Method and Result");
    }

    private static List<DigestShape.Entry> entries(Path file) throws IOException {
        return DigestShape.read(file).stream().flatMap(s -> s.entries().stream()).toList();
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** data/ of the repository, found upwards from the working directory (the module when run by Maven). */
    private static Path realData() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("data/2026-02-04.md"))) {
                return d.resolve("data");
            }
        }
        throw new AssertionError("data/2026-02-04.md not found above " + Path.of("").toAbsolutePath());
    }
}
