package org.digestkg.explorer.service;

import java.time.Duration;
import java.util.Optional;

import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.storage.search.SearchService;

/**
 * The questions people ask of the graph, one service per subject — papers, authors, digest days, categories,
 * trends, co-authorship, descriptions, and full-text search (storage's {@link SearchService}) — shared by the web pages and the command line. No web code here: each
 * answer is a record, each question a named query in {@code sparql/} or the co-authorship index.
 */
public final class Explorer {

    private final StoreQueries queries;
    private final NetworkService network;
    private final PaperService papers;
    private final AuthorService authors;
    private final DigestService digests;
    private final CategoryService categories;
    private final TrendsService trends;
    private final DescriptionService descriptions;
    private final SearchService search;

    private Explorer(StoreQueries queries, SearchService search) {
        this.queries = queries;
        this.network = new NetworkService(queries);
        this.papers = new PaperService(queries);
        this.digests = new DigestService(queries);
        this.categories = new CategoryService(queries, network);
        this.authors = new AuthorService(queries, network, categories);
        this.trends = new TrendsService(queries, search);
        this.descriptions = new DescriptionService(queries);
        this.search = search;
    }

    /**
     * The services over a dataset whose default graph is the union of the digests (as a {@code GraphStore} sets
     * it up).
     *
     * @param timeout the longest a query may run (the SPARQL endpoint's); null for no limit
     */
    public static Explorer over(DatasetGraph dsg, Duration timeout) {
        return new Explorer(new StoreQueries(dsg, timeout), SearchService.supports(dsg) ? new SearchService(dsg) : null);
    }

    /** One read transaction for several answers that must agree. */
    public <T> T read(java.util.function.Supplier<T> work) {
        return queries.read(work);
    }

    /** The named queries themselves, for a caller with a question no service asks. */
    public StoreQueries queries() {
        return queries;
    }

    public PaperService papers() {
        return papers;
    }

    public AuthorService authors() {
        return authors;
    }

    public DigestService digests() {
        return digests;
    }

    public CategoryService categories() {
        return categories;
    }

    public TrendsService trends() {
        return trends;
    }

    public NetworkService network() {
        return network;
    }

    public DescriptionService descriptions() {
        return descriptions;
    }

    /** Full-text search, when the dataset carries the store's text index (a {@code GraphStore}'s does). */
    public Optional<SearchService> search() {
        return Optional.ofNullable(search);
    }
}
