package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.digestkg.storage.GraphStore;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the network from a TDB2 store: counts, joint papers, fractional weights, filters, the JGraphT view. */
class CoauthorGraphTest {

    @TempDir
    static Path dir;
    static GraphStore store;
    static CoauthorGraph graph;

    @BeforeAll
    static void load() {
        store = TestWorld.smallWorld(dir);
        graph = CoauthorGraph.load(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static int id(String name) {
        return new NameResolver(graph).resolveId(name);
    }

    @Test
    void countsAuthorsPapersAndPairs() {
        // 14 named people + 398 members; 13 papers (P4 listed twice counts once)
        assertEquals(14 + 398, graph.authorCount());
        assertEquals(13, graph.paperCount());
        // small papers: A-B, B-C, C-D, E-F, E-José, F-José, B-Wei, C-Wei, WANG-José, G-H, G-K, H-K, H-L,
        // K-L = 14 distinct pairs; the big paper adds C(400,2) = 79800 more (Dan-Eve among them, new too)
        assertEquals(14 + 400 * 399 / 2, graph.linkCount());
    }

    @Test
    void knownPairHasItsJointPapersAndWeight() {
        int link = graph.link(id("Eve Evans"), id("Frank Fischer"));
        assertEquals(3, graph.linkPapers(link));
        assertEquals(1 + 0.5 + 1, graph.linkWeight(link), 1e-12);
        List<String> joint = graph.jointPapers(id("Eve Evans"), id("Frank Fischer")).stream()
                .map(PaperRef::arxivId).toList();
        assertEquals(List.of("2601.00006", "2602.00004", "2602.00005"), joint);
        assertEquals(link, graph.link(id("Frank Fischer"), id("Eve Evans")));
        assertEquals(-1, graph.link(id("Alice Archer"), id("Carol Chen")));
    }

    @Test
    void paperCarriesItsFieldsAndEarliestListing() {
        PaperRef p4 = graph.jointPapers(id("Eve Evans"), id("Frank Fischer")).get(1);
        assertEquals("2602.00004", p4.arxivId());
        assertEquals("P4: Delta", p4.title());
        assertEquals("cs.CL", p4.category());
        assertEquals(LocalDate.of(2026, 2, 4), p4.firstListed()); // also listed 2026-02-23
        assertEquals(2, p4.authorCount());
    }

    @Test
    void hyperAuthoredPaperAddsOneUnitPerAuthor() {
        int member = id("Member 123");
        assertEquals(399, graph.degreeOf(member));
        assertEquals(1.0, graph.strengthOf(member), 1e-9);
        assertEquals(1.0 / 399, graph.linkWeight(graph.link(member, id("Member 124"))), 1e-12);
        // strength = number of papers with co-authors, however large: Eve has P4, P5, P6 and the big one
        assertEquals(4.0, graph.strengthOf(id("Eve Evans")), 1e-9);
    }

    @Test
    void categoryFilterKeepsOnlyThatCategory() {
        CoauthorGraph cv = CoauthorGraph.load(store, PaperFilter.ALL.withCategory("CS.cv"));
        assertEquals(6, cv.paperCount()); // P1 P2 P6 P7 P9 P11
        NameResolver names = new NameResolver(cv);
        int link = cv.link(names.resolveId("Eve Evans"), names.resolveId("Frank Fischer"));
        assertEquals(1, cv.linkPapers(link)); // only P6 is cs.CV
        assertTrue(cv.author(0).name().compareTo(cv.author(1).name()) < 0, "ids follow names");
    }

    @Test
    void sinceFilterUsesFirstListing() {
        CoauthorGraph recent = CoauthorGraph.load(store, PaperFilter.ALL.withSince(LocalDate.of(2026, 2, 1)));
        assertEquals(12, recent.paperCount()); // all but P6
        NameResolver names = new NameResolver(recent);
        assertEquals(2, recent.linkPapers(recent.link(names.resolveId("Eve Evans"), names.resolveId("Frank Fischer"))));
        CoauthorGraph late = CoauthorGraph.load(store, PaperFilter.ALL.withSince(LocalDate.of(2026, 2, 5)));
        // P4 was listed again on 2026-02-23 but first on 2026-02-04: it is not new since the 5th
        assertEquals(Set.of("2602.00005", "2602.00007", "2602.00008", "2602.00011", "2602.00012", "2602.00013"),
                Set.copyOf(java.util.stream.IntStream.range(0, late.paperCount())
                        .mapToObj(p -> late.paper(p).arxivId()).toList()));
    }

    @Test
    void maxAuthorsLeavesOutHyperAuthoredPapers() {
        CoauthorGraph small = CoauthorGraph.load(store, PaperFilter.ALL.withMaxAuthors(10));
        assertEquals(12, small.paperCount());
        assertEquals(14, small.authorCount());
        assertEquals(14, small.linkCount());
    }

    @Test
    void jgraphtViewAgreesWithTheArrays() {
        Graph<Integer, Integer> view = graph.asGraph();
        assertEquals(graph.authorCount(), view.vertexSet().size());
        assertEquals(graph.linkCount(), view.edgeSet().size());
        int eve = id("Eve Evans");
        assertEquals(graph.degreeOf(eve), view.degreeOf(eve));
        assertEquals(2 + 399, view.degreeOf(eve));
        Integer edge = view.getEdge(id("Frank Fischer"), eve);
        assertEquals(2.5, view.getEdgeWeight(edge), 1e-12);
        for (int e : view.edgesOf(eve)) {
            assertTrue(view.getEdgeSource(e) == eve || view.getEdgeTarget(e) == eve);
        }
        // a JGraphT algorithm over the view: the main component, Grace's island, solo Ivan
        List<Set<Integer>> components = new ConnectivityInspector<>(view).connectedSets();
        assertEquals(3, components.size());
    }
    @Test
    void shortestPathsAreTheOnesJGraphTsBreadthFirstSearchFinds() {
        // a random sparse network of small papers has many chains of equal length between two people: the one
        // chosen must be JGraphT's, link order and all
        java.util.Random random = new java.util.Random(7);
        int people = 300;
        AuthorRef[] authors = new AuthorRef[people];
        for (int a = 0; a < people; a++) authors[a] = new AuthorRef("https://example.org/a" + a, "Author " + a);
        int paperCount = 260;
        PaperRef[] papers = new PaperRef[paperCount];
        int[][] byPaper = new int[paperCount][];
        for (int p = 0; p < paperCount; p++) {
            byPaper[p] = random.ints(0, people).distinct().limit(2 + random.nextInt(3)).sorted().toArray();
            papers[p] = new PaperRef("https://example.org/p" + p, "2601." + (10000 + p), "Paper " + p, "cs.CL",
                    LocalDate.of(2026, 1, 1), byPaper[p].length);
        }
        CoauthorGraph network = CoauthorGraph.of(authors, papers, byPaper);
        Graph<Integer, Integer> view = network.asGraph();
        int compared = 0;
        int longer = 0;
        for (int source = 0; source < people; source++) {
            var paths = new BFSShortestPath<>(view).getPaths(source);
            for (int target = 0; target < people; target++) {
                GraphPath<Integer, Integer> expected = paths.getPath(target);
                int[] found = network.shortestPath(source, target);
                if (expected == null) {
                    assertEquals(null, found, source + " to " + target);
                    continue;
                }
                assertEquals(expected.getVertexList(), java.util.Arrays.stream(found).boxed().toList(),
                        source + " to " + target);
                compared++;
                if (found.length > 3) longer++;
            }
        }
        assertTrue(compared > 10_000 && longer > 5_000, "paths compared: " + compared + ", of 3 links or more: " + longer);
    }

    @Test
    void theLinksAreEveryPairOfEveryPaperOnceInOrderWithItsCountAndWeight() {
        // 10,000 authors on 12,000 papers of 1 to 8 authors, and a few of 300
        java.util.Random random = new java.util.Random(7);
        int authors = 10_000;
        AuthorRef[] refs = new AuthorRef[authors];
        for (int a = 0; a < authors; a++) refs[a] = new AuthorRef("https://example.org/a/" + a, "A" + a);
        int[][] byPaper = new int[12_000][];
        PaperRef[] papers = new PaperRef[byPaper.length];
        for (int p = 0; p < byPaper.length; p++) {
            int n = p % 4_000 == 0 ? 300 : 1 + random.nextInt(8);
            byPaper[p] = random.ints(0, authors).distinct().limit(n).sorted().toArray();
            papers[p] = new PaperRef("https://example.org/p/" + p, "p" + p, "t", "cs.CL", null, n);
        }
        CoauthorGraph g = CoauthorGraph.of(refs, papers, byPaper);

        // the same links counted the plain way: every pair of every paper
        java.util.TreeMap<Long, double[]> expected = new java.util.TreeMap<>();
        for (int[] list : byPaper) {
            for (int i = 0; i < list.length; i++) {
                for (int j = i + 1; j < list.length; j++) {
                    double[] link = expected.computeIfAbsent((long) list[i] * authors + list[j], k -> new double[2]);
                    link[0]++;
                    link[1] += 1.0 / (list.length - 1);
                }
            }
        }
        assertEquals(expected.size(), g.linkCount());
        int l = 0;
        for (var e : expected.entrySet()) {
            assertEquals(e.getKey() / authors, g.linkSource(l), "link " + l);
            assertEquals(e.getKey() % authors, g.linkTarget(l), "link " + l);
            assertEquals((int) e.getValue()[0], g.linkPapers(l), "link " + l);
            assertEquals(e.getValue()[1], g.linkWeight(l), 1e-9, "link " + l);
            l++;
        }
        int someone = byPaper[4_000][0];
        for (int link : g.linksOf(someone)) assertEquals(link, g.link(someone, g.other(link, someone)));
    }

    @Test
    void anEgoNetworkHasTheWholeNetworksLinksAmongItsPeopleWithoutWorkingOutTheWhole() {
        // 3,000 authors on 2,500 papers of 1 to 6 authors, and one of 200
        java.util.Random random = new java.util.Random(11);
        int authors = 3_000;
        AuthorRef[] refs = new AuthorRef[authors];
        for (int a = 0; a < authors; a++) refs[a] = new AuthorRef("https://example.org/a/" + a, "A" + String.format("%04d", a));
        int[][] byPaper = new int[2_500][];
        PaperRef[] papers = new PaperRef[byPaper.length];
        for (int p = 0; p < byPaper.length; p++) {
            int n = p == 1_000 ? 200 : 1 + random.nextInt(6);
            byPaper[p] = random.ints(0, authors).distinct().limit(n).sorted().toArray();
            papers[p] = new PaperRef("https://example.org/p/" + p, "p" + p, "t", "cs.CL", null, n);
        }
        CoauthorNetwork network = new CoauthorNetwork(CoauthorGraph.of(refs, papers, byPaper));
        CoauthorGraph whole = network.graph();
        int[] people = {byPaper[1_000][0], byPaper[7][0], byPaper[2_400][0]};

        List<AuthorGraphView> egos = new java.util.ArrayList<>();
        for (int person : people) {
            for (int depth = 0; depth <= 2; depth++) egos.add(network.egoNetwork(whole.author(person).name(), depth));
        }
        assertFalse(whole.linksBuilt(), "an ego network worked out the whole network's links");

        int i = 0;
        for (int person : people) {
            for (int depth = 0; depth <= 2; depth++) {
                AuthorGraphView ego = egos.get(i++);
                // the people: everyone within depth steps over the whole network's links
                Set<Integer> expected = new java.util.TreeSet<>(Set.of(person));
                Set<Integer> frontier = Set.of(person);
                for (int d = 0; d < depth; d++) {
                    Set<Integer> next = new java.util.TreeSet<>();
                    for (int u : frontier) {
                        for (int link : whole.linksOf(u)) {
                            if (expected.add(whole.other(link, u))) next.add(whole.other(link, u));
                        }
                    }
                    frontier = next;
                }
                assertEquals(expected, new java.util.TreeSet<>(ego.vertexSet()), person + " at depth " + depth);
                // the links: the whole network's among them, in the same order, with their counts and weights
                List<Integer> links = new java.util.ArrayList<>();
                for (int l = 0; l < whole.linkCount(); l++) {
                    if (expected.contains(whole.linkSource(l)) && expected.contains(whole.linkTarget(l))) links.add(l);
                }
                assertEquals(links.size(), ego.edgeSet().size(), person + " at depth " + depth);
                int e = 0;
                for (int edge : ego.edgeSet()) {
                    int l = links.get(e++);
                    assertEquals(whole.linkSource(l), ego.getEdgeSource(edge));
                    assertEquals(whole.linkTarget(l), ego.getEdgeTarget(edge));
                    assertEquals(whole.linkWeight(l), ego.getEdgeWeight(edge), 1e-12);
                    assertEquals(whole.linkPapers(l), ego.network().linkPapers(edge));
                }
                for (int v : ego.vertexSet()) {
                    int within = 0;
                    for (int link : whole.linksOf(v)) if (expected.contains(whole.other(link, v))) within++;
                    assertEquals(within, ego.degreeOf(v), "degree of " + v);
                    assertEquals(whole.paperCountOf(v), ego.network().paperCountOf(v));
                }
            }
        }
        assertTrue(egos.get(2).vertexSet().size() > 1_000, "the 200-author paper's ego network at depth 2 is large");
    }
}
