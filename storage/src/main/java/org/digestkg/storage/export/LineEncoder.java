package org.digestkg.storage.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.tdb2.store.NodeId;

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
        Node node = nodes.get(id);
        // Stored literals (titles, abstracts, names) each belong to one subject: caching them is wasted memory.
        boolean once = node.isLiteral() && !NodeId.isInline(id);
        if (once && plainText(node)) return;
        text.sb.setLength(0);
        formatter.format(text, node);
        term = text.sb.toString().getBytes(StandardCharsets.UTF_8);
        if (!once) cache.put(id, term);
        put(term);
    }

    /**
     * Writes a string or language-tagged literal that Jena's formatter would write as it is, between quotes: most of
     * an export's bytes, and through the formatter's character sink each was copied three times. Anything the
     * formatter escapes or writes otherwise (quotes, backslashes, controls, surrogates, other datatypes, a
     * direction) is left to it.
     *
     * @return whether it was written
     */
    private boolean plainText(Node literal) {
        String lang = literal.getLiteralLanguage();
        boolean string = lang.isEmpty() && XSDDatatype.XSDstring.equals(literal.getLiteralDatatype());
        if (!string && (lang.isEmpty() || literal.getLiteralBaseDirection() != null)) return false;
        String lex = literal.getLiteralLexicalForm();
        for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) return false;
        }
        put((byte) '"');
        put(lex.getBytes(StandardCharsets.UTF_8));
        put((byte) '"');
        if (!string) {
            put((byte) '@');
            put(lang.getBytes(StandardCharsets.UTF_8));
        }
        return true;
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
