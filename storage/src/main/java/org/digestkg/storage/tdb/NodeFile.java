package org.digestkg.storage.tdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TTransport;

/**
 * The nodes of a TDB2 store, read from its node data file mapped into memory. The records are the ones Jena's
 * {@link NodeTableTRDF} reads, decoded by the same Thrift code, but Jena reads the file a few bytes per system call,
 * which made decoding nodes most of the time of an export, and of a compaction. Not thread-safe: it has a read
 * position.
 */
public final class NodeFile {

    private final ByteBuffer data;
    private final TProtocol protocol;

    private NodeFile(ByteBuffer data) {
        this.data = data;
        this.protocol = TRDF.protocol(new BufferTransport(data));
    }

    /**
     * Maps the committed part of the store's node file; call inside a read transaction.
     *
     * @throws JenaInternals.UnknownLayout when the store does not keep its nodes in one such file, or when the file
     *                                     is too large for one mapping (over 2 GB)
     */
    public static NodeFile map(DatasetGraphTDB tdb) {
        NodeTable base = tdb.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
        if (!(base instanceof NodeTableTRDF trdf)) {
            throw new JenaInternals.UnknownLayout("the node table is a " + base.getClass().getSimpleName());
        }
        // Nodes are appended; the length this transaction sees covers every node its indexes refer to.
        long length = trdf.getData().length();
        Path file = Path.of(tdb.getLocation().getPath(tdb.getStoreParams().getNodeTableBaseName() + "-data",
                Names.extObjNodeData));
        if (!Files.isRegularFile(file)) throw new JenaInternals.UnknownLayout("no node file " + file);
        if (length > Integer.MAX_VALUE) {
            throw new JenaInternals.UnknownLayout("the node file is over 2 GB (" + length + " bytes)");
        }
        try (FileChannel channel = FileChannel.open(file)) {
            return new NodeFile(channel.map(FileChannel.MapMode.READ_ONLY, 0, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Node get(NodeId id) {
        Node inline = NodeId.extract(id);
        if (inline != null) return inline;
        data.position((int) id.getPtrLocation());
        RDF_Term term = new RDF_Term();
        try {
            term.read(protocol);
        } catch (TException e) {
            throw new IllegalStateException("cannot decode node " + id, e);
        }
        return ThriftConvert.convert(term);
    }

    /** Where the parts of a plain literal ({@link #plainLiteral}) are in the node file; reused from call to call. */
    public static final class PlainLiteral {
        public int lex, lexLength;
        /** -1 for a string literal */
        public int lang = -1, langLength;
    }

    /**
     * Finds the UTF-8 bytes of the node {@code id} when it is a string or language-tagged literal whose N-Triples
     * form is those bytes between quotes: no quote, backslash, control character or character outside the Basic
     * Multilingual Plane (a surrogate pair in Java, which Jena's formatter writes its own way), and no direction or
     * datatype. Such literals are most of an export's bytes; decoding each into a String and encoding it back, as
     * {@link #get} must, was about a fifth of the exporter's time. Only the record layout Jena's Thrift code writes
     * for them is recognised here; any other record, valid or not, is left to {@link #get}.
     *
     * @return whether {@code into} now holds the literal's parts
     */
    public boolean plainLiteral(NodeId id, PlainLiteral into) {
        if (NodeId.isInline(id)) return false;
        int at = (int) id.getPtrLocation();
        // RDF_Term's field 3 (a literal struct), then the literal's field 1 (its lexical form, a string)
        if (byteAt(at) != 0x3C || byteAt(at + 1) != 0x18) return false;
        at = string(at + 2, into, false);
        if (at < 0) return false;
        into.lang = -1;
        into.langLength = 0;
        if (byteAt(at) == 0x18) {
            // field 2: a language tag
            at = string(at + 1, into, true);
            if (at < 0) return false;
        }
        // the ends of the literal and of the term: anything else (a datatype, a direction) is left to get()
        return byteAt(at) == 0 && byteAt(at + 1) == 0;
    }

    /** Copies {@code length} bytes of the file from {@code from} into {@code to} at {@code at}. */
    public void copy(int from, byte[] to, int at, int length) {
        data.get(from, to, at, length);
    }

    /** Reads a Thrift string at {@code at} into {@code into}; the position after it, or -1 when it cannot be copied. */
    private int string(int at, PlainLiteral into, boolean lang) {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28) return -1;
            int b = byteAt(at++);
            if (b < 0) return -1;
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        int end = at + length;
        if (length < 0 || end > data.limit() || !copiesAsIs(at, end)) return -1;
        if (lang) {
            into.lang = at;
            into.langLength = length;
        } else {
            into.lex = at;
            into.lexLength = length;
        }
        return end;
    }

    /**
     * Whether {@code [from, to)} is UTF-8 of characters the N-Triples formatter writes as they are: decoding and
     * encoding such bytes again gives the same bytes.
     */
    private boolean copiesAsIs(int from, int to) {
        for (int i = from; i < to; i++) {
            int b = data.get(i) & 0xFF;
            if (b < 0x80) {
                if (b < 0x20 || b == '"' || b == '\\') return false;
            } else if (b >= 0xC2 && b <= 0xDF) {
                if (!continuation(++i, to)) return false;
            } else if (b >= 0xE0 && b <= 0xEF) {
                // not overlong (E0 80..9F) and not a surrogate (ED A0..BF)
                int second = i + 1 < to ? data.get(i + 1) & 0xFF : 0;
                if (b == 0xE0 && second < 0xA0 || b == 0xED && second >= 0xA0) return false;
                if (!continuation(++i, to) || !continuation(++i, to)) return false;
            } else {
                // a stray continuation byte, or a character outside the Basic Multilingual Plane
                return false;
            }
        }
        return true;
    }

    private boolean continuation(int i, int to) {
        return i < to && (data.get(i) & 0xC0) == 0x80;
    }

    /** The byte at {@code at}, 0-255, or -1 past the end. */
    private int byteAt(int at) {
        return at < data.limit() ? data.get(at) & 0xFF : -1;
    }

    /**
     * Thrift input from a buffer. Thrift's own TByteBuffer refuses a buffer over its 100 MB message limit, which a
     * node file soon passes.
     */
    private static final class BufferTransport extends TTransport {
        private final ByteBuffer buffer;

        BufferTransport(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            int n = Math.min(len, buffer.remaining());
            buffer.get(buf, off, n);
            return n;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void open() {
        }

        @Override
        public void close() {
        }

        @Override
        public TConfiguration getConfiguration() {
            return TConfiguration.DEFAULT;
        }

        @Override
        public void updateKnownMessageSize(long size) {
        }

        @Override
        public void checkReadBytesAvailable(long numBytes) {
        }
    }
}
