package org.digestkg.explorer.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.storage.tdb.CommittedState;

/**
 * Answers to the questions about the whole store (its days, its categories, papers per category per day, a
 * category's page, a day's listings), kept for the committed state of the store they were computed in: pages ask
 * them again and again, and they only change when the store does. Kept under the {@link CommittedState} the reading
 * transaction sees (as the co-authorship index keeps its network), so a load, removal, update or compaction makes
 * the next page compute them again: never stale. When the state cannot be told (not TDB2, a write transaction),
 * nothing is kept.
 */
final class AnswerCache {

    private static final int MAX_ENTRIES = 256;

    private final DatasetGraph dsg;
    private CommittedState state;
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
        Optional<CommittedState> seen = CommittedState.seenBy(dsg);
        if (seen.isEmpty()) {
            return compute.get();
        }
        CommittedState now = seen.get();
        synchronized (this) {
            if (now.equals(state) && answers.containsKey(question)) {
                return (T) answers.get(question);
            }
        }
        T answer = compute.get();
        synchronized (this) {
            // a slow reader of an older state must not replace the answers of a newer one
            if (state == null || !now.store().equals(state.store()) || now.isNewerThan(state)) {
                answers.clear();
                state = now;
            }
            if (now.equals(state)) {
                answers.put(question, answer);
            }
        }
        return answer;
    }
}
