package org.digestkg.coauthorship;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.digestkg.storage.GraphStore;

/**
 * The questions users ask of the co-authorship network, answered by name: co-authors, collaboration paths,
 * strongest pairs, most prolific and most central authors, and ego networks to export.
 *
 * <p>Load once per command ({@link #load(GraphStore, PaperFilter)}); everything after that is in memory.
 */
public final class CoauthorNetwork {

    /** Fractional weights are compared at this precision, so sums like 1/2 + 1/2 and 1 tie (as in SPARQL). */
    static final double WEIGHT_PRECISION = 1e6;

    private final CoauthorGraph graph;
    /** Made on first use: writing the whole network, say, never looks a name up. */
    private NameResolver names;
    private double[] pageRank;
    private Supplier<double[]> centrality;

    public CoauthorNetwork(CoauthorGraph graph) {
        this.graph = graph;
        this.centrality = () -> WeightedPageRank.scores(graph);
    }

    /** The store's whole network, as the store keeps it ({@link StoredNetwork}). */
    public static CoauthorNetwork load(GraphStore store) {
        return load(store, PaperFilter.ALL);
    }

    /** The network of the papers {@code filter} keeps, taken from the one the store keeps ({@link StoredNetwork}). */
    public static CoauthorNetwork load(GraphStore store, PaperFilter filter) {
        return StoredNetwork.network(store, filter);
    }

    /**
     * Like {@link #load(GraphStore, PaperFilter)} for the closed store in {@code storeDir}, without opening it, when
     * the network kept beside it is for the state the store is in; empty otherwise.
     */
    public static Optional<CoauthorNetwork> kept(Path storeDir, PaperFilter filter) {
        return StoredNetwork.network(storeDir, filter);
    }

    /** Where the centrality comes from: kept beside the store's network, rather than computed here. */
    void centralityFrom(Supplier<double[]> scores) {
        this.centrality = scores;
    }

    public CoauthorGraph graph() {
        return graph;
    }

    public synchronized NameResolver names() {
        if (names == null) {
            names = new NameResolver(graph);
        }
        return names;
    }

    /** @throws AuthorNameException for an unknown or ambiguous name */
    public AuthorRef resolve(String name) {
        return names().resolve(name);
    }

