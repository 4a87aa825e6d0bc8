package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.digestkg.coauthorship.CoauthorGraphLoader.Collector;
import org.digestkg.coauthorship.CoauthorGraphLoader.Loaded;
import org.digestkg.extractor.rdf.DCTERMS;
import org.digestkg.extractor.rdf.DKG;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network a {@link Collector} makes of the quads it is shown is the network read from the store, whatever order
 * the quads come in (an appearance's day before its paper or after, a paper's authors before its type) and whether
 * its facts fit in memory or are sorted in runs on disk. The samples of {@code data/}, one of them listed on a second
 * day too.
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
                // a few records per run in memory for some seeds, so that every sort merges runs from disk
                int inMemory = seed % 2 == 0 ? 1 << 17 : 3 + (int) seed * 50;
                Collector collector = new Collector(new SpilledNetwork(tmp.resolve("spill" + seed), inMemory));
                quads.forEach(collector::quad);
                Loaded collected = written(dsg, collector, "seed " + seed);
                assertSameNetwork(read, collected, "quads shuffled with seed " + seed + ", " + inMemory + " in memory");
                assertFalse(Files.exists(tmp.resolve("spill" + seed).resolve(SpilledNetwork.FOLDER)),
                        "the spilled facts are deleted once written");
            }
        }
    }

    /**
     * Papers whose listings the loader settled in the store after it showed their quads are read again from the
     * store: what was shown of them no longer counts, the rest does.
     */
    @Test
    void papersSettledAfterTheyWereShownAreTakenFromTheStore() {
        Path root = TestWorld.repositoryRoot();
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            DigestLoader loader = new DigestLoader(store);
            assertEquals(LoadResult.Status.LOADED, loader.load(root.resolve("data/2026-02-04.md"), null).status());
            assertEquals(LoadResult.Status.LOADED, loader.load(root.resolve("data/2026-02-23.md"), null).status());
            DatasetGraph dsg = store.datasetGraph();
            List<Quad> quads = Txn.calculateRead(dsg, () -> Iter.toList(dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)));
            Collector collector = new Collector(new SpilledNetwork(tmp.resolve("spill"), 40));
            quads.forEach(collector::quad);

            // after the quads were shown: one paper loses an author and its title changes, another stops being a paper
            List<Node> papers = Txn.calculateRead(dsg, () -> Iter.toList(Iter.map(
                    dsg.findNG(Node.ANY, Node.ANY, RDF.Nodes.type, DKG.Paper), Quad::getSubject))).stream().distinct().toList();
            Node changed = papers.get(3);
            Node dropped = papers.get(7);
            Txn.executeWrite(dsg, () -> {
                Quad creator = dsg.findNG(Node.ANY, changed, DCTERMS.creator, Node.ANY).next();
                dsg.delete(creator);
                for (Quad title : Iter.toList(dsg.findNG(Node.ANY, changed, DCTERMS.title, Node.ANY))) {
                    dsg.delete(title);
                    dsg.add(title.getGraph(), changed, DCTERMS.title, NodeFactory.createLiteralString("A title set later"));
                }
                dsg.deleteAny(Node.ANY, dropped, RDF.Nodes.type, DKG.Paper);
            });
            collector.settled(List.of(changed, dropped));

            Loaded read = CoauthorGraphLoader.loadWithDays(dsg, PaperFilter.ALL, null);
            Loaded collected = written(dsg, collector, "settled");
            assertEquals(papers.size() - 1, collected.papers().length, "the paper no longer typed is gone");
            assertTrue(Arrays.stream(collected.papers()).anyMatch(p -> p.title().equals("A title set later")));
            assertSameNetwork(read, collected, "two papers settled");
        }
    }

    private Loaded written(DatasetGraph dsg, Collector collector, String name) {
        Path file = tmp.resolve(name + ".idx");
        try {
            Txn.executeRead(dsg, () -> {
                try {
                    collector.write(dsg, null, file, "key");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return NetworkFile.read(file).network();
        } catch (IOException | NetworkFile.Corrupt e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameNetwork(Loaded read, Loaded collected, String when) {
        assertArrayEquals(read.authors(), collected.authors(), "authors, " + when);
        assertArrayEquals(read.papers(), collected.papers(), "papers, " + when);
        assertArrayEquals(read.authorsByPaper(), collected.authorsByPaper(), "authors of each paper, " + when);
        assertArrayEquals(read.days(), collected.days(), "days of each paper, " + when);
    }
}
