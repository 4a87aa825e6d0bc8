package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.digestkg.coauthorship.CoauthorGraphLoader.Collector;
import org.digestkg.coauthorship.CoauthorGraphLoader.Loaded;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network a {@link Collector} makes of the quads it is shown is the network read from the store, whatever order
 * the quads come in: an appearance's day before its paper or after, a paper's authors before its type. The samples of
 * {@code data/}, one of them listed on a second day too.
 */
class CollectedNetworkTest {

    @TempDir
    Path tmp;

    @Test
    void quadsShownInAnyOrderMakeTheNetworkReadFromTheStore() {
        Path root = TestWorld.repositoryRoot();
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            assertEquals(LoadResult.Status.LOADED, loader.load(root.resolve("data/2026-02-04.md"), null).status());
            assertEquals(LoadResult.Status.LOADED, loader.load(root.resolve("data/2026-02-23.md"), null).status());
            // the first sample listed again on a later day: its papers have two days each
            assertEquals(LoadResult.Status.LOADED,
                    loader.load(root.resolve("data/2026-02-04.md"), LocalDate.parse("2026-03-01")).status());

            DatasetGraph dsg = store.datasetGraph();
            Loaded read = CoauthorGraphLoader.loadWithDays(dsg, PaperFilter.ALL, null);
            assertTrue(Arrays.stream(read.days()).filter(d -> d.length == 2).count() >= 100,
                    "papers listed on two days");
            List<Quad> quads = Txn.calculateRead(dsg, () -> Iter.toList(dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)));

            for (long seed = 1; seed <= 5; seed++) {
                Collections.shuffle(quads, new Random(seed));
                Collector collector = new Collector();
                quads.forEach(collector::quad);
                Loaded collected = Txn.calculateRead(dsg, () -> collector.loaded(dsg, null));
                String order = "quads shuffled with seed " + seed;
                assertArrayEquals(read.authors(), collected.authors(), "authors, " + order);
                assertArrayEquals(read.papers(), collected.papers(), "papers, " + order);
                assertArrayEquals(read.authorsByPaper(), collected.authorsByPaper(), "authors of each paper, " + order);
                assertArrayEquals(read.days(), collected.days(), "days of each paper, " + order);
            }
        }
    }
}
