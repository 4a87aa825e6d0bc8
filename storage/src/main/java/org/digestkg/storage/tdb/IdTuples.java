package org.digestkg.storage.tdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.apache.jena.dboe.base.file.FileException;
import org.apache.lucene.util.IntroSorter;
import org.digestkg.storage.Folders;

/**
 * Quads as four node ids each, given back sorted in the order of each quad index, each quad once: an external
 * sort. Up to a number of quads are held in memory, 16 bytes each (an id in an int where it fits: a node's place in
 * the node file, for a node file under 2 GB; any other, an inline value such as a number or a date, in a table of
 * its own, the int then naming its entry); beyond that, the quads held are sorted in each index's order and written
 * to a file per index (a run), and the runs are merged when the indexes are written. So a load's memory does not
 * grow with its size; a load that fits (a year of digests does) never touches the disk.
 */
final class IdTuples implements AutoCloseable {

    private static final int BLOCK_SHIFT = 18; // tuples per block: 2^18, 4 MB
    private static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int ID_BYTES = 8;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Bytes read or written at once per run file. */
    private static final int IO_BUFFER = 1 << 20;

    /** Per index, its columns as columns of the (graph, subject, predicate, object) tuple. */
    private final int[][] orders;
    private final int inMemory;
    private final Path runsDir;
    private final List<int[]> blocks = new ArrayList<>();
    private final Map<Long, Integer> wideIndex = new HashMap<>();
    private long[] wide = new long[64];
    private int size;
    /** Per index, its runs on disk, in the order written. */
    private final List<List<Path>> runs = new ArrayList<>();

    /**
     * @param orders   per index, column k of the index is column {@code orders[i][k]} of the quad
     * @param inMemory quads held in memory before they are written out as runs
     * @param runsDir  a folder, made at the first run and deleted by {@link #close()}
     */
    IdTuples(int[][] orders, int inMemory, Path runsDir) {
        this.orders = orders;
        this.inMemory = Math.max(1, inMemory);
        this.runsDir = runsDir;
        for (int i = 0; i < orders.length; i++) runs.add(new ArrayList<>());
    }

    void add(long g, long s, long p, long o) {
        if (size == inMemory) spill();
        if ((size & (BLOCK - 1)) == 0 && size >> BLOCK_SHIFT == blocks.size()) {
            blocks.add(new int[Math.min(BLOCK, inMemory) * 4]);
        }
        int[] b = blocks.get(size >> BLOCK_SHIFT);
        int at = (size & (BLOCK - 1)) * 4;
        b[at] = narrow(g);
        b[at + 1] = narrow(s);
        b[at + 2] = narrow(p);
        b[at + 3] = narrow(o);
        size++;
    }

    /** Runs written so far, over all indexes. */
    int runCount() {
        return runs.stream().mapToInt(List::size).sum();
    }

    /**
     * The quads in index {@code index}'s order, each once, as that index's keys: its four ids big-endian, so
     * byte order is id order.
     */
    Iterator<byte[]> keys(int index) {
        int[] order = orders[index];
        sort(order);
        List<Source> sources = new ArrayList<>();
        for (Path run : runs.get(index)) sources.add(new RunSource(run));
        sources.add(new MemorySource(order));
        return new Merge(sources);
    }

    /** Deletes the runs. */
    @Override
    public void close() {
        try {
            if (Files.exists(runsDir)) Folders.deleteTree(runsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + runsDir + ": " + e.getMessage(), e);
        }
    }

    /** Sorts the quads held in each index's order and writes them as that index's next run. */
    private void spill() {
        try {
            Files.createDirectories(runsDir);
            for (int i = 0; i < orders.length; i++) {
                sort(orders[i]);
                Path run = runsDir.resolve("index" + i + "-run" + runs.get(i).size());
                writeRun(run, orders[i]);
                runs.get(i).add(run);
            }
        } catch (IOException e) {
            // a file of the store's, as TDB2 reports its own: a full disk is then told as one
            throw new FileException("cannot write the sorted quads to " + runsDir + ": " + e.getMessage(), e);
        }
        size = 0;
    }

    private void writeRun(Path run, int[] order) throws IOException {
        try (FileChannel out = FileChannel.open(run, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER);
            for (int t = 0; t < size; t++) {
                if (t > 0 && sameAs(t - 1, t)) continue;
                if (buf.remaining() < 16) drain(out, buf);
                int[] b = blocks.get(t >> BLOCK_SHIFT);
                int at = (t & (BLOCK - 1)) * 4;
                for (int k = 0; k < 4; k++) buf.putInt(b[at + order[k]]);
            }
            drain(out, buf);
        }
    }

