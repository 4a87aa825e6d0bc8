package org.digestkg.explorer.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** By hand: the README's pictures of the author, trends, terms-over-time and search pages, on the sample store (argument: output folder). */
public final class ReadmePictures {

    private ReadmePictures() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path tmp = Files.createTempDirectory("pictures");
        try (ExplorerServer server = ExplorerServer.start()) {
            WebDriver driver = ExplorerBrowserTest.chromium(tmp);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 820));
                driver.get(server.url("/author/Runjie_Zhou"));
                wait.until(d -> d.findElement(By.cssSelector("[data-network]")).getAttribute("data-drawn") != null);
                Thread.sleep(1500);
                ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
                Files.write(out.resolve("explorer-author.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 700));
                driver.get(server.url("/trends"));
                wait.until(d -> d.findElement(By.cssSelector("[data-chart]")).getAttribute("data-drawn") != null);
                Files.write(out.resolve("explorer-trends.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                driver.get(server.url("/trends?term=diffusion&term=%E6%89%A9%E6%95%A3%E6%A8%A1%E5%9E%8B&term=agent*&by=day"));
                wait.until(d -> d.findElement(By.cssSelector("[data-chart=lines]")).getAttribute("data-drawn") != null);
                ((JavascriptExecutor) driver).executeScript("document.querySelector('section.terms').scrollIntoView()");
                Files.write(out.resolve("explorer-terms.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                driver.get(server.url("/search?q=%E6%89%A9%E6%95%A3%E6%A8%A1%E5%9E%8B+video"));
                Files.write(out.resolve("explorer-search.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.quit();
            }
        }
        System.exit(0);
    }
}
