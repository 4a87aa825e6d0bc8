package org.digestkg.storage.export;

import org.apache.jena.tdb2.store.NodeId;

/**
 * Node ids to their terms in N-Triples syntax, so a node used by many triples is decoded and formatted once.
 * Direct-mapped with a fixed number of slots, so memory stays bounded on any store; a collision only costs a decode.
 */
final class TermCache {

    /** Longer terms are not kept, which bounds the cache's memory to slots × this. */
    static final int MAX_TERM = 256;

    private record Entry(NodeId id, byte[] term) {}

    private final Entry[] slots;
    private final int shift;

    /** @param bits log2 of the number of slots */
    TermCache(int bits) {
        slots = new Entry[1 << bits];
        shift = 32 - bits;
    }

    byte[] get(NodeId id) {
        Entry e = slots[slot(id)];
        return e != null && NodeIds.same(e.id, id) ? e.term : null;
    }

    void put(NodeId id, byte[] term) {
        if (term.length <= MAX_TERM) slots[slot(id)] = new Entry(id, term);
    }

    private int slot(NodeId id) {
        // Fibonacci hashing spreads ids over all slots, whichever bits of the id vary.
        return (id.hashCode() * 0x9E3779B9) >>> shift;
    }
}
