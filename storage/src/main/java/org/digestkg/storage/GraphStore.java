package org.digestkg.storage;

import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.storage.tdb.StoreLock;
import org.digestkg.storage.tdb.StoreRelease;
import org.digestkg.storage.text.TextIndexedStore;

/**
 * The TDB2 store on disk. Each digest lives in its own named graph; the default graph seen by queries is the
 * union of all of them, so plain queries see everything. Its texts are searchable: a Lucene index in the store's
 * folder follows every write made through {@link #datasetGraph()} ({@link TextIndexedStore}).
 */
public final class GraphStore implements AutoCloseable {

    private final Path dir;
    private final DatasetGraph storage;
    /** Null when opened {@link #openWithoutSearch without the index}. */
    private final TextIndexedStore text;

    private GraphStore(Path dir, DatasetGraph storage, TextIndexedStore text) {
        this.dir = dir;
        this.storage = storage;
        this.text = text;
    }

    /**
     * Opens (creating if needed) the store in {@code dir}, with its text index; an index that is missing or was left
     * behind by an interrupted write is brought in step first (the log says so).
     *
     * @throws StoreInUseException when another process has it open
     */
    public static GraphStore open(Path dir) {
        DatasetGraph dsg = connect(dir);
        return new GraphStore(dir, dsg, TextIndexedStore.attach(dir, dsg));
    }

    /**
     * Opens the store in {@code dir} for a reader that neither searches nor writes (counting, the co-author network):
     * the text index stays closed, which spares a short command a third of its time. {@link #datasetGraph()} is then
     * the storage itself, without {@code text:query}, and {@link #text()} is not available; an index left behind by
     * an interrupted write is brought in step by the next {@link #open}.
     *
     * @throws StoreInUseException when another process has it open
     */
    public static GraphStore openWithoutSearch(Path dir) {
        return new GraphStore(dir, connect(dir), null);
    }

    private static DatasetGraph connect(Path dir) {
        DatasetGraph dsg = connectTdb(dir);
        if (FirstLoad.interrupted(dir)) {
            // connected, so no other process has the store, and this one did not mark it: the load that did is gone
            StoreRelease.release(dsg);
            FirstLoad.undo(dir);
            dsg = connectTdb(dir);
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    private static DatasetGraph connectTdb(Path dir) {
        try {
            return DatabaseMgr.connectDatasetGraph(dir.toString());
        } catch (RuntimeException e) {
            throw StoreLock.inUse(dir, e).<RuntimeException>map(inUse -> inUse).orElse(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The store to read and write: writes through it reach the text index. */
    public DatasetGraph datasetGraph() {
        return text == null ? storage : text.dataset();
    }

    public Dataset dataset() {
        return DatasetFactory.wrap(datasetGraph());
    }

    /**
     * The TDB2 store itself, without the text index's view: for what reaches into TDB2 (its bulk loader, the export
     * that reads its indexes, {@code TDBInternal}, which does not see through wrappers). Reading here is reading the
     * store; whatever is written here must be handed to {@link TextIndexedStore#index} in the same transaction.
     */
    public DatasetGraph storage() {
        return storage;
    }

    /**
     * The store's text index: searching it, rebuilding it.
     *
     * @throws IllegalStateException when the store was opened {@link #openWithoutSearch without it}
     */
    public TextIndexedStore text() {
        if (text == null) throw new IllegalStateException("the store in " + dir + " was opened without its search index");
        return text;
    }

    @Override
    public void close() {
        if (text != null) text.close();
        // TDB2 keeps databases in a process-wide cache; releasing it lets another process (or a test) open the directory.
        StoreRelease.release(storage);
    }
}
