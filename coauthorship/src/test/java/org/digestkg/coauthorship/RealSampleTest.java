package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first entries of the two sample digests: real names, the README's example queries. */
class RealSampleTest {

    @RegisterExtension
    static final TestStores world = TestStores.realSample();

    @Test
    void loadsTheSixPapersAndTheirAuthors() {
        assertEquals(6, world.network().graph().paperCount());
        // 19 + 11 + 6 authors on the first three of 2026-02-04, 5 + 6 + 4 on those of 2026-02-23
        assertEquals(19 + 11 + 6 + 5 + 6 + 4, world.network().graph().authorCount());
    }

    @Test
    void runjieZhousCoauthorsAreTheWorldVqaTeam() {
        CoauthorReport report = world.network().coauthors("Runjie Zhou", 1);
        assertEquals(18, report.direct().size());
        assertTrue(report.direct().stream().allMatch(c -> c.jointPapers() == 1
                && c.papers().get(0).arxivId().equals("2602.02537")));
        assertEquals(1.0 / 18, report.direct().get(0).weight(), 1e-12);
    }

    @Test
    void theReadmeExampleQueryAgreesWithTheCommand() {
        Map<String, Integer> api = world.network().coauthors("Runjie Zhou", 1).direct().stream()
                .collect(Collectors.toMap(c -> c.author().name(), Coauthor::jointPapers));
        Map<String, Integer> query = NamedQueriesTest.run(world.store(), "coauthors", Map.of("author", "Runjie Zhou"),
                NamedQueriesTest.Binder.SUBSTITUTION).stream()
                .collect(Collectors.toMap(r -> r.get("coauthor"), r -> Integer.parseInt(r.get("papers"))));
        assertEquals(api, query);
        assertTrue(query.containsKey("Y. Charles"));
    }

    @Test
    void hyphenatedNameMistypedGetsASuggestion() {
        UnknownAuthorException e = assertThrows(UnknownAuthorException.class,
                () -> world.network().resolve("gerard pons moll"));
        assertEquals("Gerard Pons-Moll", e.candidates().get(0));
        assertEquals("Gerard Pons-Moll", world.network().resolve("GERARD PONS-MOLL").name());
    }

    @Test
    void teamsOfDifferentDigestsAreNotConnected() {
        assertEquals(Optional.empty(), world.network().path("Runjie Zhou", "Boda Lin"));
        assertEquals(List.of("Boda Lin", "Meng Wang"),
                world.network().path("Boda Lin", "Meng Wang").orElseThrow().authors().stream()
                        .map(AuthorRef::name).toList());
    }
}
