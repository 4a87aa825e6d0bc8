package org.digestkg.storage.tdb;

import java.util.Optional;

import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.digestkg.storage.tdb.JenaInternals.Concern;
import org.digestkg.storage.tdb.JenaInternals.UnknownLayout;

/**
 * How many bytes a TDB2 store's data takes in its files: the blocks given out to its triple and quad indexes, those
 * that earlier states left behind included, and its node file (not the index from nodes to ids, which Jena keeps out
 * of reach). Its files' sizes do not tell: TDB2 makes them 8 MB at a time, ahead of use. Compaction shrinks this to
 * what the latest state needs.
 */
public final class StoreFootprint {

    private StoreFootprint() {
    }

    /** The bytes of the latest committed state; empty when it cannot be told (not TDB2, or another layout). */
    public static Optional<Long> bytes(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> JenaInternals.attempt(Concern.FOOTPRINT, () -> {
            DatasetGraphTDB tdb = TdbStorage.of(dsg);
            if (tdb == null) return Optional.empty();
            long bytes = 0;
            for (TupleTable table : new TupleTable[] {tdb.getTripleTable().getNodeTupleTable().getTupleTable(),
                    tdb.getQuadTable().getNodeTupleTable().getTupleTable()}) {
                for (TupleIndex index : table.getIndexes()) {
                    BPlusTree tree = IndexRoots.tree(index);
                    var state = tree.getStateManager();
                    bytes += (state.getNodeBlocksLimit() + state.getRecordsBlocksLimit())
                            * tree.getParams().getCalcBlockSize();
                }
            }
            NodeTable nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
            if (!(nodes instanceof NodeTableTRDF trdf)) {
                throw new UnknownLayout("the node table is a " + nodes.getClass().getSimpleName());
            }
            return Optional.of(bytes + trdf.getData().length());
        }));
    }
}
