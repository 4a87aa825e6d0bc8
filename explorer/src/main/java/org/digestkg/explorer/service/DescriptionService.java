package org.digestkg.explorer.service;

import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;

/**
 * What the graph says about one resource, as RDF (Linked Data): {@code describe-paper}, {@code describe-author},
 * {@code describe-digest}, {@code describe-category} in {@code sparql/}.
 */
public final class DescriptionService {

    /** The kinds of resources the graph names, each with its CONSTRUCT query. */
    public enum Kind {
        PAPER("describe-paper"), AUTHOR("describe-author"), DIGEST("describe-digest"), CATEGORY("describe-category");

        final String query;

        Kind(String query) {
            this.query = query;
        }
    }

    private final StoreQueries queries;

    DescriptionService(StoreQueries queries) {
        this.queries = queries;
    }

    /** The resource's description; an empty graph when the store does not hold it as that kind. */
    public Graph describe(Kind kind, String iri) {
        return queries.construct(kind.query, Map.of("resource", NodeFactory.createURI(iri)));
    }
}
