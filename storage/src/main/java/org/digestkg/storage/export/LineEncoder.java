package org.digestkg.storage.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.tdb2.store.NodeId;
import org.digestkg.storage.tdb.NodeFile;

/**
 * Turns batches of node ids into N-Triples or N-Quads lines. Terms are formatted by Jena's N-Triples formatter, the
 * one its UTF-8 writers use, so the lines are the ones Jena writes. Not thread-safe.
 */
final class LineEncoder {

    private static final byte[] END = " .\n".getBytes(StandardCharsets.US_ASCII);

    private final NodeFile nodes;
    private final TermCache cache;
    private final NodeFormatter formatter = new NodeFormatterNT(CharSpace.UTF8);
    private final TextBuffer text = new TextBuffer();
    private final NodeFile.PlainLiteral plain = new NodeFile.PlainLiteral();
    // Each batch gets a new buffer, as the last one is handed out, as large as the last one grew.
    private int capacity = 1 << 20;
    private byte[] buf;
    private int length;

    LineEncoder(NodeFile nodes, TermCache cache) {
        this.nodes = nodes;
        this.cache = cache;
    }

    /** {@code ids} holds {@code count} ids, {@code width} per line in writing order (s, p, o and maybe g). */
    Lines encode(NodeId[] ids, int count, int width) {
        buf = new byte[capacity];
        length = 0;
        for (int i = 0; i < count; i += width) {
            for (int j = 0; j < width; j++) {
                if (j > 0) put((byte) ' ');
                term(ids[i + j]);
            }
            put(END);
        }
        capacity = buf.length;
        return new Lines(buf, length);
    }

    /** Encoded lines: the first {@code length} bytes of {@code bytes}. */
    record Lines(byte[] bytes, int length) {}

    private void term(NodeId id) {
        byte[] term = cache.get(id);
        if (term != null) {
            put(term);
            return;
        }
        if (nodes.plainLiteral(id, plain)) {
            putPlain();
            return;
        }
        Node node = nodes.get(id);
        // Stored literals (titles, abstracts, names) each belong to one subject: caching them is wasted memory.
        boolean once = node.isLiteral() && !NodeId.isInline(id);
        text.sb.setLength(0);
        formatter.format(text, node);
        term = text.sb.toString().getBytes(StandardCharsets.UTF_8);
        if (!once) cache.put(id, term);
        put(term);
    }

    /** Writes {@link #plain} as Jena's formatter would: between quotes, then its language tag, if any. */
    private void putPlain() {
        ensure(plain.lexLength + plain.langLength + 3);
        buf[length++] = '"';
        nodes.copy(plain.lex, buf, length, plain.lexLength);
        length += plain.lexLength;
        buf[length++] = '"';
        if (plain.lang >= 0) {
            buf[length++] = '@';
            nodes.copy(plain.lang, buf, length, plain.langLength);
            length += plain.langLength;
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buf[length++] = b;
    }

    private void ensure(int n) {
        if (length + n > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, length + n));
    }

    /** An unsynchronised character sink for the formatter. */
    private static final class TextBuffer extends AWriterBase {
        final StringBuilder sb = new StringBuilder(256);

        @Override
        public void print(char ch) {
            sb.append(ch);
        }

        @Override
        public void print(char[] chars) {
            sb.append(chars);
        }

        @Override
        public void print(String s) {
            sb.append(s);
        }

        @Override
        public void printf(String fmt, Object... args) {
            sb.append(String.format(fmt, args));
        }

        @Override
        public void println(String s) {
            sb.append(s).append('\n');
        }

        @Override
        public void println() {
            sb.append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
