package org.digestkg.coauthorship;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Records appended to a file and read back in the order written, once: what a network too large for memory is
 * made of while it is put together ({@link ExternalSort}, {@link SpilledNetwork}).
 */
final class SpillFile<T> {

    /** How a record is written and read back. */
    interface Codec<T> {
        void write(DataOutputStream out, T record) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final Codec<T> codec;
    private DataOutputStream out;
    private long size;

    SpillFile(Path file, Codec<T> codec) {
        this.file = file;
        this.codec = codec;
    }

    void add(T record) {
        try {
            if (out == null) out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
            codec.write(out, record);
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    long size() {
        return size;
    }

    /** The records in the order added; no more can be added. The caller closes it, which deletes the file. */
    Reader<T> read() {
        try {
            if (out == null) out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
            out.close();
            return new Reader<>(file, codec, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A spill file's records, read in order; closing deletes the file. */
    static final class Reader<T> implements Iterator<T>, AutoCloseable {
        private final Path file;
        private final Codec<T> codec;
        private final DataInputStream in;
        private long left;

        private Reader(Path file, Codec<T> codec, long size) throws IOException {
            this.file = file;
            this.codec = codec;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
            this.left = size;
        }

        @Override
        public boolean hasNext() {
            return left > 0;
        }

        @Override
        public T next() {
            if (left == 0) throw new NoSuchElementException();
            try {
                left--;
                return codec.read(in);
            } catch (EOFException e) {
                throw new UncheckedIOException(file + " is shorter than what was written to it", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** A string, null included, as its UTF-8 bytes: any length, unlike {@link DataOutputStream#writeUTF}. */
    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
