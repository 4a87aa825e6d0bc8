package org.digestkg.explorer.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.coauthorship.sparql.CoauthorIndex;

/**
 * Answers to the questions about the whole store (its days, its categories, papers per category per day), kept
 * for the committed state of the store they were computed in: every page asks them, and they only change when the
 * store does. Kept under TDB2's data version (as the co-authorship index keeps its network), so a load, removal
 * or update makes the next page compute them again: never stale. Outside a read transaction of a TDB2 store
 * nothing is kept.
 */
final class AnswerCache {

    private static final int MAX_ENTRIES = 256;

    private final DatasetGraph dsg;
    private long version = Long.MIN_VALUE;
    private final Map<String, Object> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    AnswerCache(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The answer to {@code question} in the caller's read transaction: kept, or computed by {@code compute}. */
    @SuppressWarnings("unchecked")
    <T> T get(String question, Supplier<T> compute) {
        long v = CoauthorIndex.dataVersion(dsg);
        if (v < 0) {
            return compute.get();
        }
        synchronized (this) {
            if (v == version && answers.containsKey(question)) {
                return (T) answers.get(question);
            }
        }
        T answer = compute.get();
        synchronized (this) {
            if (v > version) {
                answers.clear();
                version = v;
            }
            if (v == version) {
                answers.put(question, answer);
            }
        }
        return answer;
    }
}
