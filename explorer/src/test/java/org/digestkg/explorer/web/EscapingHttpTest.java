package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Everything from the data or the URL is escaped: the hostile digest's title, names and summaries (HTML and
 * script) and hostile URL input come out as text, never as markup, on every page that shows them.
 */
class EscapingHttpTest {

    static final String TITLE = "<script>alert(\"title\")</script> & \"Quotes\" <b>bold</b> {{x}} ${x}";
    static final ExplorerServer server = ExplorerServer.shared();

    /** No element or attribute the data could have smuggled in: scripts are only ours, no event handlers. */
    static void noInjectedMarkup(Document d, String where) {
        for (Element s : d.select("script")) {
            assertTrue(s.attr("src").startsWith("/assets/") && s.data().isBlank(), where + ": a script that is not ours: " + s);
        }
        assertTrue(d.select("b, img, svg").isEmpty(), where + ": injected elements " + d.select("b, img, svg"));
        for (Element e : d.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"), where + ": " + e));
            if (e.hasAttr("href")) {
                assertFalse(e.attr("href").toLowerCase().startsWith("javascript:"), where + ": " + e);
            }
        }
    }

    @Test
    void aTitleMadeOfMarkupIsShownAsText() {
        HttpResponse<String> r = server.get("/paper/2603.00001");
        assertEquals(200, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals(TITLE, d.selectFirst("h1").text());
        assertTrue(d.title().startsWith(TITLE));
        assertTrue(d.selectFirst("dl.summary dd").text().startsWith("</p><script>alert('tldr')</script>"));
        assertTrue(d.select("p.authors a").eachText().contains("Eve <img src=x onerror=alert(1)>"));
        assertFalse(r.body().contains("<script>alert"), "raw markup in the page");
        noInjectedMarkup(d, "paper");
    }

    @Test
    void everyPageShowingTheHostileDataEscapesIt() {
        for (String path : List.of("/digest/2026-03-01", "/category/cs.CR", "/author/Mallory_O%27Brien",
                "/path?from=Mallory+O%27Brien&to=Jos%C3%A9+M%C3%BCller")) {
            HttpResponse<String> r = server.get(path);
            assertEquals(200, r.statusCode(), path);
            assertFalse(r.body().contains("<script>alert"), path);
            Document d = Jsoup.parse(r.body());
            noInjectedMarkup(d, path);
            assertTrue(d.text().contains(TITLE), path + " shows the title as text");
        }
        // the hostile author's own page, reached through the link the paper page gives
        String eve = Jsoup.parse(server.get("/paper/2603.00001").body()).selectFirst("p.authors a").attr("href");
        HttpResponse<String> r = server.get(eve);
        assertEquals(200, r.statusCode(), eve);
        Document d = Jsoup.parse(r.body());
        assertEquals("Eve <img src=x onerror=alert(1)>", d.selectFirst("h1").text());
        noInjectedMarkup(d, eve);
    }

    @Test
    void aPaperWhoseLinkIsAScriptGetsNoLinkToIt() {
        Document day = Jsoup.parse(server.get("/digest/2026-03-01").body());
        Element entry = day.select("ol.entries a.title").stream()
                .filter(a -> a.text().equals("A paper whose link is a script")).findFirst().orElseThrow();
        HttpResponse<String> r = server.get(entry.attr("href"));
        assertEquals(200, r.statusCode(), entry.attr("href"));
        Document d = Jsoup.parse(r.body());
        assertTrue(d.text().contains("javascript:alert(document.domain)"), "shown as text");
        noInjectedMarkup(d, entry.attr("href"));
    }

    @Test
    void theUrlsTextComesBackEscapedIn404sAndForms() {
        String hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        for (String path : List.of("/author/" + hostile, "/digest/" + hostile, "/category/" + hostile,
                "/paper/" + hostile, "/author?name=" + hostile, "/path?from=" + hostile + "&to=x",
                "/trends?from=" + hostile, "/nothing/" + hostile)) {
            HttpResponse<String> r = server.get(path);
            assertTrue(r.statusCode() >= 200 && r.statusCode() < 500, path + " gave " + r.statusCode());
            assertFalse(r.body().contains("<script>alert(1)"), path + ":\n" + r.body());
            noInjectedMarkup(Jsoup.parse(r.body()), path);
        }
    }

    @Test
    void chartDataTravelsAsEscapedJsonInAnAttribute() {
        Document d = Jsoup.parse(server.get("/author/Mallory_O%27Brien").body());
        String series = d.selectFirst("[data-chart]").attr("data-series");
        assertTrue(series.startsWith("{") && series.contains("2026-03"), series);
        HttpResponse<String> json = server.get("/author/Mallory_O%27Brien/network.json");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().contains("Eve <img src=x onerror=alert(1)>"), "JSON keeps the name as a string");
    }

    @Test
    void pagesForbidInlineScripts() {
        String csp = server.get("/paper/2603.00001").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
    }
}
