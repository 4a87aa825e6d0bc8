package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records come back in the order an in-memory sort gives, from memory or from runs on disk, and the runs are deleted. */
class ExternalSortTest {

    @TempDir
    Path tmp;

    private record Row(String key, int n) {
    }

    private static final SpillFile.Codec<Row> CODEC = new SpillFile.Codec<>() {
        @Override
        public void write(DataOutputStream out, Row r) throws IOException {
            SpillFile.writeString(out, r.key());
            out.writeInt(r.n());
        }

        @Override
        public Row read(DataInputStream in) throws IOException {
            return new Row(SpillFile.readString(in), in.readInt());
        }
    };

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::key).thenComparingInt(Row::n);

    @Test
    void recordsComeBackSortedFromRunsOrMemory() throws IOException {
        Random random = new Random(7);
        for (int inMemory : new int[] {1, 2, 7, 100, 1000}) {
            for (int size : new int[] {0, 1, 7, 8, 350}) {
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    // supplementary characters and ones above them in UTF-16: String order, not UTF-8's
                    String key = random.nextInt(4) == 0 ? "\uD83D\uDE00" + random.nextInt(5)
                            : random.nextInt(4) == 0 ? "\uFFFD" + random.nextInt(5) : "k" + random.nextInt(40);
                    rows.add(new Row(key, random.nextInt(3)));
                }
                Path dir = tmp.resolve("runs-" + inMemory + "-" + size);
                ExternalSort<Row> sort = new ExternalSort<>(dir, "rows", CODEC, ORDER, inMemory);
                rows.forEach(sort::add);
                List<Row> sorted = new ArrayList<>();
                try (ExternalSort.Merge<Row> merge = sort.sorted()) {
                    while (merge.hasNext()) {
                        Row peeked = merge.peek();
                        Row next = merge.next();
                        assertEquals(peeked, next);
                        sorted.add(next);
                    }
                }
                rows.sort(ORDER);
                assertEquals(rows, sorted, inMemory + " in memory, " + size + " records");
                assertEquals(size > inMemory, Files.exists(dir), "runs written only when memory is full");
                if (Files.exists(dir)) {
                    try (Stream<Path> left = Files.list(dir)) {
                        assertTrue(left.findAny().isEmpty(), "runs deleted once read");
                    }
                }
            }
        }
        assertFalse(Files.exists(tmp.resolve("runs-1000-350")));
    }
}
