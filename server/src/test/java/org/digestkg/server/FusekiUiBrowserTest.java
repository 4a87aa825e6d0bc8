package org.digestkg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Fuseki UI as a person sees it, in Debian's headless Chromium: the dataset is listed, its query page runs a
 * query and shows the answer. Needs /usr/bin/chromium and /usr/bin/chromedriver ({@code .ci/install-browser}).
 * Without them the test is skipped with a line saying how to install them — unless the environment variable
 * {@value #REQUIRED} is {@code true}, as {@code .ci/run} sets it: there a missing browser fails the build.
 */
class FusekiUiBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String REQUIRED = "KG_BROWSER_TESTS_REQUIRED";

    /** Selenium's java.util.logging warns that it has no CDP support for this Chromium; WebDriver does not need it. */
    private static final Logger[] QUIET = {
        Logger.getLogger("org.openqa.selenium.devtools"), Logger.getLogger("org.openqa.selenium.chromium")};

    @TempDir
    static Path dir;
    static KgServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                String missing = binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(sudo apt-get install chromium chromium-driver, or .ci/install-browser)";
                if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                    fail(missing);
                }
                System.err.println("FusekiUiBrowserTest skipped: " + missing);
                abort(missing);
            }
        }
        for (Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
        server = KgServer.builder().store(TestData.createStore(dir.resolve("tdb2"))).port(0).build().start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        // An explicit driver executable keeps Selenium Manager from looking for (or downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
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

    /** A picture of the page after each test, for a person to look at when something is off. */
    @AfterEach
    void screenshot(TestInfo info) throws IOException {
        if (driver instanceof TakesScreenshot shooter) {
            Path out = Path.of(System.getProperty("kg.screenshots", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(out);
            Files.write(out.resolve("ui-" + info.getTestMethod().orElseThrow().getName() + ".png"),
                    shooter.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void homePageListsTheDatasetAndItsQueryPageAnswers() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.serverUrl() + "/");
        // the datasets table, filled from /$/datasets
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "/kg"));

        // the row's "query" button
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//tr[td[normalize-space(.)='/kg']]//button[normalize-space(.)='query']"))).click();
        wait.until(ExpectedConditions.urlContains("/dataset/kg/query"));

        WebElement editor = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].CodeMirror.setValue(arguments[1]);", editor,
                "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".yasqe_queryButton"))).click();

        // the result table shows the column and the count: 4 + 3 triples, the union of both digests
        By resultCells = By.cssSelector(".yasr table tbody td");
        wait.until(d -> d.findElements(resultCells).stream().anyMatch(td -> td.getText().contains("7")));
        String results = driver.findElement(By.cssSelector(".yasr")).getText();
        assertTrue(results.contains("triples"), results);
    }
}
