package org.digestkg.coauthorship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Records given back in order, however many: up to a number are held and sorted in memory, each such run then
 * written to a {@link SpillFile}, and the runs merged as they are read. Records that compare equal come back in no
 * particular order.
 */
final class ExternalSort<T> {

    private final Path dir;
    private final String name;
    private final SpillFile.Codec<T> codec;
    private final Comparator<? super T> order;
    private final int inMemory;
    private final List<T> held = new ArrayList<>();
    private final List<SpillFile<T>> runs = new ArrayList<>();

    /**
     * @param dir      where the runs are written, named {@code name-N}; made when the first is
     * @param inMemory records held before they are written out as a run
     */
    ExternalSort(Path dir, String name, SpillFile.Codec<T> codec, Comparator<? super T> order, int inMemory) {
        this.dir = dir;
        this.name = name;
        this.codec = codec;
        this.order = order;
        this.inMemory = Math.max(1, inMemory);
    }

    void add(T record) {
        if (held.size() == inMemory) spill();
        held.add(record);
    }

    private void spill() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
        }
        held.sort(order);
        SpillFile<T> run = new SpillFile<>(dir.resolve(name + "-" + runs.size()), codec);
        held.forEach(run::add);
        held.clear();
        runs.add(run);
    }

    /**
     * Every record added, in order; no more can be added. Records that all fit in memory never touch the disk;
     * closing the merge deletes the runs.
     */
    Merge<T> sorted() {
        if (runs.isEmpty()) {
            held.sort(order);
            List<T> all = new ArrayList<>(held);
            held.clear();
            return new Merge<>(List.of(all.iterator()), List.of(), order);
        }
        if (!held.isEmpty()) spill();
        List<SpillFile.Reader<T>> readers = new ArrayList<>();
        runs.forEach(r -> readers.add(r.read()));
        runs.clear();
        return new Merge<>(new ArrayList<>(readers), readers, order);
    }

    /** The runs merged: the least head of any run next. */
    static final class Merge<T> implements Iterator<T>, AutoCloseable {
        private final List<SpillFile.Reader<T>> files;
        private final PriorityQueue<Head<T>> heads;

        private record Head<T>(T record, Iterator<T> run) {
        }

        private Merge(List<Iterator<T>> runs, List<SpillFile.Reader<T>> files, Comparator<? super T> order) {
            this.files = files;
            this.heads = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> order.compare(a.record(), b.record()));
            for (Iterator<T> r : runs) {
                if (r.hasNext()) heads.add(new Head<>(r.next(), r));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Head<T> head = heads.poll();
            if (head == null) throw new NoSuchElementException();
            if (head.run().hasNext()) heads.add(new Head<>(head.run().next(), head.run()));
            return head.record();
        }

        /** The next record without taking it; null at the end. */
        T peek() {
            Head<T> head = heads.peek();
            return head == null ? null : head.record();
        }

        /** Deletes the runs' files. */
        @Override
        public void close() {
            files.forEach(SpillFile.Reader::close);
        }
    }
}
