package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.digestkg.explorer.SampleStore;
import org.digestkg.storage.search.DayCount;
import org.digestkg.storage.search.SearchHit;
import org.digestkg.storage.search.SearchRequest;
import org.digestkg.storage.search.SearchResults;
import org.digestkg.storage.search.SearchService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;

/**
 * The search page, its feed and the terms over time, over HTTP: they show what storage's SearchService finds (the
 * oracle here: the pages must not search on their own), in English and in Chinese, with the matches marked,
 * filtered, in pages; what the client sent comes back escaped; a search that cannot be read is a 400 with one line.
 */
class SearchHttpTest {

    static final ExplorerServer server = ExplorerServer.shared();
    static final SearchService service = new SearchService(SampleStore.get());

    static Document page(String path, int status) {
        HttpResponse<String> r = server.get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(r.body(), server.url(path));
    }

    static List<String> hitLinks(Document d) {
        return d.select("ol.hits li.hit > a.title").eachAttr("href");
    }

    static List<String> paths(SearchResults r) {
        return r.hits().stream().map(h -> SitePaths.path(h.paper())).toList();
    }

    @Test
    void theHomePagesSearchBoxGoesToTheSearchPage() {
        Document home = page("/", 200);
        Element form = home.selectFirst("form[action=/search]");
        assertNotNull(form);
        assertNotNull(form.selectFirst("input[name=q]"));
        Document empty = page("/search", 200);
        assertTrue(hitLinks(empty).isEmpty());
        assertNotNull(empty.selectFirst("form.search input[name=q]"));
    }

    @Test
    void anEnglishSearchListsWhatTheSearchServiceFindsBestFirstWithTheMatchesMarked() {
        Document d = page("/search?q=diffusion+model", 200);
        SearchResults expected = service.search(SearchRequest.of("diffusion model").page(0, SearchPages.PAGE));
        assertTrue(expected.total() > SearchPages.PAGE, "the samples have more than a page of diffusion models");
        assertEquals(paths(expected), hitLinks(d));
        assertTrue(d.selectFirst("p.count").text().startsWith(expected.total() + " papers match"), d.selectFirst("p.count").text());
        for (Element hit : d.select("li.hit")) {
            List<String> marks = hit.select(".snippet mark").eachText();
            assertFalse(marks.isEmpty(), "a hit without a marked match: " + hit);
            marks.forEach(m -> assertTrue(m.toLowerCase().startsWith("diffus") || m.toLowerCase().startsWith("model"), m));
        }
        SearchHit first = expected.hits().get(0);
        assertTrue(d.selectFirst("li.hit").text().contains(first.arxivId()));
        assertEquals("/digest/" + first.days().get(0), d.selectFirst("li.hit .note a").attr("href"));
    }

    @Test
    void aChineseSearchFindsTheSummariesThatSayIt() {
        Document d = page("/search?q=%E6%89%A9%E6%95%A3%E6%A8%A1%E5%9E%8B", 200);  // 扩散模型, diffusion model
        SearchResults expected = service.search(SearchRequest.of("扩散模型").page(0, SearchPages.PAGE));
        assertTrue(expected.total() >= 10, "the samples' summaries say 扩散模型 often: " + expected.total());
        assertEquals(paths(expected), hitLinks(d));
        Element snippet = d.selectFirst("li.hit .snippet [lang]");
        assertEquals("zh", snippet.attr("lang"));
        String marked = String.join("", snippet.select("mark").eachText());
        assertTrue(marked.contains("扩散") && marked.contains("模型"), snippet.html());
    }

    @Test
    void filtersByCategoryAndDaysKeepOnlyThosePapers() {
        Document cl = page("/search?q=reasoning&category=cs.CL", 200);
        List<SearchHit> expected = service.search(SearchRequest.of("reasoning").category("cs.CL").page(0, SearchPages.PAGE)).hits();
        assertFalse(expected.isEmpty());
        expected.forEach(h -> assertEquals("cs.CL", h.category()));
        assertEquals(expected.stream().map(h -> SitePaths.path(h.paper())).toList(), hitLinks(cl));
        assertEquals("cs.CL", cl.selectFirst("select[name=category] option[selected]").val());

        Document late = page("/search?q=reasoning&since=2026-02-20&until=2026-02-28", 200);
        assertFalse(hitLinks(late).isEmpty());
        for (Element hit : late.select("li.hit")) {
            assertTrue(hit.select(".note a").eachText().contains("2026-02-23"), hit.text());
        }
        assertEquals("2026-02-20", late.selectFirst("input[name=since]").val());
        Document all = page("/search?q=reasoning", 200);
        assertTrue(hitLinks(all).containsAll(hitLinks(cl)) || hitLinks(all).size() == SearchPages.PAGE);
    }

