package dev.docsite.serve;

import dev.docsite.TestContent;

import dev.docsite.TestSite;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open page in a real headless Chromium follows edits by itself: new text, the error page, recovery. */
class LiveReloadBrowserTest {
    @TempDir Path dir;
    Serve serve;
    WebDriver browser;

    @AfterEach void stop() throws Exception {
        if (browser != null) browser.quit();
        if (serve != null) serve.close();
    }

    private static WebDriver chromium() {
        ChromeOptions o = new ChromeOptions();
        String binary = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (new File(binary).exists()) o.setBinary(binary);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        File driver = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (driver.exists()) service.usingDriverExecutable(driver);
        return new ChromeDriver(service.build(), o);
    }

    @Test void theOpenPageReloadsOnEditShowsTheBrokenBuildAndRecovers() throws Exception {
        TestSite site = TestSite.valid(dir);
        Path templates = TestContent.copyTemplates(dir.resolve("templates"));
        Path why = site.content.resolve("pages/decision-maker/why.yaml");
        serve = Serve.start(site.content, templates, site.out, new SiteBuilder(AsciidocRenderer.shared(), RenderCache.memoryOnly(), new Layout(templates), 2), null, 0, u -> { });
        browser = chromium();
        // The server reloads the page under the test: an element found before a reload is stale after it, so
        // every wait finds its elements again on each try and reads them inside the wait.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(serve.server().url() + "2.0/decision-maker/why.html");
        assertTrue(browser.findElement(By.cssSelector("article.doc")).getText().contains("See setup."));
        // A mark on the window: gone after a reload, so the checks below see a reload, not a coincidence.
        ((JavascriptExecutor) browser).executeScript("window.docsiteMark = 1;");
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'"));

        TestContent.edit(why, "See xref:", "Risk drops. See xref:");
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Risk drops."));
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.docsiteMark;"), "the page reloaded itself");

        TestContent.edit(why, "Risk drops.", "See error:ent.test.token_expird.app_error[].");
        String shown = wait.until(d -> {
            var errors = d.findElements(By.cssSelector(".docsite-build-error"));
            return errors.size() == 1 ? errors.get(0).getText() : null;
        });
        assertTrue(shown.contains("content/pages/decision-maker/why.yaml:6"), shown);

        TestContent.edit(why, "See error:ent.test.token_expird.app_error[].", "Risk drops a lot.");
        wait.until(d -> d.findElements(By.cssSelector("article.doc")).stream().anyMatch(e -> e.getText().contains("Risk drops a lot.")));
    }
}
