package org.digestkg.explorer.service;

import java.util.Comparator;
import java.util.HashMap;
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
    private final CategoryService categories;

    AuthorService(StoreQueries queries, NetworkService network, CategoryService categories) {
        this.queries = queries;
        this.network = network;
        this.categories = categories;
    }

    /**
     * The author with this IRI, or empty when no paper names them. Papers, co-authors and categories come from
     * the co-authorship index (the network in memory holds every paper's authors, title, category and first
     * day): no walk over the store per page. {@code person-papers} and {@code person-categories} in
     * {@code sparql/} ask the same of the store.
     */
    public Optional<AuthorProfile> profile(String iri) {
        return queries.read(() -> network.papersOf(iri).map(found -> {
            List<AuthorProfile.AuthorPaper> papers = found.papers().stream()
                    .map(p -> new AuthorProfile.AuthorPaper(p.iri(), p.arxivId(), p.title(), p.category(),
                            p.firstListed(), p.authorCount()))
                    .sorted(Comparator.comparing(AuthorProfile.AuthorPaper::first,
                            Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(AuthorProfile.AuthorPaper::iri))
                    .toList();
            Map<String, CategoryRef> names = categories.byCode();
            Map<String, Integer> counts = new HashMap<>();
            for (AuthorProfile.AuthorPaper p : papers) {
                if (p.category() != null && names.containsKey(p.category())) {
                    counts.merge(p.category(), 1, Integer::sum);
                }
            }
            List<CategoryCount> byCategory = counts.entrySet().stream()
                    .map(e -> new CategoryCount(names.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparingInt(CategoryCount::count).reversed()
                            .thenComparing(c -> c.category().code()))
                    .toList();
            return new AuthorProfile(found.author(), papers, network.coauthors(iri), byCategory);
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