    @Test
    void resultsComeInPagesOfTwentyLinkedBothWays() {
        SearchResults all = service.search(SearchRequest.of("model").page(0, Integer.MAX_VALUE));
        assertTrue(all.total() > 2 * SearchPages.PAGE, "enough hits for three pages: " + all.total());
        Document one = page("/search?q=model&category=", 200);
        Element next = one.selectFirst("nav.pager a");
        assertEquals("Next →", next.text());
        assertEquals("/search?q=model&page=2", next.attr("href"));
        Document two = page(next.attr("href"), 200);
        assertEquals(paths(all).subList(SearchPages.PAGE, 2 * SearchPages.PAGE), hitLinks(two));
        assertEquals(String.valueOf(SearchPages.PAGE + 1), two.selectFirst("ol.hits").attr("start"));
        assertEquals(List.of("← Previous", "Next →"), two.select("nav.pager a").eachText());
        int last = (int) ((all.total() + SearchPages.PAGE - 1) / SearchPages.PAGE);
        Document end = page("/search?q=model&page=" + last, 200);
        assertEquals(List.of("← Previous"), end.select("nav.pager a").eachText());
        assertEquals(paths(all).subList((last - 1) * SearchPages.PAGE, (int) all.total()), hitLinks(end));
        assertTrue(hitLinks(page("/search?q=model&page=" + (last + 1), 200)).isEmpty());
    }

    @Test
    void aSearchThatCannotBeReadIsA400WithOneLineOnThePage() {
        for (String q : List.of("diffusion+AND", "%22unclosed", "title%3A", "(a+OR")) {
            Document d = page("/search?q=" + q, 400);
            Element problem = d.selectFirst("p.problem");
            assertNotNull(problem, q);
            assertFalse(problem.text().isBlank());
            assertFalse(problem.wholeText().contains("\n"), problem.wholeText());
            assertFalse(d.text().contains("Exception") || d.text().contains("at org."), d.text());
            assertNotNull(d.selectFirst("form.search input[name=q]"), "the form stays, to correct the search");
        }
        assertEquals(400, server.get("/search?q=diffusion&page=0").statusCode());
        assertEquals(400, server.get("/search?q=diffusion&page=two").statusCode());
        assertEquals(400, server.get("/search?q=diffusion&since=yesterday").statusCode());
        assertEquals(400, server.get("/search?q=diffusion&since=2026-02-28&until=2026-02-01").statusCode());
        assertEquals(400, server.get("/feed/search?q=diffusion+AND").statusCode());
        assertEquals(400, server.get("/feed/search").statusCode());
        assertEquals(404, server.get("/search/diffusion").statusCode());
        assertEquals(404, server.get("/feed/search/diffusion").statusCode());
    }

    @Test
    void whatTheClientSentComesBackEscaped() {
        String q = "<script>alert(1) <img src=x onerror=alert(2)>";   // no '/': Lucene reads it as a regular expression
        Document d = page("/search?q=" + Format.param(q), 200);
        EscapingHttpTest.noInjectedMarkup(d, "search page");
        assertEquals(q, d.selectFirst("input[name=q]").val());
        assertTrue(d.title().contains(q), d.title());
        String broken = "\"><script>alert(1)</script>";   // an open quote: Lucene cannot read it
        Document bad = page("/search?q=" + Format.param(broken), 400);
        EscapingHttpTest.noInjectedMarkup(bad, "search page with a problem");
        assertEquals(broken, bad.selectFirst("input[name=q]").val());
        assertTrue(bad.selectFirst("p.problem").text().contains("<script>"));
    }

    @Test
    void aHostileTitleFoundBySearchStaysText() {
        Document d = page("/search?q=ampersands", 200);
        EscapingHttpTest.noInjectedMarkup(d, "search for the hostile paper");
        assertEquals("/paper/2603.00001", hitLinks(d).get(0));
        assertEquals(EscapingHttpTest.TITLE, d.selectFirst("li.hit > a.title").text());
    }

