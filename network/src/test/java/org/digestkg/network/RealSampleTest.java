package org.digestkg.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first entries of the two sample digests: real names, the README's example queries. */
class RealSampleTest {

    @TempDir
    static Path dir;
    static GraphStore store;
    static CoauthorNetwork network;

    @BeforeAll
    static void load() {
        store = TestWorld.realSample(dir);
        network = CoauthorNetwork.load(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void loadsTheSixPapersAndTheirAuthors() {
        assertEquals(6, network.graph().paperCount());
        // 19 + 11 + 6 authors on the first three of 2026-02-04, 5 + 6 + 4 on those of 2026-02-23
        assertEquals(19 + 11 + 6 + 5 + 6 + 4, network.graph().authorCount());
    }

    @Test
    void runjieZhousCoauthorsAreTheWorldVqaTeam() {
        CoauthorReport report = network.coauthors("Runjie Zhou", 1);
        assertEquals(18, report.direct().size());
        assertTrue(report.direct().stream().allMatch(c -> c.jointPapers() == 1
                && c.papers().get(0).arxivId().equals("2602.02537")));
        assertEquals(1.0 / 18, report.direct().get(0).weight(), 1e-12);
    }

    @Test
    void theReadmeExampleQueryAgreesWithTheCommand() {
        Map<String, Integer> api = network.coauthors("Runjie Zhou", 1).direct().stream()
                .collect(Collectors.toMap(c -> c.author().name(), Coauthor::jointPapers));
        Map<String, Integer> query = NamedQueriesTest.run(store, "coauthors", Map.of("author", "Runjie Zhou"),
                NamedQueriesTest.Binder.SUBSTITUTION).stream()
                .collect(Collectors.toMap(r -> r.get("coauthor"), r -> Integer.parseInt(r.get("papers"))));
        assertEquals(api, query);
        assertTrue(query.containsKey("Y. Charles"));
    }

    @Test
    void hyphenatedNameMistypedGetsASuggestion() {
        UnknownAuthorException e = assertThrows(UnknownAuthorException.class,
                () -> network.resolve("gerard pons moll"));
        assertEquals("Gerard Pons-Moll", e.candidates().get(0));
        assertEquals("Gerard Pons-Moll", network.resolve("GERARD PONS-MOLL").name());
    }

    @Test
    void teamsOfDifferentDigestsAreNotConnected() {
        assertEquals(Optional.empty(), network.path("Runjie Zhou", "Boda Lin"));
        assertEquals(List.of("Boda Lin", "Meng Wang"),
                network.path("Boda Lin", "Meng Wang").orElseThrow().authors().stream().map(AuthorRef::name).toList());
    }
}
