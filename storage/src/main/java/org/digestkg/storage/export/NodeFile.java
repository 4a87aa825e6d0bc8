package org.digestkg.storage.export;

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
import org.digestkg.storage.tdb.JenaInternals;

/**
 * The nodes of a TDB2 store, read from its node data file mapped into memory. The records are the ones Jena's
 * {@link NodeTableTRDF} reads, decoded by the same Thrift code, but Jena reads the file a few bytes per system call,
 * which made decoding nodes most of the time of an export. Not thread-safe: it has a read position.
 */
final class NodeFile {

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
    static NodeFile map(DatasetGraphTDB tdb) {
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

    Node get(NodeId id) {
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
