package org.digestkg.explorer.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.digestkg.coauthorship.AuthorNameException;
import org.digestkg.coauthorship.AuthorRef;
import org.digestkg.coauthorship.CoauthorGraph;
import org.digestkg.coauthorship.CoauthorNetwork;
import org.digestkg.coauthorship.CollaborationPath;
import org.digestkg.coauthorship.NameResolver;
import org.digestkg.coauthorship.PaperRef;
import org.digestkg.coauthorship.TwoHopNeighbourhood;
import org.digestkg.coauthorship.sparql.CoauthorIndex;

/**
 * Co-authorship, answered from the store's co-authorship index (the network in memory, kept per committed state
 * of the store, as the {@code kgfn:} SPARQL functions use it): an author's co-authors, the ego network a page
 * draws, collaboration paths, a category's most prolific authors, and the closest names to a name nobody has.
 */
public final class NetworkService {

    /** Most people an ego network for a page holds: a graph of thousands of nodes tells a reader nothing. */
    public static final int MAX_NODES = 150;

    private final StoreQueries queries;
    /** The name resolver of the last network seen: built once per state of the store, not per request. */
    private volatile CoauthorNetwork lastNetwork;

    NetworkService(StoreQueries queries) {
        this.queries = queries;
    }

    /** The author with this IRI, with the number of their papers, or empty when no paper names them. */
    public Optional<AuthorSummary> author(String iri) {
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            int id = g.authorId(iri);
            return id < 0 ? Optional.empty()
                    : Optional.of(new AuthorSummary(g.author(id), g.paperCountOf(id), g.degreeOf(id)));
        });
    }

    /** The author with this IRI and their papers, or empty when no paper names them. */
    public Optional<AuthorPapers> papersOf(String iri) {
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            int id = g.authorId(iri);
            return id < 0 ? Optional.empty() : Optional.of(new AuthorPapers(g.author(id), g.papers(id)));
        });
    }

    /** An author and the papers naming them. */
    public record AuthorPapers(AuthorRef author, List<PaperRef> papers) {
    }

    /** The author a typed name means (exact, then ignoring case and accents). */
    public AuthorRef resolve(String name) throws AuthorNameException {
        return queries.read(() -> network().resolve(name));
    }

    /** Up to five authors whose names are closest to {@code text}, best first. */
    public List<AuthorRef> closestAuthors(String text) {
        return queries.read(() -> {
            CoauthorNetwork n = network();
            List<AuthorRef> out = new ArrayList<>();
            for (String name : n.names().suggestions(text == null ? "" : text)) {
                try {
                    AuthorRef a = n.resolve(name);
                    if (!out.contains(a)) {
                        out.add(a);
                    }
                } catch (AuthorNameException e) {
                    // two people of that exact name: suggest neither rather than guess
                }
            }
            return out;
        });
    }

    /** The author's co-authors, most joint papers first (then weight, then name). */
    public List<CoauthorCount> coauthors(String iri) {
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            int a = g.authorId(iri);
            if (a < 0) {
                return List.of();
            }
            List<CoauthorCount> out = new ArrayList<>();
            for (int link : g.linksOf(a)) {
                out.add(new CoauthorCount(g.author(g.other(link, a)), g.linkPapers(link), g.linkWeight(link)));
            }
            out.sort(Comparator.comparingInt(CoauthorCount::jointPapers).reversed()
                    .thenComparing(Comparator.comparingLong((CoauthorCount c) ->
                            CoauthorNetwork.roundedWeight(c.weight())).reversed())
                    .thenComparing(c -> c.person().name()));
            return out;
        });
    }

    /**
     * The author's ego network to draw: the author, their co-authors (depth 1) and, at depth 2, the co-authors'
     * co-authors, with every link among the people kept. At most {@link #MAX_NODES} people: the strongest
     * co-authors first, then the people most co-authors connect to.
     */
    public EgoNetwork egoNetwork(String iri, int depth) {
        if (depth < 1 || depth > 2) {
            throw new IllegalArgumentException("depth is 1 or 2: " + depth);
        }
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            int a = g.authorId(iri);
            if (a < 0) {
                return new EgoNetwork(List.of(), List.of(), 0, false);
            }
            // depth 1 needs only the author's own links; the two-hop neighbourhood is built for depth 2 alone
            TwoHopNeighbourhood hood = depth == 1 ? null : TwoHopNeighbourhood.of(g, a);
            if (hood == null) {
                return direct(g, a);
            }
            // the strongest co-authors, and at depth 2 a third of the places for the people most co-authors lead to
            int[] near = best(hood, 1, (i) -> hood.jointPapers(i));
            int[] far = depth == 2 ? best(hood, 2, (i) -> hood.via(i)) : new int[0];
            int places = MAX_NODES - 1;
            int farPlaces = Math.min(far.length, depth == 2 ? places / 3 : 0);
            int nearPlaces = Math.min(near.length, places - farPlaces);
            farPlaces = Math.min(far.length, places - nearPlaces);
            int[] kept = new int[nearPlaces + farPlaces];
            System.arraycopy(near, 0, kept, 0, nearPlaces);
            System.arraycopy(far, 0, kept, nearPlaces, farPlaces);
            int within = near.length + far.length;
            List<EgoNetwork.Node> nodes = new ArrayList<>();
            Map<Integer, Integer> index = new HashMap<>();
            index.put(a, 0);
            nodes.add(node(g, a, 0));
            for (int k : kept) {
                int person = hood.person(k);
                index.put(person, nodes.size());
                nodes.add(node(g, person, hood.distance(k)));
            }
            return new EgoNetwork(nodes, linksAmong(g, index), within, kept.length < within);
        });
    }

    /** The author and their strongest co-authors, with the links among them. */
    private static EgoNetwork direct(CoauthorGraph g, int a) {
        int[] links = g.linksOf(a);
        long[] keys = new long[links.length];
        for (int i = 0; i < links.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - g.linkPapers(links[i])) << 32) | g.other(links[i], a);
        }
        Arrays.sort(keys);
        int kept = Math.min(keys.length, MAX_NODES - 1);
        List<EgoNetwork.Node> nodes = new ArrayList<>();
        Map<Integer, Integer> index = new HashMap<>();
        index.put(a, 0);
        nodes.add(node(g, a, 0));
        for (int k = 0; k < kept; k++) {
            int person = (int) (keys[k] & 0xFFFFFFFFL);
            index.put(person, nodes.size());
            nodes.add(node(g, person, 1));
        }
        return new EgoNetwork(nodes, linksAmong(g, index), links.length, kept < links.length);
    }

    /** Every link between two of the indexed people, by their indexes. */
    private static List<EgoNetwork.Link> linksAmong(CoauthorGraph g, Map<Integer, Integer> index) {
        List<EgoNetwork.Link> links = new ArrayList<>();
        index.forEach((person, at) -> {
            for (int link : g.linksOf(person)) {
                Integer other = index.get(g.other(link, person));
                if (other != null && at < other) {
                    links.add(new EgoNetwork.Link(at, other, g.linkPapers(link), g.linkWeight(link)));
                }
            }
        });
        links.sort(Comparator.comparingInt(EgoNetwork.Link::source).thenComparingInt(EgoNetwork.Link::target));
        return links;
    }

    /**
     * The neighbourhood's entries at {@code distance}, best {@code score} first (ties in the neighbourhood's own
     * order): primitive keys, since a prolific author's two hops are tens of thousands of people.
     */
    private static int[] best(TwoHopNeighbourhood hood, int distance, java.util.function.IntUnaryOperator score) {
        long[] keys = new long[hood.size()];
        int n = 0;
        for (int i = 0; i < hood.size(); i++) {
            if (hood.distance(i) == distance) {
                // ascending on (MAX - score, entry): the highest score first, the entry in the low bits
                keys[n++] = ((long) (Integer.MAX_VALUE - score.applyAsInt(i)) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) (keys[k] & 0xFFFFFFFFL);
        }
        return out;
    }

    private static EgoNetwork.Node node(CoauthorGraph g, int author, int distance) {
        AuthorRef ref = g.author(author);
        return new EgoNetwork.Node(ref.iri(), ref.name(), g.paperCountOf(author), distance);
    }

    /** The shortest collaboration chain between two authors, empty when none connects them. */
    public Optional<CollaborationPath> path(AuthorRef from, AuthorRef to) {
        return queries.read(() -> network().path(from, to));
    }

    /** The {@code k} authors with the most papers whose main category is {@code category} (any case). */
    public List<AuthorSummary> topAuthors(String category, int k) {
        return queries.read(() -> {
            CoauthorGraph g = graph(category);
            Comparator<Integer> order = Comparator.comparingInt((Integer a) -> g.paperCountOf(a)).reversed()
                    .thenComparing(Comparator.comparingInt((Integer a) -> g.degreeOf(a)).reversed())
                    .thenComparingInt(a -> a);
            // the k best in one pass, the worst of them on top of the heap
            java.util.PriorityQueue<Integer> heap = new java.util.PriorityQueue<>(k + 1, order.reversed());
            for (int a = 0; a < g.authorCount(); a++) {
                if (g.paperCountOf(a) > 0 && (heap.size() < k || order.compare(a, heap.peek()) < 0)) {
                    heap.add(a);
                    if (heap.size() > k) {
                        heap.poll();
                    }
                }
            }
            Integer[] with = heap.toArray(Integer[]::new);
            Arrays.sort(with, order);
            List<AuthorSummary> out = new ArrayList<>();
            for (int i = 0; i < Math.min(k, with.length); i++) {
                out.add(new AuthorSummary(g.author(with[i]), g.paperCountOf(with[i]), g.degreeOf(with[i])));
            }
            return out;
        });
    }

    /** Papers whose arXiv ids are closest to {@code id} (longest common start, then fewest edits), at most five. */
    public List<PaperRef> closestPapers(String id) {
        String wanted = id == null ? "" : id.strip();
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            List<Scored> scored = new ArrayList<>();
            for (int p = 0; p < g.paperCount(); p++) {
                PaperRef ref = g.paper(p);
                int prefix = commonPrefix(wanted, ref.arxivId());
                if (prefix >= Math.min(4, wanted.length())) {
                    scored.add(new Scored(ref, prefix, NameResolver.levenshtein(wanted, ref.arxivId())));
                }
            }
            scored.sort(Comparator.comparingInt(Scored::distance)
                    .thenComparing(Comparator.comparingInt(Scored::prefix).reversed())
                    .thenComparing((Scored s) -> s.paper().arxivId()));
            return scored.stream().limit(5).map(Scored::paper).toList();
        });
    }

    /** How many authors and papers the network holds (for the home page). */
    public int[] size() {
        return queries.read(() -> {
            CoauthorGraph g = graph(null);
            return new int[] {g.authorCount(), g.paperCount()};
        });
    }

    private CoauthorGraph graph(String category) {
        return CoauthorIndex.graph(queries.dataset(), category);
    }

    private CoauthorNetwork network() {
        CoauthorGraph g = graph(null);
        CoauthorNetwork n = lastNetwork;
        if (n == null || n.graph() != g) {
            n = new CoauthorNetwork(g);
            lastNetwork = n;
        }
        return n;
    }

    private record Scored(PaperRef paper, int prefix, int distance) {
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
