package org.digestkg.storage.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.engine.binding.Binding;
import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papers-per-category.rq} reads the counts each digest carries, yet answers what counting every listing
 * answers ({@code plain-sparql/papers-per-category.rq}, the earlier version of the query): for digests with
 * section headings and for one without, where each listing counts under its main category.
 */
class PapersPerCategoryTest {

    @TempDir
    static Path dir;
    private static GraphStore store;

    @BeforeAll
    static void load() throws IOException {
        store = GraphStore.open(dir.resolve("store"));
        DigestLoader loader = new DigestLoader(store);
        Path noHeadings = dir.resolve("2026-03-01.md");
        Files.copy(Samples.root().resolve("extractor/src/test/resources/digests/dialects/no-toc.md"), noHeadings);
        for (Path digest : List.of(Samples.feb04(), Samples.feb23(), noHeadings)) {
            assertTrue(loader.load(digest, null).clean(), digest.toString());
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> csv(String query, String... params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Binding bindings = QueryParameters.parse(List.of(params));
        QueryRunner.run(store.datasetGraph(), query, bindings, ResultFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String plain() throws IOException {
        return Files.readString(Samples.root().resolve("storage/src/test/resources/plain-sparql/papers-per-category.rq"));
    }

    @Test
    void countsAsCountingEveryListingDoes() throws IOException {
        List<String> rows = csv(NamedQueries.load("papers-per-category"));
        assertEquals(csv(plain()), rows);
        assertTrue(rows.containsAll(List.of("2026-02-04,cs.CV,86", "2026-02-04,cs.CL,61",
                "2026-03-01,cs.CL,1", "2026-03-01,cs.CV,1")), rows.toString());
    }

    @Test
    void takesACategory() throws IOException {
        List<String> all = csv(plain());
        List<String> expected = all.stream().filter(r -> r.startsWith("date,") || r.contains(",cs.CL,")).toList();
        assertEquals(expected, csv(NamedQueries.load("papers-per-category"), "category=cs.CL"));
        assertEquals(4, expected.size());
    }
}
