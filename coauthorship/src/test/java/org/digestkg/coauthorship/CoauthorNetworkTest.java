package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Co-authors, paths, top pairs and top authors on the small world. */
class CoauthorNetworkTest {

    @RegisterExtension
    static final TestStores world = TestStores.smallWorld();

    private static Map<String, Integer> jointCounts(List<Coauthor> coauthors) {
        return coauthors.stream().collect(Collectors.toMap(c -> c.author().name(), Coauthor::jointPapers));
    }

    // ---- co-authors ----

    @Test
    void directCoauthorsWithJointPapers() {
        CoauthorReport carol = world.network().coauthors("Carol Chen", 1);
        assertEquals("Carol Chen", carol.author().name());
        assertEquals(3, carol.papers());
        assertEquals(Map.of("Bob Baker", 2, "Dan Dubois", 1, "Wei Wang", 1), jointCounts(carol.coauthors()));
        Coauthor bob = carol.direct().get(0); // most joint papers first
        assertEquals("Bob Baker", bob.author().name());
        assertEquals(1.5, bob.weight(), 1e-12);
        // most recently listed first
        assertEquals(List.of("2602.00007", "2602.00002"), bob.papers().stream().map(PaperRef::arxivId).toList());
        assertEquals("P7: Eta", bob.papers().get(0).title());
        // Dan (weight 1, P3 has two authors) before Wei Wang (weight 1/2, P7 has three)
        assertEquals("Dan Dubois", carol.direct().get(1).author().name());
        assertEquals(1, carol.depth());
    }

    @Test
    void depthTwoAddsCoauthorsOfCoauthorsWithVia() {
        CoauthorReport alice = world.network().coauthors("Alice Archer", 2);
        assertEquals(List.of("Bob Baker"), alice.direct().stream().map(c -> c.author().name()).toList());
        List<Coauthor> second = alice.atDistance(2);
        assertEquals(List.of("Carol Chen", "Wei Wang"), second.stream().map(c -> c.author().name()).toList());
        for (Coauthor c : second) {
            assertEquals(List.of("Bob Baker"), c.via().stream().map(AuthorRef::name).toList());
            assertEquals(0, c.jointPapers());
            assertTrue(c.papers().isEmpty());
        }
    }

    @Test
    void depthTwoListsEveryoneThroughWhomAPersonIsReached() {
        CoauthorReport grace = world.network().coauthors("Grace Green", 2);
        assertEquals(Map.of("Henry Hill", 1, "Kim Kang", 1), jointCounts(grace.direct()));
        Coauthor lena = grace.atDistance(2).get(0);
        assertEquals("Lena Lang", lena.author().name());
        assertEquals(List.of("Henry Hill", "Kim Kang"), lena.via().stream().map(AuthorRef::name).toList());
        assertEquals(1, grace.atDistance(2).size());

        // Frank reaches Dan and the 398 members through Eve, Wei WANG through José
        CoauthorReport frank = world.network().coauthors("Frank Fischer", 2);
        assertEquals(1 + 398 + 1, frank.atDistance(2).size());
        Coauthor weiWang = frank.atDistance(2).stream().filter(c -> c.author().name().equals("Wei WANG"))
                .findFirst().orElseThrow();
        assertEquals(List.of("José Müller"), weiWang.via().stream().map(AuthorRef::name).toList());
    }

    @Test
    void depthThreeReachesFurther() {
        CoauthorReport alice = world.network().coauthors("Alice Archer", 3);
        Map<String, Integer> third = alice.atDistance(3).stream()
                .collect(Collectors.toMap(c -> c.author().name(), c -> c.via().size()));
        assertEquals(Map.of("Dan Dubois", 1), third); // via Carol
    }

