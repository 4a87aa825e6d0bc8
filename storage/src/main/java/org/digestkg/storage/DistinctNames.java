package org.digestkg.storage;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

/**
 * A set of names that only counts them, exactly: each name is kept as its UTF-8 bytes in Lucene's byte pool, about
 * 30 bytes for a name where a {@code HashSet<String>} took 90. A decade of digests names 750,000 authors, and a
 * build holds its set until the report.
 */
final class DistinctNames {

    /** The pool's limit on one entry's bytes; a longer name (never seen in a digest) is kept as a string. */
    private static final int POOLED = 16_000;

    private final BytesRefHash pooled = new BytesRefHash();
    private final Set<String> longer = new HashSet<>(0);

    void add(String name) {
        BytesRef bytes = new BytesRef(name);
        if (bytes.length <= POOLED) {
            pooled.add(bytes);
        } else {
            longer.add(name);
        }
    }

    void addAll(Collection<String> names) {
        names.forEach(this::add);
    }

    void addAll(DistinctNames other) {
        BytesRef bytes = new BytesRef();
        for (int ord = 0; ord < other.pooled.size(); ord++) {
            pooled.add(other.pooled.get(ord, bytes));
        }
        longer.addAll(other.longer);
    }

    int size() {
        return pooled.size() + longer.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
