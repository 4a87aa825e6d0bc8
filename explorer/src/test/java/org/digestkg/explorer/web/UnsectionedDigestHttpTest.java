package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.digestkg.storage.DigestLoader;
import org.digestkg.storage.GraphStore;
import org.digestkg.storage.LoadResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest that lists its papers in one run, without category sections, as some forks write them: its day's page
 * numbers them in the digest's order under one heading, where it showed an empty section numbered 0, 0, 0 in the
 * order of their arXiv ids.
 */
class UnsectionedDigestHttpTest {

    /** Three papers, their arXiv ids in another order than the digest's. */
    private static final String DIGEST = """
            ---
            title: "arXiv Daily · 2026-06-04 · 3 papers"
            date: 2026-06-04
            ---

            # arXiv Daily · 2026-06-04 · 3 papers

            ### Zeta paper listed first
            - **arXiv**: [2606.04608](https://arxiv.org/abs/2606.04608)
            - **Authors**: Ann Zeta, Bo Eta
            - **Categories**: cond-mat.str-el
            - **TL;DR**: First in the digest.

            ### Alpha paper listed second
            - **arXiv**: [2606.04000](https://arxiv.org/abs/2606.04000)
            - **Authors**: Cy Alpha
            - **Categories**: cs.LG
            - **TL;DR**: Second in the digest.

            ### Mu paper listed third
            - **arXiv**: [2606.04146](https://arxiv.org/abs/2606.04146)
            - **Authors**: Di Mu, Ed Nu
            - **Categories**: cs.CL
            - **TL;DR**: Third in the digest.
            """;

    @TempDir
    Path tmp;

    @Test
    void itsPapersAreNumberedInTheDigestsOrderUnderOneHeading() throws IOException {
        Path file = Files.writeString(tmp.resolve("2026-06-04.md"), DIGEST);
        try (GraphStore store = GraphStore.open(tmp.resolve("store"))) {
            LoadResult r = new DigestLoader(store).load(file, null);
            assertEquals(LoadResult.Status.LOADED, r.status(), r.toString());
            assertEquals(3, r.papers(), r.toString());
            try (ExplorerServer server = ExplorerServer.over(store.datasetGraph())) {
                HttpResponse<String> page = server.get("/digest/2026-06-04");
                assertEquals(200, page.statusCode(), page.body());
                Document d = Jsoup.parse(page.body());

                assertEquals(List.of("Papers"), d.select("ul.toc a").eachText());
                assertEquals("#Papers", d.selectFirst("ul.toc a").attr("href"));
                Element section = d.selectFirst("section.section");
                assertEquals("Papers", section.id());
                assertEquals("Papers", section.selectFirst("h2").text());
                List<Element> entries = section.select("ol.entries li");
                assertEquals(List.of("Zeta paper listed first", "Alpha paper listed second", "Mu paper listed third"),
                        entries.stream().map(li -> li.selectFirst("a.title").text()).toList());
                assertTrue(entries.stream().noneMatch(li -> li.hasAttr("value")), "numbered by the list itself");
            }
        }
    }
}
