package org.digestkg.storage.tdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quads of a packed load come back in each index's order, each once, whether they stayed in memory or were
 * sorted into runs on disk and merged.
 */
class IdTuplesTest {

    /** TDB2's quad indexes as columns of (graph, subject, predicate, object): GSPO, GPOS, GOSP, SPOG, POSG, OSPG. */
    private static final int[][] ORDERS = {{0, 1, 2, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}, {1, 2, 3, 0}, {2, 3, 1, 0}, {3, 1, 2, 0}};

    @TempDir
    Path tmp;

    @Test
    void quadsBeyondMemoryAreSortedIntoRunsAndMergedToWhatAnInMemorySortGives() {
        List<long[]> quads = quads(20_000, 7);
        Path runs = tmp.resolve("runs");
        try (IdTuples spilled = new IdTuples(ORDERS, 3_000, runs); IdTuples held = new IdTuples(ORDERS, 1 << 20, tmp.resolve("none"))) {
            quads.forEach(q -> spilled.add(q[0], q[1], q[2], q[3]));
            quads.forEach(q -> held.add(q[0], q[1], q[2], q[3]));
            assertEquals(6 * (20_000 / 3_000), spilled.runCount(), "a run per index each time memory filled");
            assertEquals(0, held.runCount());
            assertFalse(Files.exists(tmp.resolve("none")), "a load that fits never touches the disk");
            for (int i = 0; i < ORDERS.length; i++) {
                List<String> expected = expected(quads, ORDERS[i]);
                assertEquals(expected, text(toTuples(spilled.keys(i))), "index " + i + ", merged from runs");
                assertEquals(expected, text(toTuples(held.keys(i))), "index " + i + ", in memory");
            }
            assertTrue(Files.isDirectory(runs));
        }
        assertFalse(Files.exists(runs), "closing deletes the runs");
    }

    @Test
    void aQuadInSeveralRunsComesOnceAndIdsBeyondAnIntKeepTheirOrder() {
        long wide = (1L << 40) + 5; // an inline value: kept in the side table, sorted as the long it is
        List<long[]> quads = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            quads.add(new long[] {1, 2, 3, wide});
            quads.add(new long[] {1, 2, 3, 4});
            quads.add(new long[] {1, 2, 3, Long.MIN_VALUE | 9}); // the top bit set: largest, unsigned
        }
        try (IdTuples t = new IdTuples(ORDERS, 2, tmp.resolve("runs"))) {
            quads.forEach(q -> t.add(q[0], q[1], q[2], q[3]));
            assertTrue(t.runCount() > 0);
            List<long[]> got = toTuples(t.keys(0));
            assertEquals(3, got.size(), "each quad once");
            assertArrayEquals(new long[] {1, 2, 3, 4}, got.get(0));
            assertArrayEquals(new long[] {1, 2, 3, wide}, got.get(1));
            assertArrayEquals(new long[] {1, 2, 3, Long.MIN_VALUE | 9}, got.get(2));
        }
    }

    /** {@code n} quads over few distinct ids, so many repeat, some ids beyond an int. */
    private static List<long[]> quads(int n, long seed) {
        Random random = new Random(seed);
        List<long[]> quads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] q = new long[4];
            for (int c = 0; c < 4; c++) q[c] = random.nextInt(10) == 0 ? (1L << 33) + random.nextInt(5) : random.nextInt(12);
            quads.add(q);
        }
        return quads;
    }

    /** The distinct quads with columns in the index's order, sorted as unsigned ids. */
    private static List<String> expected(List<long[]> quads, int[] order) {
        Comparator<long[]> unsigned = Arrays::compareUnsigned;
        List<long[]> sorted = quads.stream().map(q -> new long[] {q[order[0]], q[order[1]], q[order[2]], q[order[3]]})
                .sorted(unsigned).toList();
        return text(sorted).stream().distinct().toList();
    }

    private static List<String> text(List<long[]> tuples) {
        return tuples.stream().map(Arrays::toString).toList();
    }

    private static List<long[]> toTuples(Iterator<byte[]> keys) {
        List<long[]> tuples = new ArrayList<>();
        keys.forEachRemaining(k -> {
            ByteBuffer b = ByteBuffer.wrap(k);
            tuples.add(new long[] {b.getLong(), b.getLong(), b.getLong(), b.getLong()});
        });
        return tuples;
    }
}
