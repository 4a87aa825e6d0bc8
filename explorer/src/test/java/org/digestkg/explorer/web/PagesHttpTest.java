package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.digestkg.explorer.SampleStore;
import org.digestkg.extractor.rdf.Iris;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The pages over HTTP as a plain client (no scripts) gets them: their content, their links, their errors. */
class PagesHttpTest {

    static final ExplorerServer server = ExplorerServer.shared();

    static Document page(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(r.body(), server.url(path));
    }

    @Test
    void homeListsTheDaysAndCategoriesAndLinksTheFusekiUi() {
        Document d = page("/");
        List<String> days = d.select("ul.days a").eachText();
        assertEquals(List.of("2026-03-01", "2026-02-23", "2026-02-04"), days);
        assertTrue(d.select("table.counts a").eachText().containsAll(List.of("cs.CV", "cs.CL", "cs.LG", "cs.MA", "cs.AI")));
        assertFalse(d.select("a[href=/fuseki/]").isEmpty());
        assertFalse(d.select("form[action=/author] input[name=name]").isEmpty());
    }

    @Test
    void aPaperPageShowsItsAuthorsInOrderLinkedToTheirPages() {
        Document d = page("/paper/2602.02537");
        assertEquals("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models", d.selectFirst("h1").text());
        Element first = d.selectFirst("p.authors a");
        assertEquals("Runjie Zhou", first.text());
        assertEquals("/author/Runjie_Zhou", first.attr("href"));
        assertEquals(19, d.select("p.authors a").size());
        assertEquals("/category/cs.CV", d.selectFirst("dl.facts a[href^=/category/]").attr("href"));
        assertFalse(d.select("a[href=https://arxiv.org/pdf/2602.02537]").isEmpty());
        assertFalse(d.select("a[href=/digest/2026-02-04]").isEmpty());
        assertEquals("zh", d.selectFirst("dl.summary dd").attr("lang"));
        assertFalse(d.select("link[rel=alternate][type=text/turtle]").isEmpty());
    }

    @Test
    void aPaperListedTwiceShowsEachDaysTitle() {
        Document d = page("/paper/2602.17875");
        assertEquals(List.of("2026-03-01", "2026-02-23"), d.select(".listing h3 > a").eachText());
        assertTrue(d.text().contains("Printed then as: MultiVer: Zero-Shot Multi-Agent Vulnerability Detection"));
        assertTrue(d.select(".listing").get(0).text().contains("v2"));
    }

