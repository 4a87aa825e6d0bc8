package org.digestkg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.digestkg.extractor.rdf.Iris;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many digests at once go through TDB2's bulk loader with the latest-listing rule settled ahead; the store must
 * end up exactly as loading them one transaction at a time leaves it.
 */
class BulkLoadTest {

    @TempDir
    Path tmp;


    private DatasetGraph oneByOne(Path storeDir, List<Path> files) {
        try (GraphStore store = GraphStore.open(storeDir)) {
            DigestLoader loader = new DigestLoader(store);
            files.forEach(f -> assertEquals(LoadResult.Status.LOADED, loader.load(f, null).status()));
            return DigestLoaderTest.snapshot(store);
        }
    }

    private List<LoadResult> bulk(GraphStore store, List<Path> files) {
        List<LoadResult> results = new ArrayList<>();
        new DigestLoader(store).loadAll(files, null, results::add);
        return results;
    }

    @Test
    void aBulkLoadEqualsLoadingOneDigestAtATime() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        DatasetGraph expected = oneByOne(tmp.resolve("a"), files);
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            List<LoadResult> results = bulk(store, files);
            assertEquals(10, results.size());
            assertTrue(results.stream().allMatch(r -> r.status() == LoadResult.Status.LOADED), results.toString());
            assertTrue(IsoMatcher.isomorphic(expected, DigestLoaderTest.snapshot(store)));
            assertEquals(10, bulk(store, files).stream().filter(r -> r.status() == LoadResult.Status.UNCHANGED).count());
        }
    }

    @Test
    void aBulkLoadAroundStoredDigestsSettlesTheirListings() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        DatasetGraph expected = oneByOne(tmp.resolve("a"), files);
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            // the store already holds a day in the middle: bulk days before and after it re-list its papers
            new DigestLoader(store).load(files.get(4), null);
            bulk(store, files);
            assertTrue(IsoMatcher.isomorphic(expected, DigestLoaderTest.snapshot(store)));
        }
    }

    @Test
    void aDigestChangedAfterItsHeadingsWereReadIsNotLoadedAndTheOthersAre() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        Path changed = files.get(5);
        List<Path> others = new ArrayList<>(files);
        others.remove(changed);
        DatasetGraph expected = oneByOne(tmp.resolve("a"), others);
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            List<LoadResult> results = new ArrayList<>();
            new DigestLoader(store)
                    .afterScan(() -> DigestLoaderTest.write(changed, Samples.read(changed) + "\n"))
                    .loadAll(files, null, results::add);
            assertEquals(10, results.size());
            LoadResult failed = results.get(5);
            assertEquals(LoadResult.Status.FAILED, failed.status());
            assertTrue(failed.error().contains(changed + ": the file changed while it was being loaded"), failed.error());
            assertEquals(9, results.stream().filter(r -> r.status() == LoadResult.Status.LOADED).count());
            assertTrue(IsoMatcher.isomorphic(expected, DigestLoaderTest.snapshot(store)));
            assertTrue(store.text().compare().isEmpty());
        }
    }

    @Test
    void aDigestRejectedInABulkLoadLeavesNoTraceAndItsPapersStayConsistent() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        // the latest day fails under --strict (its table of contents claims a wrong count)
        Path last = files.get(9);
        DigestLoaderTest.write(last, Samples.read(last).replace("[Total: 3]", "[Total: 4]"));
        DatasetGraph expected = oneByOne(tmp.resolve("a"), files.subList(0, 9));
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            List<LoadResult> results = new ArrayList<>();
            new DigestLoader(store).strict(true).loadAll(files, null, results::add);
            assertEquals(LoadResult.Status.FAILED, results.get(9).status());
            assertTrue(IsoMatcher.isomorphic(expected, DigestLoaderTest.snapshot(store)),
                    "the papers the failed day re-listed keep their previous listing as the latest");
        }
    }

    @Test
    void aBulkLoadCountsTheDistinctAuthorsOfTheDigestsItLoadedAsLoadingOneByOneDoes() {
        List<Path> files = Samples.overlappingDays(tmp.resolve("digests"));
        long all = distinctAuthorsOneByOne(tmp.resolve("all"), files, false);
        // under --strict the latest day fails: the authors only it names are not counted
        Path last = files.get(9);
        DigestLoaderTest.write(last, Samples.read(last).replace("[Total: 3]", "[Total: 4]"));
        long withoutLast = distinctAuthorsOneByOne(tmp.resolve("a"), files, true);
        assertTrue(withoutLast < all, withoutLast + " of " + all);
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            DigestLoader loader = new DigestLoader(store).strict(true);
            loader.loadAll(files, null, r -> { });
            assertEquals(withoutLast, loader.distinctAuthors());
        }
    }

    private static long distinctAuthorsOneByOne(Path storeDir, List<Path> files, boolean strict) {
        try (GraphStore store = GraphStore.open(storeDir)) {
            DigestLoader loader = new DigestLoader(store).strict(strict);
            files.forEach(f -> loader.load(f, null));
            return loader.distinctAuthors();
        }
    }

    @Test
    void eachDigestsReportedTriplesAreTheTriplesItsGraphHolds() throws Exception {
        // the sample of 2026-02-04 lists a paper with two authors of one name: the same creator link is mapped twice
        List<Path> files = new ArrayList<>(Samples.overlappingDays(tmp.resolve("digests")));
        files.add(0, java.nio.file.Files.copy(Samples.feb04(), tmp.resolve("digests/2026-02-04.md")));
        try (GraphStore store = GraphStore.open(tmp.resolve("b"))) {
            List<LoadResult> results = bulk(store, files);
            assertEquals(11, results.size());
            for (LoadResult r : results) {
                long stored = Txn.calculateRead(store.datasetGraph(),
                        () -> (long) store.datasetGraph().getGraph(Iris.digest(r.date())).size());
                assertEquals(stored, r.triples(), r.source());
            }
        }
    }
}
