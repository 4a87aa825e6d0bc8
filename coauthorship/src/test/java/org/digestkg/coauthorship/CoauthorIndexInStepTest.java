package org.digestkg.coauthorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.digestkg.coauthorship.sparql.CoauthorIndex;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-authorship index behind {@code coauthors.rq}, {@code two-hop.rq} and {@code top-pairs.rq} stays exactly
 * in step with the store: after loading, reloading a changed digest, removing a digest and a SPARQL update, the
 * indexed queries answer what their plain-SPARQL versions answer over the authorships, on the real sample
 * digests loaded from markdown.
 */
class CoauthorIndexInStepTest {

    private static final String AUTHOR = "Runjie Zhou";
    private static final String NEWCOMER = "Zed Newcomer";

    @TempDir
    Path dir;
    private GraphStore store;
    private DigestLoader loader;

    @BeforeEach
    void load() throws IOException {
        store = GraphStore.open(dir.resolve("store"));
        loader = new DigestLoader(store);
        for (String day : List.of("2026-02-04", "2026-02-23")) {
            Path copy = dir.resolve(day + ".md");
            Files.copy(TestWorld.repositoryRoot().resolve("data").resolve(day + ".md"), copy);
            assertTrue(loader.load(copy, null).clean(), day);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Every indexed query agrees with its plain-SPARQL version on the store as it is now. */
    private void assertInStep(String when) {
        for (String author : List.of(AUTHOR, NEWCOMER, "Xintong Zhang")) {
            for (String query : List.of("coauthors", "two-hop")) {
                Map<String, String> params = Map.of("author", author);
                assertEquals(NamedQueriesTest.runPlain(store, query, params),
                        NamedQueriesTest.runCanonical(store, query, params), when + ": " + query + " " + author);
            }
        }
        for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("category", "cs.CL"))) {
            assertEquals(NamedQueriesTest.runPlain(store, "top-pairs", params),
                    NamedQueriesTest.runCanonical(store, "top-pairs", params), when + ": top-pairs " + params);
        }
    }

    private List<String> coauthorsOf(String author) {
        return NamedQueriesTest.runCanonical(store, "coauthors", Map.of("author", author)).stream()
                .map(row -> row.get("coauthor")).toList();
    }

    @Test
    void afterLoading() {
        assertInStep("loaded");
        assertFalse(coauthorsOf(AUTHOR).isEmpty());
    }

    @Test
    void afterReloadingAChangedDigest() throws IOException {
        List<String> before = coauthorsOf(AUTHOR);
        Path digest = dir.resolve("2026-02-04.md");
        String text = Files.readString(digest, StandardCharsets.UTF_8);
        // the first entry gains an author: everyone on that paper gains a co-author
        Files.writeString(digest, text.replaceFirst("\\*" + AUTHOR + ",", "*" + AUTHOR + "," + NEWCOMER + ","),
                StandardCharsets.UTF_8);
        assertTrue(loader.load(digest, null).clean());

        assertInStep("reloaded");
        assertFalse(before.contains(NEWCOMER));
        assertTrue(coauthorsOf(AUTHOR).contains(NEWCOMER));
    }

    @Test
    void afterRemovingADigest() {
        assertFalse(coauthorsOf(AUTHOR).isEmpty());
        assertTrue(loader.remove(LocalDate.parse("2026-02-04")));

        assertInStep("removed");
        assertEquals(List.of(), coauthorsOf(AUTHOR));
    }

    @Test
    void afterASparqlUpdateAndWithinIt() {
        DatasetGraph dsg = store.datasetGraph();
        int before = coauthorsOf(AUTHOR).size();
        String drop = """
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
                DELETE { GRAPH ?g { ?paper dcterms:creator ?other } }
                WHERE  { GRAPH ?g { ?paper dcterms:creator ?person , ?other } ?person foaf:name "%s" .
                         FILTER (?other != ?person) }
                """.formatted(AUTHOR);
        Txn.executeWrite(dsg, () -> {
            UpdateAction.parseExecute(drop, dsg);
            // uncommitted changes are seen by the writer's own queries, never cached for readers
            assertInStep("inside the update's transaction");
            assertEquals(List.of(), coauthorsOf(AUTHOR));
        });
        assertInStep("updated");
        assertEquals(List.of(), coauthorsOf(AUTHOR));
        assertTrue(before > 0);
    }

    @Test
    void oneNetworkPerCommittedState() {
        DatasetGraph dsg = store.datasetGraph();
        CoauthorGraph first = CoauthorIndex.graph(dsg, null);
        assertSame(first, CoauthorIndex.graph(dsg, null), "a second read of the same state reuses the network");
        assertSame(CoauthorIndex.graph(dsg, "cs.CL"), CoauthorIndex.graph(dsg, "CS.CL"));

        assertTrue(loader.remove(LocalDate.parse("2026-02-23")));
        CoauthorGraph after = CoauthorIndex.graph(dsg, null);
        assertNotSame(first, after);
        assertTrue(after.paperCount() < first.paperCount());
    }
}
