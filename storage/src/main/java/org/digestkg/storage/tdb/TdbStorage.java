package org.digestkg.storage.tdb;

import java.nio.file.Path;
import java.util.Optional;

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
        return TDBInternal.getDatasetGraphTDB(unwrapped(dsg));
    }

    /** The dataset TDB2 switches to a new storage folder when it compacts, when {@code dsg} is a TDB2 store. */
    static Optional<DatasetGraphSwitchable> switchable(DatasetGraph dsg) {
        return unwrapped(dsg) instanceof DatasetGraphSwitchable s ? Optional.of(s) : Optional.empty();
    }

    /** {@code dsg} without the views that wrap it, down to TDB2's switchable dataset if there is one. */
    private static DatasetGraph unwrapped(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        while (d instanceof DatasetGraphWrapper w && !(d instanceof DatasetGraphSwitchable)) {
            d = w.getWrapped();
        }
        return d;
    }

    /**
     * The store's folder on disk (the one given to open it, holding TDB2's {@code Data-NNNN}), for files kept beside
     * the data; empty for an in-memory store. Queries see TDB2's storage dataset, which knows only its
     * {@code Data-NNNN} directory: the folder is then that directory's parent.
     */
    public static Optional<Path> folder(DatasetGraph dsg) {
        DatasetGraph d = unwrapped(dsg);
        if (d instanceof DatasetGraphSwitchable s && s.hasContainerPath()) {
            return Optional.of(s.getContainerPath().toAbsolutePath().normalize());
        }
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(d);
        if (tdb == null || tdb.getLocation().isMem()) {
            return Optional.empty();
        }
        Path dir = Path.of(tdb.getLocation().getDirectoryPath()).toAbsolutePath().normalize();
        boolean generation = dir.getFileName() != null && dir.getFileName().toString().matches("Data-\\d+");
        return Optional.of(generation ? dir.getParent() : dir);
    }
}