    @Test
    void theSearchFeedIsAtomWithTheMatchingPapersNewestListingsFirst() throws Exception {
        Feed f = LinkedDataHttpTest.feed("/feed/search?q=diffusion");
        List<Entry> entries = f.getEntries();
        List<SearchHit> hits = service.search(SearchRequest.of("diffusion").page(0, SearchPages.FEED_PAPERS)).hits();
        int listings = hits.stream().mapToInt(h -> h.days().size()).sum();
        assertEquals(Math.min(SearchPages.FEED_ENTRIES, listings), entries.size());
        assertTrue(entries.size() > 20, "one entry per listing of each paper found: " + entries.size());
        Set<String> found = hits.stream().map(h -> server.url(SitePaths.path(h.paper()))).collect(Collectors.toSet());
        Date newest = Date.from(LocalDate.of(2026, 2, 23).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertEquals(newest, entries.get(0).getUpdated());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            assertTrue(found.contains(e.getAlternateLinks().get(0).getHref()), e.getAlternateLinks().get(0).getHref());
            assertTrue(e.getId().startsWith(SampleStore.BASE + "digest/"), e.getId());
            if (i > 0) {
                assertFalse(e.getUpdated().after(entries.get(i - 1).getUpdated()), "newest first");
            }
        }
        assertTrue(f.getTitle().contains("'diffusion'"));
        Feed hostile = LinkedDataHttpTest.feed("/feed/search?q=ampersands&category=cs.CR");
        assertTrue(hostile.getEntries().isEmpty() || hostile.getEntries().get(0).getTitle().equals(EscapingHttpTest.TITLE));
        Feed h = LinkedDataHttpTest.feed("/feed/search?q=" + Format.param("ampersands <b>bold"));
        assertTrue(h.getTitle().contains("<b>bold"), h.getTitle());
        Document page = page("/search?q=diffusion&category=cs.CV", 200);
        assertEquals("/feed/search?q=diffusion&category=cs.CV", page.selectFirst("link[type=application/atom+xml]").attr("href"));
    }

    @Test
    void termsOverTimeDrawEachSearchsMatchesPerDayAndPerWeek() {
        Document d = page("/trends?term=diffusion&term=%E6%89%A9%E6%95%A3%E6%A8%A1%E5%9E%8B", 200);
        JsonObject chart = JSON.parse(d.selectFirst("[data-chart=lines]").attr("data-series"));
        long diffusion = service.perDay(SearchRequest.of("diffusion")).stream().mapToLong(DayCount::papers).sum();
        long chinese = service.perDay(SearchRequest.of("扩散模型")).stream().mapToLong(DayCount::papers).sum();
        assertTrue(diffusion > 0 && chinese > 0);
        assertEquals(List.of("diffusion", "扩散模型"), d.select("table.terms tbody td a").eachText());
        assertEquals(List.of(String.valueOf(diffusion), String.valueOf(chinese)), d.select("table.terms tbody td.num").eachText());
        assertEquals(List.of("2026-02-04", "2026-02-23", "2026-03-01"), strings(chart.get("axis").getAsArray()));
        assertEquals(diffusion, sum(chart.get("series").getAsArray().get(0).getAsObject().get("values").getAsArray()));
        assertEquals(chinese, sum(chart.get("series").getAsArray().get(1).getAsObject().get("values").getAsArray()));

        Document weekly = page("/trends?term=diffusion&by=week&from=2026-02-01&to=2026-02-28", 200);
        JsonObject w = JSON.parse(weekly.selectFirst("[data-chart=lines]").attr("data-series"));
        // Mondays: 2026-02-04 is a Wednesday, 2026-02-23 a Monday
        assertEquals(List.of("2026-02-02", "2026-02-23"), strings(w.get("axis").getAsArray()));
        long inFebruary = service.perDay(SearchRequest.of("diffusion").until(LocalDate.of(2026, 2, 28))).stream()
                .mapToLong(DayCount::papers).sum();
        assertEquals(String.valueOf(inFebruary), weekly.selectFirst("table.terms td.num").text());

        Document bad = page("/trends?term=diffusion&term=%28open", 400);
        assertFalse(bad.selectFirst("p.problem").text().isBlank());
        assertNull(bad.selectFirst("[data-chart=lines]"));
        assertNotNull(bad.selectFirst("[data-chart=stacked]"), "the category trends stay");
    }

    static List<String> strings(JsonArray a) {
        return a.stream().map(v -> v.getAsString().value()).toList();
    }

    static long sum(JsonArray a) {
        return a.stream().mapToLong(v -> v.getAsNumber().value().longValue()).sum();
    }
}
