package org.digestkg.storage.tdb;

import java.util.Optional;
import java.util.OptionalLong;

import org.apache.jena.dboe.transaction.txn.TransactionInfo;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.digestkg.storage.tdb.JenaInternals.Concern;

/**
 * Which committed state of a TDB2 store a transaction sees: what to key anything derived from the store's data
 * on (an in-memory index, a file beside the store), so that it is used only with exactly the data it was made
 * from and is never stale.
 * <ul>
 *   <li>{@link #store()} names the store's current storage: its directory (TDB2's {@code Data-NNNN}, which
 *       compaction replaces) and that directory's file-system identity, or a unique name for an in-memory
 *       store.</li>
 *   <li>{@link #version()} names the data within it. It changes with every commit that adds or deletes a triple
 *       or quad, to a value that storage has never had before; it stays the same over commits that change nothing
 *       and over reads, restarts of the process and reopening the store (it is read from what TDB2 keeps on
 *       disk, not from a counter in memory).</li>
 *   <li>{@link #key()} is both in one string, fit to be written into a file and compared later, in this process or
 *       another.</li>
 * </ul>
 * Equal keys mean the same data. Different keys usually mean different data, but not always: a compaction, a copy
 * of the store or a write that is undone by the next one give a new key for the same data, which only costs a
 * rebuild. Keep what is persisted under a key inside the store's folder, so that deleting the store deletes it.
 * <p>
 * Behind it is TDB2's copy-on-write storage: a commit that changes an index writes its changed blocks, up to a new
 * root, after every block in use, so the root of each index (as the transaction sees it) only grows; the version is
 * the roots of the triple and quad indexes and the length of the node file.
 */
public record CommittedState(String store, String version, long order) {

    /**
     * The committed state that the calling thread's transaction on {@code dsg} sees, or without a transaction the
     * latest one. Empty inside a write transaction (it may hold changes not committed yet), for a dataset that is
     * not TDB2, and when the fast path is unavailable ({@link JenaInternals}): then nothing can be keyed on the
     * store's state, and whatever would be cached must be computed from the store each time.
     */
    public static Optional<CommittedState> seenBy(DatasetGraph dsg) {
        if (!dsg.isInTransaction()) {
            return Txn.calculateRead(dsg, () -> seenBy(dsg));
        }
        if (dsg.transactionMode() == ReadWrite.WRITE) {
            return Optional.empty();
        }
        return JenaInternals.attempt(Concern.COMMITTED_STATE, () -> IndexRoots.stateSeenBy(dsg));
    }

    /**
     * How many write transactions had been committed to the store by this process when the calling thread's
     * transaction began (TDB2's data version, counted in memory since the store was opened). A writer that shares the
     * store with other writers of the process notes it before its own commits and tells, in a later transaction,
     * whether anyone else committed in between. Empty without a transaction, or for a dataset that is not TDB2.
     */
    public static OptionalLong commitsBefore(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TdbStorage.of(dsg);
        TransactionInfo txn = tdb == null || !dsg.isInTransaction() ? null : tdb.getTxnSystem().getTransactionInfo();
        return txn == null ? OptionalLong.empty() : OptionalLong.of(txn.getDataVersion());
    }

    /** Store and version in one string, e.g. {@code /data/kg/Data-0001@(dev=803,ino=1234)#spo:7.pos:7...}. */
    public String key() {
        return store + "#" + version;
    }

    /**
     * Whether this state was committed after {@code other}, a state of the same store. States of one store are
     * ordered by their commits, so a cache can keep the latest when a slow reader still sees an older one.
     */
    public boolean isNewerThan(CommittedState other) {
        return store.equals(other.store) && order > other.order;
    }
}