    /**
     * The author's co-authors (depth 1) and, for a larger depth, the people further out, each with the
     * co-authors through whom they are reached.
     *
     * @throws AuthorNameException for an unknown or ambiguous name
     */
    public CoauthorReport coauthors(String name, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        int author = names().resolveId(name);
        int[] distance = new int[graph.authorCount()];
        Arrays.fill(distance, -1);
        distance[author] = 0;
        Map<Integer, List<Integer>> via = new HashMap<>();
        List<Integer> frontier = List.of(author);
        List<Coauthor> found = new ArrayList<>();
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int u : frontier) {
                for (int i = graph.incidenceFrom(u); i < graph.incidenceTo(u); i++) {
                    int w = graph.other(graph.incidentLink(i), u);
                    if (distance[w] < 0) {
                        distance[w] = d;
                        next.add(w);
                    }
                    if (distance[w] == d && d > 1) {
                        via.computeIfAbsent(w, k -> new ArrayList<>()).add(u);
                    }
                }
            }
            List<Coauthor> layer = new ArrayList<>();
            for (int w : next) {
                layer.add(d == 1 ? direct(author, w) : farther(w, d, via.get(w)));
            }
            layer.sort(d == 1 ? DIRECT_ORDER : FARTHER_ORDER);
            found.addAll(layer);
            frontier = next;
        }
        return new CoauthorReport(graph.author(author), graph.paperCountOf(author), depth, found);
    }

    private static final Comparator<Coauthor> DIRECT_ORDER = Comparator
            .comparingInt(Coauthor::jointPapers).reversed()
            .thenComparing(Comparator.comparingLong((Coauthor c) -> roundedWeight(c.weight())).reversed())
            .thenComparing(c -> c.author().name())
            .thenComparing(c -> c.author().iri());

    private static final Comparator<Coauthor> FARTHER_ORDER = Comparator
            .comparingInt((Coauthor c) -> c.via().size()).reversed()
            .thenComparing(c -> c.author().name())
            .thenComparing(c -> c.author().iri());

    private Coauthor direct(int author, int coauthor) {
        int link = graph.link(author, coauthor);
        List<PaperRef> papers = graph.jointPapers(author, coauthor);
        papers.sort(Comparator.comparing(PaperRef::firstListed, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PaperRef::arxivId));
        return new Coauthor(graph.author(coauthor), 1, graph.linkPapers(link), graph.linkWeight(link), papers,
                List.of());
    }

    private Coauthor farther(int person, int distance, List<Integer> through) {
        List<AuthorRef> via = through.stream().sorted().map(graph::author).toList();
        return new Coauthor(graph.author(person), distance, 0, 0, List.of(), via);
    }

    /**
     * The shortest collaboration chain between two people (fewest co-authorship steps, found by JGraphT's
     * breadth-first search), with a joint paper behind each step; empty when no chain connects them.
     *
     * @throws AuthorNameException for an unknown or ambiguous name
     */
    public Optional<CollaborationPath> path(String from, String to) {
        return path(names().resolveId(from), names().resolveId(to));
    }

    /**
     * The shortest collaboration chain between two authors of this network, as {@link #path(String, String)}.
     *
     * @throws IllegalArgumentException when an author is not in this network
     */
    public Optional<CollaborationPath> path(AuthorRef from, AuthorRef to) {
        return path(idOf(from), idOf(to));
    }

    private int idOf(AuthorRef author) {
        int id = graph.authorId(author.iri());
        if (id < 0) {
            throw new IllegalArgumentException("not an author of this network: " + author.iri());
        }
        return id;
    }

    private Optional<CollaborationPath> path(int a, int b) {
        if (a == b) {
            return Optional.of(new CollaborationPath(List.of(graph.author(a)), List.of()));
        }
        int[] steps = graph.shortestPath(a, b);
        if (steps == null) {
            return Optional.empty();
        }
        List<AuthorRef> people = Arrays.stream(steps).mapToObj(graph::author).toList();
        List<PathLink> links = new ArrayList<>();
        for (int i = 0; i + 1 < steps.length; i++) {
            int u = steps[i];
            int v = steps[i + 1];
            int link = graph.link(u, v);
            links.add(new PathLink(graph.author(u), graph.author(v), closestPaper(u, v), graph.linkPapers(link)));
        }
        return Optional.of(new CollaborationPath(people, links));
    }

    /** Of two people's joint papers, the one with the fewest authors: their most direct collaboration. */
    private PaperRef closestPaper(int u, int v) {
        return graph.jointPapers(u, v).stream()
                .min(Comparator.comparingInt(PaperRef::authorCount)
                        .thenComparing(PaperRef::firstListed, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PaperRef::arxivId))
                .orElseThrow();
    }

    /** The {@code k} strongest pairs, strongest first. */
    public List<AuthorPair> topPairs(int k, PairOrder order) {
        return Arrays.stream(graph.topLinks(k, order))
                .mapToObj(l -> new AuthorPair(graph.author(graph.linkSource(l)), graph.author(graph.linkTarget(l)),
                        graph.linkPapers(l), graph.linkWeight(l)))
                .toList();
    }

    /** The weight in millionths: the precision pairs are ranked at, and the 6 decimals queries report. */
    public static long roundedWeight(double weight) {
        return Math.round(weight * WEIGHT_PRECISION);
    }

    /** The {@code k} top authors by {@code order}, each with papers, degree, strength and centrality. */
    public List<AuthorStats> topAuthors(int k, AuthorOrder order) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        double[] rank = pageRank();
        Comparator<Integer> byPapers = Comparator.comparingInt((Integer a) -> graph.paperCountOf(a)).reversed();
        Comparator<Integer> byDegree = Comparator.comparingInt((Integer a) -> graph.degreeOf(a)).reversed();
        Comparator<Integer> byRank = Comparator.comparingDouble((Integer a) -> rank[a]).reversed();
        Comparator<Integer> comparator = switch (order) {
            case PAPERS -> byPapers.thenComparing(byDegree);
            case DEGREE -> byDegree.thenComparing(byPapers);
            case CENTRALITY -> byRank.thenComparing(byPapers);
        };
        comparator = comparator.thenComparingInt(a -> a); // ids follow names
        Integer[] ids = new Integer[graph.authorCount()];
        for (int a = 0; a < ids.length; a++) {
            ids[a] = a;
        }
        Arrays.sort(ids, comparator);
        List<AuthorStats> top = new ArrayList<>();
        for (int i = 0; i < Math.min(k, ids.length); i++) {
            top.add(stats(ids[i]));
        }
        return top;
    }

    /** @throws AuthorNameException for an unknown or ambiguous name */
    public AuthorStats stats(String name) {
        return stats(names().resolveId(name));
    }

    private AuthorStats stats(int author) {
        double[] rank = pageRank();
        return new AuthorStats(graph.author(author), graph.paperCountOf(author), graph.degreeOf(author),
                graph.strengthOf(author), rank[author] * graph.authorCount());
    }

    private double[] pageRank() {
        if (pageRank == null) {
            pageRank = centrality.get();
        }
        return pageRank;
    }

    /** The whole network as a JGraphT graph (vertices: author ids, edges: link ids). */
    public AuthorGraphView wholeNetwork() {
        return graph.asGraph();
    }

    /**
     * The author's ego network: everyone within {@code depth} co-authorship steps and every link among them. The
     * steps go through papers, so that only the links among those people are worked out, not the whole network's.
     *
     * @throws AuthorNameException for an unknown or ambiguous name
     */
    public AuthorGraphView egoNetwork(String name, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
        int author = names().resolveId(name);
        BitSet reached = new BitSet(graph.authorCount());
        reached.set(author);
        List<Integer> frontier = List.of(author);
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int u : frontier) {
                for (int paper : graph.papersOf(u)) {
                    for (int w : graph.authorsOf(paper)) {
                        if (!reached.get(w)) {
                            reached.set(w);
                            next.add(w);
                        }
                    }
                }
            }
            frontier = next;
        }
        return graph.subgraph(reached);
    }
}
