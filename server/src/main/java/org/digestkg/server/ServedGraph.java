package org.digestkg.server;

import java.util.Objects;
import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.storage.GraphStore;

/**
 * What a {@link KgServer} module is given about the graph it serves, when the server is built.
 *
 * @param dataset        the dataset served at {@link #datasetPath()}, for reading in transactions of the module's own
 * @param store          the store behind it when the server was given a {@link GraphStore} (and closes it after the
 *                       modules have stopped); empty when it serves a dataset its caller owns
 * @param datasetPath    where the dataset is in URLs, {@code /kg}
 * @param updatesAllowed whether clients with credentials may change the graph over HTTP
 */
public record ServedGraph(DatasetGraph dataset, Optional<GraphStore> store, String datasetPath, boolean updatesAllowed) {

    public ServedGraph {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(datasetPath, "datasetPath");
    }
}