    @Test
    void anAuthorPageHasPapersCoauthorsCategoriesAndTheGraphsData() {
        Document d = page("/author/Runjie_Zhou");
        assertEquals("Runjie Zhou", d.selectFirst("h1").text());
        assertEquals(18, d.select("table.coauthors tbody tr").size());
        assertEquals("/paper/2602.02537", d.selectFirst("table.papers a").attr("href"));
        assertTrue(d.selectFirst(".caveat").text().contains("same name"));
        assertEquals("/author/Runjie_Zhou/network.json", d.selectFirst("[data-network]").attr("data-network"));
        assertTrue(d.selectFirst("[data-chart]").attr("data-series").contains("2026-02"));
        HttpResponse<String> json = server.get("/author/Runjie_Zhou/network.json?depth=1");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"Runjie Zhou\""), json.body());
    }

    @Test
    void aCoauthorsLinkLeadsToTheirPageAndBack() {
        Document d = page("/author/Runjie_Zhou");
        String coauthor = d.selectFirst("table.coauthors a").attr("href");
        Document other = page(coauthor);
        assertFalse(other.select("table.coauthors a[href=/author/Runjie_Zhou]").isEmpty());
    }

    @Test
    void authorsWithAccentsAndApostrophesHaveWorkingPages() {
        Document paper = page("/paper/2603.00001");
        List<String> hrefs = paper.select("p.authors a").eachAttr("href");
        assertEquals(3, hrefs.size());
        for (String href : hrefs) {
            Document a = page(href);
            assertTrue(a.selectFirst("h1").text().length() > 3, href);
        }
        // one author whatever the accents: the key is the name's identity, and the name as printed is the title
        String jose = SitePaths.path(Iris.author("José Müller").getURI());
        assertEquals("José Müller", page(jose).selectFirst("h1").text());
        HttpResponse<String> printed = server.get("/author/Jos%C3%A9_M%C3%BCller");
        assertEquals(303, printed.statusCode(), "the name as printed leads to the author's page");
        assertEquals(jose, printed.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""))
                .orElse(""));
        assertEquals("Mallory O'Brien", page("/author/Mallory_O%27Brien").selectFirst("h1").text());
    }

    @Test
    void aDigestDayListsItsSectionsWithPreviousAndNextDays() {
        Document d = page("/digest/2026-02-23");
        assertEquals(List.of("cs.CV", "cs.CL", "cs.LG", "cs.MA", "cs.AI"), d.select("ul.toc a").eachText());
        assertEquals(128, d.select("ol.entries li").size());
        assertEquals("/digest/2026-02-04", d.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("/digest/2026-03-01", d.selectFirst("a[rel=next]").attr("href"));
    }

    @Test
    void aCategoryPageHasItsRecentPapersAndProlificAuthors() {
        Document d = page("/category/cs.MA");
        assertTrue(d.selectFirst("h1").text().startsWith("cs.MA"));
        assertEquals(3, d.select("ul.papers li").size());
        assertFalse(d.select("table.counts a[href^=/author/]").isEmpty());
        assertNotNull(d.selectFirst("link[type=application/atom+xml]"));
    }

    @Test
    void trendsHaveEveryDayInTheChartAndARangeForm() {
        Document d = page("/trends");
        String series = d.selectFirst("[data-chart=stacked]").attr("data-series");
        assertTrue(series.contains("2026-02-04") && series.contains("2026-03-01"), series);
        Document feb = page("/trends?from=2026-02-20&to=2026-02-28");
        String s = feb.selectFirst("[data-chart=stacked]").attr("data-series");
        assertTrue(s.contains("2026-02-23") && !s.contains("2026-02-04"), s);
    }

    @Test
    void aPathShowsTheChainWithThePaperBehindEachLink() {
        Document d = page("/path?from=Runjie+Zhou&to=Boyu+Zhu");
        assertEquals(2, d.select("ol.chain li").size());
        assertFalse(d.select("ol.chain a[href=/paper/2602.02537]").isEmpty());
    }

    @Test
    void theFindBoxesGoToTheirPage() {
        HttpResponse<String> r = server.get("/author?name=runjie+zhou");
        assertEquals(303, r.statusCode());
        assertEquals("/author/Runjie_Zhou", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> p = server.get("/paper?id=arXiv:2602.02537v1");
        assertEquals(303, p.statusCode());
        assertEquals("/paper/2602.02537", p.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void unknownThingsGetA404ThatSuggestsTheClosest() {
        HttpResponse<String> author = server.get("/author/Runjie_Zhuo");
        assertEquals(404, author.statusCode());
        assertTrue(Jsoup.parse(author.body()).select("ul.closest a").eachText().contains("Runjie Zhou"));
        HttpResponse<String> paper = server.get("/paper/2602.02538");
        assertEquals(404, paper.statusCode());
        assertTrue(Jsoup.parse(paper.body()).select("ul.closest a").eachText().contains("2602.02537"));
        HttpResponse<String> day = server.get("/digest/2026-02-22");
        assertEquals(404, day.statusCode());
        assertEquals("2026-02-23", Jsoup.parse(day.body()).selectFirst("ul.closest a").text());
        assertEquals(404, server.get("/category/cs.XX").statusCode());
        assertEquals(404, server.get("/nothing/here").statusCode());
    }

    @Test
    void anAuthorKeyThatIsAnotherSpellingGoesToTheAuthor() {
        HttpResponse<String> r = server.get("/author/runjie_zhou");
        assertEquals(303, r.statusCode());
        assertEquals("/author/Runjie_Zhou", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void malformedInputIsNeverA500() {
        for (String path : List.of("/digest/not-a-day", "/digest/%", "/author/%E0%A4", "/author/%", "/paper/%ZZ",
                "/trends?from=yesterday", "/trends?from=2026-03-01&to=2026-02-01", "/author?name=", "/paper?id=",
                "/author/Runjie_Zhou/network.json?depth=9", "/paper/2602.02537?format=pdf", "/path?from=&to=x",
                "/path?from=Nobody+At+All&to=Runjie+Zhou", "/assets/../../etc/passwd", "/assets/%2e%2e/x",
                "/fuseki/../kg", "/category/%00", "/feed/author/Nobody", "/feed/category/nothing")) {
            ExplorerServer.RawResponse r = server.raw(path);
            assertTrue(r.status() >= 200 && r.status() < 500, path + " gave " + r.status() + ": " + r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), path + ": " + r.body());
        }
    }

    @Test
    void pagesAreReadOnly() {
        assertEquals(405, server.request("POST", "/paper/2602.02537").statusCode());
        assertEquals(405, server.request("DELETE", "/author/Runjie_Zhou").statusCode());
        assertEquals(200, server.request("HEAD", "/author/Runjie_Zhou").statusCode());
    }

    @Test
    void theSparqlEndpointStaysWhereItWas() {
        HttpResponse<String> r = server.get("/kg/sparql?query=" + java.net.URLEncoder.encode(
                "SELECT (COUNT(*) AS ?n) { ?p a <https://w3id.org/digest-kg/ontology#Paper> }",
                java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("n"), r.body());
    }

    @Test
    void assetsComeFromTheJar() {
        HttpResponse<String> echarts = server.get("/assets/echarts/echarts.min.js");
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000);
        assertEquals(200, server.get("/assets/explorer.js").statusCode());
        assertEquals(200, server.get("/assets/explorer.css").statusCode());
        assertEquals(SampleStore.BASE, SitePaths.BASE);
    }
}