    @Test
    void depthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> world.network().coauthors("Alice Archer", 0));
    }

    // ---- paths ----

    @Test
    void knownShortestPathWithThePaperBehindEachLink() {
        CollaborationPath path = world.network().path("Alice Archer", "Dan Dubois").orElseThrow();
        assertEquals(3, path.distance());
        assertEquals(List.of("Alice Archer", "Bob Baker", "Carol Chen", "Dan Dubois"),
                path.authors().stream().map(AuthorRef::name).toList());
        assertEquals(List.of("2602.00001", "2602.00002", "2602.00003"),
                path.links().stream().map(l -> l.paper().arxivId()).toList());
        PathLink middle = path.links().get(1);
        assertEquals("Bob Baker", middle.from().name());
        assertEquals("Carol Chen", middle.to().name());
        assertEquals(2, middle.jointPapers()); // P2 shown (2 authors) rather than P7 (3 authors)
    }

    @Test
    void pathCrossesTheHyperAuthoredPaperWhenItMust() {
        CollaborationPath path = world.network().path("alice archer", "Frank Fischer").orElseThrow();
        assertEquals(List.of("Alice Archer", "Bob Baker", "Carol Chen", "Dan Dubois", "Eve Evans", "Frank Fischer"),
                path.authors().stream().map(AuthorRef::name).toList());
        assertEquals(TestWorld.BIG_PAPER_ID, path.links().get(3).paper().arxivId());
        assertEquals(400, path.links().get(3).paper().authorCount());
        // Eve-Frank: of P4, P5, P6 the two-author ones win, and of those the earlier listed (P6, January)
        assertEquals("2601.00006", path.links().get(4).paper().arxivId());
        assertEquals(3, path.links().get(4).jointPapers());
    }

    @Test
    void noPathBetweenDisconnectedPeople() {
        assertEquals(Optional.empty(), world.network().path("Alice Archer", "Grace Green"));
        assertEquals(Optional.empty(), world.network().path("Ivan Ivanov", "Henry Hill"));
        assertEquals(1, world.network().path("Grace Green", "Henry Hill").orElseThrow().distance());
    }

    @Test
    void pathToOneselfIsEmpty() {
        CollaborationPath self = world.network().path("Bob Baker", "bob baker").orElseThrow();
        assertEquals(0, self.distance());
        assertEquals(List.of("Bob Baker"), self.authors().stream().map(AuthorRef::name).toList());
    }

    @Test
    void pathWithUnknownNameFailsWithSuggestions() {
        UnknownAuthorException e = assertThrows(UnknownAuthorException.class,
                () -> world.network().path("Alice Archer", "Dan Duboys"));
        assertEquals("Dan Dubois", e.candidates().get(0));
    }

    // ---- top pairs ----

    private static List<String> pairs(List<AuthorPair> top) {
        return top.stream().map(p -> p.first().name() + " + " + p.second().name() + " " + p.jointPapers())
                .toList();
    }

    @Test
    void topPairsByJointPapersThenWeightThenNames() {
        assertEquals(List.of(
                "Eve Evans + Frank Fischer 3",
                "Bob Baker + Carol Chen 2",
                "Alice Archer + Bob Baker 1",      // weight 1
                "Carol Chen + Dan Dubois 1",       // weight 1
                "Grace Green + Henry Hill 1",      // weight 1
                "Grace Green + Kim Kang 1",        // weight 1
                "José Müller + Wei WANG 1",        // weight 1
                "Bob Baker + Wei Wang 1"),         // weight 1/2
                pairs(world.network().topPairs(8, PairOrder.PAPERS)));
        AuthorPair top = world.network().topPairs(1, PairOrder.PAPERS).get(0);
        assertEquals(2.5, top.weight(), 1e-12);
    }

    @Test
    void topPairsByWeight() {
        CoauthorNetwork recent =
                CoauthorNetwork.load(world.store(), PaperFilter.ALL.withSince(LocalDate.of(2026, 2, 1)));
        // since February: Eve-Frank have P4 + P5 = 2 papers, weight 1.5, tied with Bob-Carol (P2 + P7)
        assertEquals(List.of("Bob Baker + Carol Chen 2", "Eve Evans + Frank Fischer 2"),
                pairs(recent.topPairs(2, PairOrder.WEIGHT)));
    }

    @Test
    void topPairsInOneCategory() {
        CoauthorNetwork cv = CoauthorNetwork.load(world.store(), PaperFilter.ALL.withCategory("cs.CV"));
        assertEquals(List.of(
                "Bob Baker + Carol Chen 2",
                "Alice Archer + Bob Baker 1",
                "Eve Evans + Frank Fischer 1",
                "Grace Green + Henry Hill 1",
                "Bob Baker + Wei Wang 1",
                "Carol Chen + Wei Wang 1"),
                pairs(cv.topPairs(6, PairOrder.PAPERS)));
    }

    @Test
    void hyperAuthoredPaperDoesNotDominate() {
        // 79,800 links come from the big paper; none of them reaches the top ten, whatever the order
        for (PairOrder order : PairOrder.values()) {
            for (AuthorPair pair : world.network().topPairs(10, order)) {
                assertFalse(pair.first().name().startsWith("Member") || pair.second().name().startsWith("Member"),
                        order + ": " + pair);
            }
        }
        List<AuthorPair> all = world.network().topPairs(world.network().graph().linkCount(), PairOrder.WEIGHT);
        AuthorPair last = all.get(all.size() - 1);
        assertEquals(1.0 / 399, last.weight(), 1e-12);
        // the whole paper is worth one unit per author: 400 authors x 1 / 2 ends = 200 in total
        double bigPaperTotal = all.stream().filter(p -> p.first().name().startsWith("Member")
                || p.second().name().startsWith("Member")).mapToDouble(AuthorPair::weight).sum();
        assertEquals((400 * 399 / 2 - 1) / 399.0, bigPaperTotal, 1e-6); // all pairs but Dan-Eve
    }

    @Test
    void topPairsRejectsNonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> world.network().topPairs(0, PairOrder.PAPERS));
    }

    // ---- top authors ----

    @Test
    void mostProlificAuthors() {
        List<AuthorStats> top = world.network().topAuthors(3, AuthorOrder.PAPERS);
        // Eve: P4 P5 P6 P11 = 4; then 3 papers each: Bob (P1 P2 P7, degree 3), Carol (P2 P3 P7, degree 3),
        // Frank (P4 P5 P6, degree 2): ties by degree, then name
        assertEquals(List.of("Eve Evans", "Bob Baker", "Carol Chen"),
                top.stream().map(s -> s.author().name()).toList());
        AuthorStats eve = top.get(0);
        assertEquals(4, eve.papers());
        assertEquals(401, eve.degree());
        assertEquals(4.0, eve.strength(), 1e-9);
    }

    @Test
    void degreeIsInflatedButCentralityIsNot() {
        List<String> byDegree = world.network().topAuthors(2, AuthorOrder.DEGREE).stream()
                .map(s -> s.author().name()).toList();
        assertEquals(List.of("Eve Evans", "Dan Dubois"), byDegree); // 401 and 400 co-authors
        List<AuthorStats> byCentrality = world.network().topAuthors(5, AuthorOrder.CENTRALITY);
        assertEquals("Eve Evans", byCentrality.get(0).author().name());
        assertTrue(byCentrality.stream().noneMatch(s -> s.author().name().startsWith("Member")),
                byCentrality.toString());
        AuthorStats member = world.network().stats("Member 001");
        assertTrue(member.centrality() < byCentrality.get(4).centrality());
    }

    @Test
    void centralityIsJGraphTsWeightedPageRankScaledToMeanOne() {
        CoauthorGraph graph = world.network().graph();
        Graph<Integer, Integer> view = graph.asGraph();
        Map<Integer, Double> expected = new PageRank<>(view, WeightedPageRank.DAMPING, WeightedPageRank.MAX_ITERATIONS,
                WeightedPageRank.TOLERANCE).getScores();
        List<AuthorStats> all = world.network().topAuthors(graph.authorCount(), AuthorOrder.CENTRALITY);
        assertEquals(graph.authorCount(), all.size());
        double sum = 0;
        for (AuthorStats stats : all) {
            int a = world.network().names().resolveId(stats.author().name());
            assertEquals(expected.get(a) * graph.authorCount(), stats.centrality(), 1e-6, stats.author().name());
            sum += stats.centrality();
        }
        assertEquals(graph.authorCount(), sum, 1e-6);
    }

    // ---- ego networks ----

    @Test
    void egoNetworkHoldsEveryoneWithinDepthAndTheLinksAmongThem() {
        Graph<Integer, Integer> ego = world.network().egoNetwork("Carol Chen", 1);
        // Carol, Bob, Dan, Wei Wang; links C-B, C-D, C-W, B-W
        assertEquals(4, ego.vertexSet().size());
        assertEquals(4, ego.edgeSet().size());
        assertEquals(1, world.network().egoNetwork("Ivan Ivanov", 2).vertexSet().size());
        Graph<Integer, Integer> two = world.network().egoNetwork("Alice Archer", 2);
        assertEquals(4, two.vertexSet().size()); // Alice, Bob, Carol, Wei Wang
        assertEquals(4, two.edgeSet().size()); // A-B, B-C, B-W, C-W
    }
}
