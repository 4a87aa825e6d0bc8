package org.digestkg.storage.export;

import org.apache.jena.tdb2.store.NodeId;

/** Comparing TDB2 node ids. */
final class NodeIds {

    private NodeIds() {
    }

    /**
     * Whether two ids name the same node. {@link NodeId#equals} compares values only, so the inline integer 49 equals
     * the pointer to offset 49.
     */
    static boolean same(NodeId a, NodeId b) {
        return a.equals(b) && a.type() == b.type();
    }
}
