package org.digestkg.explorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer as a person uses it, in Debian's headless Chromium: following links from the home page to a paper,
 * its author, a co-author and a day; the co-author graph drawn with the expected number of people, expanded to
 * depth 2, and a click on a person going to their page; searching in English and in Chinese from the home page;
 * the charts drawn with data, the terms over time included. A picture of each page is left under
 * target/screenshots. Needs /usr/bin/chromium and /usr/bin/chromedriver: without them the test is skipped with a
 * line saying so, unless {@value #REQUIRED} is true.
 */
class ExplorerBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** When this environment variable is true (.ci/run sets it), a missing browser fails the build instead. */
    static final String REQUIRED = "KG_BROWSER_TESTS_REQUIRED";
    private static final Logger[] QUIET = {
        Logger.getLogger("org.openqa.selenium.devtools"), Logger.getLogger("org.openqa.selenium.chromium")};

    @TempDir
    static Path dir;
    static ExplorerServer server;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                String missing = binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(sudo apt-get install chromium chromium-driver, or .ci/install-browser)";
                if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                    fail(missing);
                }
                System.err.println("ExplorerBrowserTest skipped: " + missing);
                abort(missing);
            }
        }
        for (Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
        server = ExplorerServer.start();
        driver = chromium(dir);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Headless Chromium with a fresh profile and nothing that reaches the internet. */
    static WebDriver chromium(Path dir) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--force-device-scale-factor=1", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void screenshot(TestInfo info) {
        picture("explorer-" + info.getTestMethod().orElseThrow().getName());
    }

    /** The browser's window as it is now, as target/screenshots/NAME.png. */
    static void picture(String name) {
        if (driver instanceof TakesScreenshot shooter) {
            try {
                Path out = Path.of(System.getProperty("kg.screenshots", System.getProperty("java.io.tmpdir")));
                Files.createDirectories(out);
                Files.write(out.resolve(name + ".png"), shooter.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static String h1() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText();
    }

    static WebElement drawn(String css) {
        return wait.until(d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            String n = e.getAttribute("data-drawn");
            return n != null && !n.isEmpty() ? e : null;
        });
    }

    @Test
    void followHomeToPaperToAuthorToCoauthorToDay() {
        driver.get(server.url("/"));
        WebElement box = driver.findElement(By.id("paper-id"));
        box.sendKeys("2602.02537");
        box.submit();
        wait.until(ExpectedConditions.urlContains("/paper/2602.02537"));
        assertTrue(h1().startsWith("WorldVQA"));

        driver.findElement(By.linkText("Runjie Zhou")).click();
        wait.until(ExpectedConditions.urlContains("/author/Runjie_Zhou"));
        assertEquals("Runjie Zhou", h1());

        WebElement coauthor = driver.findElement(By.cssSelector("table.coauthors a"));
        String name = coauthor.getText();
        coauthor.click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/author/Runjie_Zhou")));
        assertEquals(name, h1());

        driver.findElement(By.cssSelector("table.papers a")).click();
        wait.until(ExpectedConditions.urlContains("/paper/"));
        driver.findElement(By.cssSelector(".listing h3 > a")).click();
        wait.until(ExpectedConditions.urlContains("/digest/"));
        assertTrue(h1().startsWith("Digest of 2026-"));
        assertTrue(driver.findElements(By.cssSelector("ol.entries li")).size() > 100);
    }

    @Test
    void theCoauthorGraphDrawsEveryoneExpandsAndClicksThrough() {
        driver.get(server.url("/author/Runjie_Zhou"));
        WebElement graph = drawn("[data-network]");
        // Runjie Zhou and the 18 co-authors of the one paper
        assertEquals("19", graph.getAttribute("data-drawn"));
        assertEquals(19L, nodes(graph));

        driver.findElement(By.cssSelector("button.depth")).click();
        wait.until(d -> "2".equals(graph.getAttribute("data-depth")));
        long two = nodes(graph);
        assertTrue(two > 19, "depth 2 adds the co-authors' co-authors: " + two);

        driver.findElement(By.cssSelector("button.depth")).click();
        wait.until(d -> "1".equals(graph.getAttribute("data-depth")));
        // a click on a co-author's node goes to their page: once the layout has settled, click where it is drawn
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", graph);
        wait.until(d -> settled(graph));
        picture("explorer-author-graph");
        ((JavascriptExecutor) driver).executeScript("echarts.getInstanceByDom(arguments[0]).on('click', function (p) {"
                + " window.clickedNode = p.dataType + ':' + p.name; });", graph);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]);"
                + "var data = c.getModel().getSeriesByIndex(0).getData();"
                + "var p = c.convertToPixel({seriesIndex: 0}, data.getItemLayout(1));"
                + "return [p[0], p[1]];", graph);
        String target = (String) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data[1].path;", graph);
        int w = graph.getRect().getWidth();
        int h = graph.getRect().getHeight();
        new Actions(driver).moveToElement(graph, at.get(0).intValue() - w / 2, at.get(1).intValue() - h / 2).click()
                .perform();
        try {
            wait.until(ExpectedConditions.urlContains(target));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("clicking at " + at + " went nowhere; the chart saw: "
                    + ((JavascriptExecutor) driver).executeScript("return window.clickedNode;"));
        }
        assertTrue(target.startsWith("/author/"), target);
    }

    /** True when the graph's layout no longer moves: the position of node 1 is the same 300 ms apart. */
    static boolean settled(WebElement graph) {
        String where = "var d = echarts.getInstanceByDom(arguments[0]).getModel().getSeriesByIndex(0).getData();"
                + "return JSON.stringify(d.getItemLayout(1));";
        Object a = ((JavascriptExecutor) driver).executeScript(where, graph);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return a.equals(((JavascriptExecutor) driver).executeScript(where, graph));
    }

    static long nodes(WebElement graph) {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.length;", graph);
    }

    @Test
    void theTrendsChartHasEveryCategorysData() {
        driver.get(server.url("/trends"));
        WebElement chart = drawn("[data-chart=stacked]");
        long series = (Long) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series.length;", chart);
        assertEquals((long) driver.findElements(By.cssSelector("table.counts tbody tr")).size(), series);
        assertTrue(Integer.parseInt(chart.getAttribute("data-drawn")) >= series * 3);
    }

    @Test
    void searchingFromTheHomePageInEnglishAndInChinese() {
        driver.get(server.url("/"));
        WebElement box = driver.findElement(By.cssSelector("form[action='/search'] input[name=q]"));
        box.sendKeys("world knowledge");
        box.submit();
        wait.until(ExpectedConditions.urlContains("/search?q=world+knowledge"));
        List<WebElement> hits = driver.findElements(By.cssSelector("li.hit > a.title"));
        assertEquals("WorldVQA: Measuring Atomic World Knowledge in Multimodal Large Language Models", hits.get(0).getText());
        assertTrue(driver.findElements(By.cssSelector("li.hit mark")).size() >= 2);
        picture("explorer-search-english");

        // 扩散模型 (diffusion model): the samples' Chinese summaries say it; typed into the page's own box
        WebElement again = driver.findElement(By.id("search-q"));
        again.clear();
        again.sendKeys("扩散模型");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("search-category"))).selectByValue("cs.CV");
        again.submit();
        wait.until(ExpectedConditions.urlContains("category=cs.CV"));
        assertTrue(driver.findElement(By.cssSelector("p.count")).getText().matches("\\d+ papers? match.*"));
        List<WebElement> marks = driver.findElements(By.cssSelector("li.hit .snippet [lang=zh] mark"));
        assertFalse(marks.isEmpty(), "the Chinese matches are marked");
        String marked = marks.stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(marked.contains("扩散") && marked.contains("模型"), marked);
        picture("explorer-search-chinese");

        driver.findElement(By.cssSelector("li.hit > a.title")).click();
        wait.until(ExpectedConditions.urlContains("/paper/"));
        assertTrue(driver.getPageSource().contains("扩散"), "the paper found has the summary that matched");
    }

    @Test
    void theTermsOverTimeChartHasEachSearchsData() {
        driver.get(server.url("/trends"));
        List<WebElement> terms = driver.findElements(By.cssSelector("form.terms input[name=term]"));
        terms.get(0).sendKeys("diffusion");
        terms.get(1).sendKeys("扩散模型");
        terms.get(1).submit();
        WebElement chart = drawn("[data-chart=lines]");
        @SuppressWarnings("unchecked")
        List<Object> sums = (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series.map("
                + "function (s) { return s.data.reduce(function (a, b) { return a + b; }, 0); });", chart);
        List<String> totals = driver.findElements(By.cssSelector("table.terms td.num")).stream().map(WebElement::getText).toList();
        assertEquals(2, sums.size());
        for (int i = 0; i < 2; i++) {
            long drawn = ((Number) sums.get(i)).longValue();
            assertTrue(drawn > 0, "series " + i + " has data");
            assertEquals(totals.get(i), String.valueOf(drawn));
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        picture("explorer-trends-terms");
    }

    @Test
    void theCategoryChartAndThePathAreDrawn() {
        driver.get(server.url("/category/cs.CV"));
        assertEquals("2", drawn("[data-chart=bars]").getAttribute("data-drawn"));
        driver.get(server.url("/path?from=Runjie+Zhou&to=Boyu+Zhu"));
        assertEquals("3", drawn("[data-chain]").getAttribute("data-drawn"));
    }

    @Test
    void aHostileTitleStaysText() {
        driver.get(server.url("/paper/2603.00001"));
        assertTrue(h1().startsWith("<script>alert(\"title\")</script>"));
        // no alert opened, and the page's scripts are only ours
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('script:not([src^=\"/assets/\"])').length;"));
    }
}
