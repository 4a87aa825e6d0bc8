package org.digestkg.explorer.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Authors: the author page's questions ({@code person-papers}, {@code person-categories}, {@code person-listings}
 * in {@code sparql/}; co-authors from the co-authorship index).
 */
public final class AuthorService {

    private final StoreQueries queries;
    private final NetworkService network;

    AuthorService(StoreQueries queries, NetworkService network) {
        this.queries = queries;
        this.network = network;
    }

    /** The author with this IRI, or empty when no paper names them. */
    public Optional<AuthorProfile> profile(String iri) {
        return queries.read(() -> network.author(iri).map(summary -> {
            Map<String, Node> p = person(iri);
            List<AuthorProfile.AuthorPaper> papers = queries.select("person-papers", p).stream()
                    .map(r -> new AuthorProfile.AuthorPaper(r.iri("paper"), r.text("arxivId"), r.text("title"),
                            r.text("category"), r.date("first"), r.date("last"), r.integer("authors", 0)))
                    .toList();
            List<CategoryCount> categories = queries.select("person-categories", p).stream()
                    .map(r -> new CategoryCount(CategoryRef.of(r, "concept", "category", "label"), r.integer("papers", 0)))
                    .toList();
            return new AuthorProfile(summary.person(), papers, network.coauthors(iri), categories);
        }));
    }

    /** The latest 50 listings of the author's papers, newest first. */
    public List<Listing> listings(String iri) {
        return queries.select("person-listings", person(iri)).stream().map(Listing::of).toList();
    }

    private static Map<String, Node> person(String iri) {
        return Map.of("person", NodeFactory.createURI(iri));
    }
}
