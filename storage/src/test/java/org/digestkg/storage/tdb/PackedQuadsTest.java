package org.digestkg.storage.tdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the B+tree rewriter is given: keys in strictly ascending order, or the load fails. */
class PackedQuadsTest {

    @Test
    void keysInOrderPassThrough() {
        List<byte[]> keys = List.of(key(0, 0, 0, 1), key(0, 0, 0, 2), key(0, 1, 0, 0), key(-1, 0, 0, 0));
        List<byte[]> passed = new ArrayList<>();
        PackedQuads.ascending("GSPO", keys.iterator()).forEachRemaining(passed::add);
        assertEquals(keys, passed, "unsigned order: an id with its top bit set comes last");
    }

    @Test
    void aKeyOutOfOrderOrRepeatedStopsTheWrite() {
        for (List<byte[]> keys : List.of(List.of(key(0, 1, 2, 3), key(0, 1, 0, 0)),
                List.of(key(0, 1, 2, 3), key(0, 1, 2, 3)))) {
            Iterator<byte[]> checked = PackedQuads.ascending("SPOG", keys.iterator());
            checked.next();
            IllegalStateException e = assertThrows(IllegalStateException.class, checked::next);
            assertTrue(e.getMessage().contains("index SPOG are out of order at key 2"), e.getMessage());
        }
    }

    private static byte[] key(long... ids) {
        byte[] key = new byte[32];
        for (int k = 0; k < 4; k++) {
            for (int b = 0; b < 8; b++) key[k * 8 + b] = (byte) (ids[k] >>> (56 - 8 * b));
        }
        return key;
    }
}