    private static void drain(FileChannel out, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) out.write(buf);
        buf.clear();
    }

    private int narrow(long id) {
        if (id >>> 31 == 0) return (int) id;
        return ~wideIndex.computeIfAbsent(id, x -> {
            int n = wideIndex.size();
            if (n == wide.length) wide = Arrays.copyOf(wide, n * 2);
            wide[n] = x;
            return n;
        });
    }

    private long widen(int v) {
        return v >= 0 ? v : wide[~v];
    }

    private long get(int tuple, int column) {
        return widen(blocks.get(tuple >> BLOCK_SHIFT)[(tuple & (BLOCK - 1)) * 4 + column]);
    }

    private boolean sameAs(int i, int j) {
        int[] bi = blocks.get(i >> BLOCK_SHIFT);
        int[] bj = blocks.get(j >> BLOCK_SHIFT);
        int ai = (i & (BLOCK - 1)) * 4;
        int aj = (j & (BLOCK - 1)) * 4;
        return bi[ai] == bj[aj] && bi[ai + 1] == bj[aj + 1] && bi[ai + 2] == bj[aj + 2] && bi[ai + 3] == bj[aj + 3];
    }

    private void sort(int[] order) {
        long[] pivot = new long[4];
        new IntroSorter() {
            @Override
            protected void setPivot(int i) {
                for (int c = 0; c < 4; c++) pivot[c] = get(i, order[c]);
            }

            @Override
            protected int comparePivot(int j) {
                for (int c = 0; c < 4; c++) {
                    int r = Long.compareUnsigned(pivot[c], get(j, order[c]));
                    if (r != 0) return r;
                }
                return 0;
            }

            @Override
            protected int compare(int i, int j) {
                for (int c = 0; c < 4; c++) {
                    int r = Long.compareUnsigned(get(i, order[c]), get(j, order[c]));
                    if (r != 0) return r;
                }
                return 0;
            }

            @Override
            protected void swap(int i, int j) {
                int[] bi = blocks.get(i >> BLOCK_SHIFT);
                int[] bj = blocks.get(j >> BLOCK_SHIFT);
                int ai = (i & (BLOCK - 1)) * 4;
                int aj = (j & (BLOCK - 1)) * 4;
                for (int c = 0; c < 4; c++) {
                    int t = bi[ai + c];
                    bi[ai + c] = bj[aj + c];
                    bj[aj + c] = t;
                }
            }
        }.sort(0, size);
    }

    /** Sorted quads, one at a time, columns in the index's order. */
    private interface Source {
        /** Moves to the next quad; false at the end. */
        boolean advance();

        long column(int k);
    }

    private final class MemorySource implements Source {
        private final int[] order;
        private int at = -1;

        MemorySource(int[] order) {
            this.order = order;
        }

        @Override
        public boolean advance() {
            return ++at < size;
        }

        @Override
        public long column(int k) {
            return get(at, order[k]);
        }
    }

    private final class RunSource implements Source {
        private final FileChannel in;
        private final ByteBuffer buf = ByteBuffer.allocate(IO_BUFFER);
        private final long[] current = new long[4];

        RunSource(Path run) {
            try {
                in = FileChannel.open(run, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + run + ": " + e.getMessage(), e);
            }
            buf.flip();
        }

        @Override
        public boolean advance() {
            try {
                if (buf.remaining() < 16) {
                    buf.compact();
                    while (buf.position() < 16 && in.read(buf) >= 0) {
                        // a read may return fewer bytes than a quad
                    }
                    buf.flip();
                    if (buf.remaining() < 16) {
                        in.close();
                        return false;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a run of sorted quads: " + e.getMessage(), e);
            }
            for (int k = 0; k < 4; k++) current[k] = widen(buf.getInt());
            return true;
        }

        @Override
        public long column(int k) {
            return current[k];
        }
    }

    /** The sources merged, equal quads once. */
    private static final class Merge implements Iterator<byte[]> {
        private final PriorityQueue<Source> queue = new PriorityQueue<>(Merge::compare);
        /**
         * Where each key is put together before it is copied out. Writing the ids straight into a new array went wrong
         * now and then once the JIT had compiled {@link #take} (OpenJDK 17.0.15): some of the four stores were lost or
         * landed in another's place, leaving a key partly zero and the merge out of order (5 spilled builds in 30;
         * none in 45 with {@code take} never compiled, none in 50 put together here). PackedQuads
         * checks the order anyway.
         */
        private final byte[] scratch = new byte[4 * ID_BYTES];
        private byte[] next;

        Merge(List<Source> sources) {
            for (Source s : sources) if (s.advance()) queue.add(s);
            next = take(null);
        }

        private static int compare(Source a, Source b) {
            for (int k = 0; k < 4; k++) {
                int r = Long.compareUnsigned(a.column(k), b.column(k));
                if (r != 0) return r;
            }
            return 0;
        }

        /** The smallest quad not equal to {@code last}, or null at the end. */
        private byte[] take(byte[] last) {
            while (!queue.isEmpty()) {
                Source s = queue.poll();
                for (int k = 0; k < 4; k++) LONGS.set(scratch, k * ID_BYTES, s.column(k));
                byte[] key = scratch.clone();
                if (s.advance()) queue.add(s);
                // the store keeps a quad once; an index given it twice would count it twice
                if (last == null || !Arrays.equals(key, last)) return key;
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public byte[] next() {
            if (next == null) throw new NoSuchElementException();
            byte[] key = next;
            next = take(key);
            return key;
        }
    }
}
