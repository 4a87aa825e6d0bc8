package org.digestkg.storage;

import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.digestkg.storage.tdb.StoreLock;
import org.digestkg.storage.tdb.StoreRelease;

/**
 * The TDB2 store on disk. Each digest lives in its own named graph; the default graph seen by queries is the
 * union of all of them, so plain queries see everything.
 */
public final class GraphStore implements AutoCloseable {

    private final Path dir;
    private final DatasetGraph dsg;

    private GraphStore(Path dir, DatasetGraph dsg) {
        this.dir = dir;
        this.dsg = dsg;
    }

    /**
     * Opens (creating if needed) the store in {@code dir}.
     *
     * @throws StoreInUseException when another process has it open
     */
    public static GraphStore open(Path dir) {
        DatasetGraph dsg;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        } catch (RuntimeException e) {
            throw StoreLock.inUse(dir, e).<RuntimeException>map(inUse -> inUse).orElse(e);
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new GraphStore(dir, dsg);
    }

    public Path dir() {
        return dir;
    }

    public DatasetGraph datasetGraph() {
        return dsg;
    }

    public Dataset dataset() {
        return DatasetFactory.wrap(dsg);
    }

    @Override
    public void close() {
        // TDB2 keeps databases in a process-wide cache; releasing it lets another process (or a test) open the directory.
        StoreRelease.release(dsg);
    }
}
