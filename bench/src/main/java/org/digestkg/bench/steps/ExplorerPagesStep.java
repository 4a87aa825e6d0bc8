package org.digestkg.bench.steps;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.digestkg.bench.BenchQueries;
import org.digestkg.bench.BenchRun;
import org.digestkg.bench.Fmt;
import org.digestkg.bench.LiveServer;
import org.digestkg.bench.ResultTable.Met;
import org.digestkg.bench.SparqlHttp;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The explorer's pages on the running {@code kg serve}: each page's server time, warm (p95 of repeated requests
 * after warm-up, the whole HTTP exchange on loopback), the most prolific author's page included; and the author
 * page's first contentful paint in Debian's headless Chromium (when it is installed). The search pages (English,
 * Chinese, filtered and paged), the search feed and the terms over time too.
 */
public final class ExplorerPagesStep extends ServerStep {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Override
    public String title(BenchRun run) {
        return "explorer pages";
    }

    @Override
    public String target() {
        return "p95 < 100 ms";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        LiveServer server = run.server();
        SparqlHttp.Answer who = lookUp(run, server, BenchQueries.MOST_PROLIFIC, "most prolific author");
        if (who == null) return;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = server.baseUrl();
        // the author box resolves the name to the author's page: the path the store's IRI gives
        String name = who.rows().get(0).get("author");
        HttpResponse<String> found = get(http, base + "/author?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        String author = found.headers().firstValue("Location").orElse(null);
        if (found.statusCode() != 303 || author == null) {
            run.table().failed("explorer: the most prolific author's page", target(),
                    "the author box answered HTTP " + found.statusCode());
            return;
        }
        String day = firstLink(get(http, base + "/").body(), "/digest/2");
        String category = firstLink(get(http, base + "/category/").body(), "/category/");
        String paper = firstLink(get(http, base + author).body(), "/paper/");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home /", "/");
        pages.put("the most prolific author's page (" + name + ", " + who.rows().get(0).get("papers") + " papers)", author);
        pages.put("  its co-author graph's data (network.json, depth 1)", author + "/network.json");
        pages.put("  depth 2", author + "/network.json?depth=2");
        pages.put("one of their papers", paper);
        pages.put("the latest digest day", day);
        pages.put("the largest category", category);
        pages.put("trends", "/trends");
        pages.put("the largest category's Atom feed", "/feed" + category);
        pages.put("the author's page as Turtle", author + "?format=ttl");
        pages.put("search, English (diffusion), first page", "/search?q=diffusion");
        pages.put("search, Chinese (扩散模型), first page", "/search?q=" + q("扩散模型"));
        pages.put("search, two words in one category, third page", "/search?q=" + q("reinforcement learning")
                + "&category=" + q(category.substring("/category/".length())) + "&page=3");
        pages.put("search Atom feed (diffusion)", "/feed/search?q=diffusion");
        pages.put("trends with terms over time (diffusion, 扩散模型, agent*; per week)",
                "/trends?term=diffusion&term=" + q("扩散模型") + "&term=" + q("agent*") + "&by=week");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            time(run, http, p.getKey(), base + p.getValue());
        }
        firstPaint(run, base + author);
    }

    private static void time(BenchRun run, HttpClient http, String measure, String url) throws InterruptedException {
        String m = "explorer: " + measure + ", server time, warm";
        try {
            List<Double> ms = new ArrayList<>();
            int warm = run.options().warmup();
            int runs = Math.max(20, run.options().queryRuns());
            int bytes = 0;
            for (int i = 0; i < warm + runs; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = get(http, url);
                double took = (System.nanoTime() - t) / 1e6;
                if (r.statusCode() != 200) {
                    run.table().failed(m, "p95 < 100 ms", "HTTP " + r.statusCode() + " for " + url);
                    return;
                }
                bytes = r.body().length();
                if (i >= warm) ms.add(took);
            }
            Collections.sort(ms);
            double p95 = ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
            String value = "p95 " + Fmt.millis(p95) + ", median " + Fmt.millis(Fmt.median(ms)) + " (" + ms.size()
                    + " requests after " + warm + " warm-up; " + Fmt.count(bytes) + " characters)";
            run.table().add(m, value, "p95 < 100 ms", Met.of(p95 < 100));
            run.say("  " + measure + ": " + value);
        } catch (IOException | RuntimeException e) {
            run.table().failed(m, "p95 < 100 ms", e.toString());
        }
    }

    /** The author page's first contentful paint, as Chromium reports it, median of five fresh loads. */
    private static void firstPaint(BenchRun run, String url) {
        String m = "explorer: the most prolific author's page, first contentful paint in headless Chromium";
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            run.table().add(m, "not measured: Debian's chromium and chromedriver are not installed", "< 1 s", Met.NONE);
            return;
        }
        WebDriver driver = null;
        try {
            Path profile = Files.createTempDirectory("bench-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                driver.get("about:blank");
                driver.get(url);
                Object fcp = ((JavascriptExecutor) driver).executeScript(
                        "var e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null;");
                if (i > 0 && fcp instanceof Number n) ms.add(n.doubleValue());   // the first load fills the cache
            }
            if (ms.isEmpty()) {
                run.table().failed(m, "< 1 s", "Chromium reported no first contentful paint");
                return;
            }
            double median = Fmt.median(ms);
            String value = Fmt.millis(median) + " (median of " + ms.size() + " loads after one warm-up; max "
                    + Fmt.millis(Collections.max(ms)) + ")";
            run.table().add(m, value, "< 1 s", Met.of(median < 1000));
            run.say("  first paint: " + value);
        } catch (IOException | RuntimeException e) {
            run.table().failed(m, "< 1 s", e.toString());
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first {@code href} in a page that starts with {@code prefix} and goes further (not the index itself). */
    private static String firstLink(String html, String prefix) {
        for (int at = html.indexOf("href=\"" + prefix); at >= 0; at = html.indexOf("href=\"" + prefix, at + 1)) {
            int start = at + "href=\"".length();
            String link = html.substring(start, html.indexOf('"', start));
            if (link.length() > prefix.length()) {
                return link;
            }
        }
        throw new IllegalStateException("no link to " + prefix + "... on the page");
    }
}
