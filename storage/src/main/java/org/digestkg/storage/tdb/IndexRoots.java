package org.digestkg.storage.tdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;

import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/** {@link CommittedState}'s fast path: TDB2's index roots and node file length as a transaction sees them. */
final class IndexRoots {

    /** In-memory stores have no directory to name them: each gets a name of its own while it lives. */
    private static final Map<DatasetGraphTDB, String> MEMORY_STORES = new WeakHashMap<>();

    private IndexRoots() {
    }

    /** Call inside a read transaction of {@code dsg}. */
    static Optional<CommittedState> stateSeenBy(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TdbStorage.of(dsg);
        if (tdb == null) {
            return Optional.empty();
        }
        StringBuilder version = new StringBuilder();
        long order = 0;
        for (TupleTable table : new TupleTable[] {tdb.getTripleTable().getNodeTupleTable().getTupleTable(),
                tdb.getQuadTable().getNodeTupleTable().getTupleTable()}) {
            for (TupleIndex index : table.getIndexes()) {
                int root = tree(index).getRootId();
                version.append(index.getName().toLowerCase()).append(':').append(root).append('.');
                order += root;
            }
        }
        NodeTable nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
        if (!(nodes instanceof NodeTableTRDF trdf)) {
            throw new UnknownLayout("the node table is a " + nodes.getClass().getSimpleName());
        }
        long nodeBytes = trdf.getData().length();
        version.append("nodes:").append(nodeBytes);
        order += nodeBytes;
        return Optional.of(new CommittedState(storeName(tdb), version.toString(), order));
    }

    static BPlusTree tree(TupleIndex index) {
        if (index instanceof TupleIndexRecord record && record.getRangeIndex() instanceof BPlusTree tree) {
            return tree;
        }
        throw new UnknownLayout("the index " + index.getName() + " is not a TDB2 B+tree");
    }

    private static String storeName(DatasetGraphTDB tdb) {
        if (tdb.getLocation().isMem()) {
            synchronized (MEMORY_STORES) {
                return MEMORY_STORES.computeIfAbsent(tdb, t -> "mem:" + UUID.randomUUID());
            }
        }
        Path dir = Path.of(tdb.getLocation().getDirectoryPath()).toAbsolutePath().normalize();
        try {
            // The directory's identity (device and inode on Unix) tells a store rebuilt in the same place apart.
            Object identity = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return identity == null ? dir.toString() : dir + "@" + identity;
        } catch (IOException e) {
            throw new UnknownLayout("cannot read the store directory " + dir + ": " + e);
        }
    }
}
