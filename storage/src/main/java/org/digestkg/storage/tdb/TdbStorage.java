package org.digestkg.storage.tdb;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The TDB2 storage under a dataset. {@code TDBInternal} only recognises TDB2's own datasets, while a store is used
 * through views that wrap them (the text-indexed dataset, {@code DatasetGraphText}); this looks through those.
 */
public final class TdbStorage {

    private TdbStorage() {
    }

    /** The TDB2 storage of {@code dsg}, or null when it is not a TDB2 store. */
    public static DatasetGraphTDB of(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        while (d instanceof DatasetGraphWrapper w && !(d instanceof DatasetGraphSwitchable)) {
            d = w.getWrapped();
        }
        return TDBInternal.getDatasetGraphTDB(d);
    }
}
