package dev.docsite.site;

import dev.docsite.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated site of 2,026 pages (administrators: 40 sections of 50 pages) read in headless Chromium:
 * section navigation (the current branch open, the others closed, opened and closed with the keyboard,
 * breadcrumbs through sections, every page reachable through landing pages), a page's weight, and
 * search that loads only the chunks a query needs, measured from the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeSiteBrowserTest {
    static final int SECTIONS = 40, PER_SECTION = 50;
    static final String[] WORDS = ("policy enrollment identity tenant token client server mobile device configuration consent scope "
            + "claim audience rollout pilot license access session retry fallback catalog error version release network cache "
            + "account administrator user message support security compliance data backup restore monitor alert quota").split(" ");

    @TempDir static Path tmp;
    Path site;
    StaticServer server;
    Chromium chromium;
    ChromeDriver driver;

    /** Tiny pages, so the build stays fast: what is measured is the navigation and the index, not the bodies. */
    static void generate(Path content) throws IOException {
        Random rnd = new Random(16);
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), """
                title: Large Docs
                audiences:
                  - id: decision-maker
                    title: Decision makers
                  - id: admin
                    title: Administrators
                  - id: end-user
                    title: End users
                versions:
                  - name: "1.0"
                """);
        write(content, "admin/start", "admin", "Start here", 1, sentence(rnd, 0));
        int n = 0;
        for (int s = 0; s < SECTIONS; s++) {
            String section = String.format("admin/area-%02d", s);
            Files.createDirectories(content.resolve("pages/" + section));
            Files.writeString(content.resolve("pages/" + section + "/_section.yaml"),
                    String.format("title: Area %02d\nsummary: Everything about area %02d.\norder: %d\n", s, s, 10 + s));
            for (int p = 0; p < PER_SECTION; p++, n++)
                write(content, String.format("%s/topic-%04d", section, n), "admin", "Topic " + n + " " + WORDS[n % WORDS.length], p, sentence(rnd, n));
        }
        for (int p = 0; p < 20; p++, n++) write(content, "end-user/help/question-" + n, "end-user", "Question " + n, p, sentence(rnd, n));
        for (int p = 0; p < 5; p++, n++) write(content, "decision-maker/brief-" + n, "decision-maker", "Brief " + n, p, sentence(rnd, n));
    }

    private static void write(Path content, String id, String audience, String title, int order, String body) throws IOException {
        Path f = content.resolve("pages/" + id + ".yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "title: " + title + "\naudience: " + audience + "\nsummary: About " + title.toLowerCase() + ".\norder: " + order
                + "\nbody: |\n  == Details\n  " + body + "\n");
    }

    /** Twelve common words and a word only this page has ("marker123"). */
    private static String sentence(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) b.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
        return b.append("marker").append(n).append('.').toString();
    }

    @BeforeAll
    void buildAndStart() throws IOException {
        Path content = tmp.resolve("content");
        generate(content);
        site = tmp.resolve("site");
        long t0 = System.nanoTime();
        assertEquals(0, Main.run("build", "--content", content.toString(), "--templates", "templates", "--out", site.toString(), "--no-cache", "--quiet"));
        System.out.println("[large site] 2026 pages built in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        server = new StaticServer(site);
        chromium = Chromium.start();
        driver = chromium.driver;
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    void open(String url) {
        driver.get(url);
        waitFor(d -> "complete".equals(js("return document.readyState")));
        js("performance.setResourceTimingBufferSize(2000)");
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    WebElement section(String id) { return driver.findElement(By.cssSelector(".site-nav details[data-section='" + id + "']")); }

    boolean isOpen(String id) { return section(id).getAttribute("open") != null; }

    @Test
    void theNavigationOpensTheCurrentBranchOnlyAndKeepsThePageSmall() throws IOException {
        long bytes = Files.size(site.resolve("1.0/admin/area-07/topic-0353.html"));
        System.out.println("[large site] page HTML: " + bytes + " bytes");
        assertTrue(bytes < 60_000, "a page of a 2,026-page site: " + bytes + " bytes");
        open(server.url() + "1.0/admin/area-07/topic-0353.html");
        assertEquals(SECTIONS, driver.findElements(By.cssSelector(".site-nav details[data-section]")).size(), "every section is listed");
        assertTrue(isOpen("admin/area-07"), "the current page's section is open");
        assertEquals(1, driver.findElements(By.cssSelector(".site-nav details[data-section][open]")).size(), "and only it");
        assertEquals(PER_SECTION + 1, section("admin/area-07").findElements(By.cssSelector("a")).size(), "its pages and its overview");
        WebElement current = driver.findElement(By.cssSelector(".site-nav a[aria-current=page]"));
        assertEquals("Topic 353 " + WORDS[353 % WORDS.length], current.getText());
        assertTrue(current.isDisplayed());
        assertEquals(List.of("Large Docs", "Administrators", "Area 07"),
                driver.findElements(By.cssSelector(".breadcrumbs a")).stream().map(WebElement::getText).toList());
        assertTrue(driver.findElement(By.cssSelector("a[rel=prev]")).getAttribute("href").endsWith("area-07/topic-0352.html"));

        // Keyboard: Tab reaches a closed section's heading; Enter opens it, Enter again closes it.
        WebElement summary = section("admin/area-12").findElement(By.tagName("summary"));
        js("document.querySelector(\".site-nav details[data-section='admin/area-11'] summary\").focus()");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertEquals(summary, driver.switchTo().activeElement(), "Tab goes from one closed section to the next: closed sections hide their links");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(d -> isOpen("admin/area-12"));
        WebElement overview = section("admin/area-12").findElement(By.cssSelector("a[data-page='admin/area-12/index']"));
        assertTrue(overview.isDisplayed());
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(d -> !isOpen("admin/area-12"));
        assertFalse(overview.isDisplayed(), "closed again");
        // The current branch closes too, with a click.
        section("admin/area-07").findElement(By.tagName("summary")).click();
        waitFor(d -> !isOpen("admin/area-07"));

        // Without JavaScript every page is two links away: the section's heading, its overview, the page.
        js("arguments[0].focus()", summary);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(d -> isOpen("admin/area-12"));
        new Actions(driver).sendKeys(Keys.TAB, Keys.ENTER).perform();
        waitFor(d -> d.getCurrentUrl().endsWith("1.0/admin/area-12/index.html"));
        List<WebElement> listed = driver.findElements(By.cssSelector(".page-list h2 a"));
        assertEquals(PER_SECTION, listed.size());
        assertTrue(listed.get(0).getAttribute("href").endsWith("area-12/topic-0600.html"), "in reading order");
        assertTrue(isOpen("admin/area-12"), "on a landing page its own section is open");
        assertEquals("page", driver.findElement(By.cssSelector(".site-nav a[data-page='admin/area-12/index']")).getAttribute("aria-current"));
        assertEquals(List.of("Large Docs", "Administrators"),
                driver.findElements(By.cssSelector(".breadcrumbs a")).stream().map(WebElement::getText).toList());
    }

    /** Bytes of the search index the page has loaded, from the browser's resource timing. */
    long searchBytes() {
        return ((Number) js("return performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf('/_search/') >= 0; })"
                + ".reduce(function (s, e) { return s + e.encodedBodySize; }, 0)")).longValue();
    }

    WebElement searchFor(String text) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(text);
        WebElement panel = driver.findElement(By.id("search-panel"));
        waitFor(d -> panel.isDisplayed() && driver.findElement(By.id("search-status")).getAttribute("textContent").contains(text));
        return panel;
    }

    @Test
    void aQueryLoadsAFewChunksAndTheResultsItShows() {
        open(server.url() + "1.0/end-user/help/question-2001.html");
        WebElement panel = searchFor("policy enrollment");
        long bytes = searchBytes();
        long chunks = (Long) js("return document.querySelectorAll('script[src*=\"_search/t/\"]').length");
        long pages = (Long) js("return document.querySelectorAll('script[src*=\"_search/p/\"]').length");
        System.out.println("[large site] \"policy enrollment\": " + bytes + " bytes of index, " + chunks + " chunks, " + pages + " result pages");
        assertTrue(bytes > 1_000, "the measurement saw the index: " + bytes);
        assertTrue(bytes < 300_000, bytes + " bytes loaded for one two-word query");
        assertTrue(chunks >= 1 && chunks <= 6, chunks + " chunks");
        List<String> groups = panel.findElements(By.cssSelector(".search-group-title")).stream().map(e -> e.getAttribute("textContent")).toList();
        assertEquals("End users", groups.get(0), "the reader's own audience first: " + groups);
        assertTrue(groups.contains("Administrators"), groups.toString());
        assertTrue(pages <= 30, "only the pages of the results shown: " + pages);

        // Keyboard: down arrow into the results, Enter opens the first.
        searchFor("marker1234");
        assertTrue(searchBytes() - bytes < 100_000, "a second query adds only its own chunks");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        String href = driver.switchTo().activeElement().getAttribute("href");
        assertTrue(href.endsWith("admin/area-24/topic-1234.html"), "the one page with the word: " + href);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(d -> d.getCurrentUrl().endsWith("admin/area-24/topic-1234.html"));
    }

    @Test
    void searchWorksFromTheFileSystem() {
        open(site.resolve("1.0/admin/start.html").toUri().toString());
        WebElement panel = searchFor("marker77");
        List<String> hrefs = panel.findElements(By.cssSelector(".search-group a")).stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(hrefs.get(0).startsWith("file:") && hrefs.get(0).endsWith("admin/area-01/topic-0077.html"),
                "the page with the word first, then completions of the word being typed (marker770...): " + hrefs);
        assertTrue(((Number) js("return document.querySelectorAll('script[src*=\"_search/t/\"]').length")).intValue() >= 1, "chunks load as scripts from file://");
    }
}
