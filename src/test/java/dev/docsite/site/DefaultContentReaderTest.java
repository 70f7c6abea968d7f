package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default documentation (content/) as its readers get it: every page of the latest version fits a
 * phone screen, the home, an admin and an end-user page pass the accessibility check, and the README's
 * screenshots are taken from it (target/screenshots/default-*.png; docs/screenshots/ holds the committed copies).
 * -Ddocsite.content=DIR points it at another content folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultContentReaderTest {
    static final Path CONTENT = Path.of(System.getProperty("docsite.content", "content"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    Path site;
    String latest;
    JsonNode index;
    StaticServer server;
    Chromium chromium;

    @BeforeAll
    void buildAndStart() throws IOException {
        assertTrue(Files.isRegularFile(CONTENT.resolve("site.yaml")), CONTENT.toAbsolutePath() + ": the default documentation is missing");
        site = tmp.resolve("site");
        assertEquals(0, Main.run("build", "--content", CONTENT.toString(), "--templates", "templates", "--out", site.toString(), "--no-cache", "--quiet"),
                "the default documentation builds");
        latest = JSON.readTree(site.resolve("versions.json").toFile()).path("latest").asText();
        index = SearchIndexTest.readBack(site.resolve(latest));
        server = new StaticServer(site);
        chromium = Chromium.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    void open(String path) {
        chromium.driver.get(server.url() + latest + "/" + path);
        new WebDriverWait(chromium.driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    Object js(String script) { return ((JavascriptExecutor) chromium.driver).executeScript(script); }

    /** The first page of an audience that shows an error table, else its first page. */
    String pageOf(String audience, boolean withErrors) {
        String first = null;
        for (JsonNode p : index.path("pages")) {
            if (!p.path("audience").asText().equals(audience)) continue;
            if (first == null) first = p.path("url").asText();
            if (withErrors && !p.path("errors").isEmpty()) return p.path("url").asText();
        }
        assertTrue(first != null, "the default documentation has " + audience + " pages");
        return first;
    }

    @Test
    void everyPageFitsAPhoneScreenAndKeepsItsHeadingOrder() {
        chromium.viewport(375, 812);
        try {
            List<String> pages = new ArrayList<>(List.of("index.html", "admin/index.html", "end-user/index.html", "decision-maker/index.html"));
            index.path("pages").forEach(p -> pages.add(p.path("url").asText()));
            List<String> wide = new ArrayList<>(), headings = new ArrayList<>();
            for (String page : pages) {
                open(page);
                long scroll = (Long) js("return document.documentElement.scrollWidth");
                if (scroll > 375) wide.add(page + " (" + scroll + " px)");
                String order = ReaderBrowserTest.headingOrderProblem(chromium.driver);
                if (order != null) headings.add(page + ": " + order);
            }
            assertEquals(List.of(), wide, "pages wider than a 375 px screen");
            assertEquals(List.of(), headings, "pages whose headings skip a level");
        } finally {
            chromium.viewport(0, 0);
        }
    }

    @Test
    void homeAdminAndEndUserPagesPassTheAccessibilityCheck() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            chromium.colorScheme(scheme);
            for (String page : List.of("index.html", pageOf("admin", true), pageOf("admin", false), pageOf("end-user", true))) {
                open(page);
                assertEquals(List.of(), Axe.seriousViolations(chromium.driver), scheme + " " + page);
            }
        }
        chromium.colorScheme("light");
    }

    @Test
    void screenshotsForTheReadme() throws IOException {
        chromium.colorScheme("light");
        open("index.html");
        chromium.screenshot(SCREENSHOTS.resolve("default-home.png"), false);

        // The error lookup filtering the table by the HTTP status most of its errors share.
        String troubleshooting = pageOf("admin", true);
        java.util.Map<String, Integer> statuses = new java.util.HashMap<>();
        for (JsonNode p : index.path("pages"))
            if (p.path("url").asText().equals(troubleshooting))
                for (JsonNode e : p.path("errors")) if (e.has("http")) statuses.merge(e.path("http").asText(), 1, Integer::sum);
        String status = statuses.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        open(troubleshooting);
        WebElement lookup = chromium.driver.findElement(By.id("error-lookup-input"));
        js("document.getElementById('error-lookup-input').closest('.error-lookup').scrollIntoView({block: 'start'}); window.scrollBy(0, -16);");
        lookup.sendKeys(status);
        new WebDriverWait(chromium.driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("error-lookup-status")).getText().contains("match"));
        chromium.screenshot(SCREENSHOTS.resolve("default-troubleshooting.png"), false);

        chromium.viewport(375, 812);
        try {
            open(pageOf("end-user", true));
            chromium.screenshot(SCREENSHOTS.resolve("default-mobile.png"), false);
            WebElement input = chromium.driver.findElement(By.id("search-input"));
            input.sendKeys("sign in");
            new WebDriverWait(chromium.driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("search-panel")).isDisplayed());
            chromium.screenshot(SCREENSHOTS.resolve("default-mobile-search.png"), false);
        } finally {
            chromium.viewport(0, 0);
        }
        for (String shot : List.of("default-home.png", "default-troubleshooting.png", "default-mobile.png"))
            assertFalse(Files.size(SCREENSHOTS.resolve(shot)) < 10_000, shot + " is not blank");
    }

    /**
     * The admin error reference at a phone (390), tablet (768) and desktop (1280) width: no element of the
     * article is wider than the content column, no error reference scrolls sideways, and the page itself
     * never does. Screenshots of the troubleshooting page at each width: target/screenshots/troubleshooting-W.png.
     */
    @Test
    void theErrorReferenceFitsTheContentColumnAtEveryWidth() throws IOException {
        String troubleshooting = pageOf("admin", true);
        List<String> problems = new ArrayList<>();
        try {
            for (int width : List.of(390, 768, 1280)) {
                chromium.cdp("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", width < 800 ? 844 : 900,
                        "deviceScaleFactor", width < 800 ? 2 : 1, "mobile", width < 800));
                for (String page : List.of(pageOf("end-user", true), troubleshooting)) {
                    open(page);
                    @SuppressWarnings("unchecked")
                    List<String> wide = (List<String>) js("""
                            var col = document.querySelector('main.content').getBoundingClientRect(), out = [];
                            if (document.documentElement.scrollWidth > window.innerWidth) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
                            document.querySelectorAll('div.error-table').forEach(function (t) {
                              if (t.scrollWidth > t.clientWidth + 1) out.push(t.getAttribute('data-catalog') + ' scrolls sideways');
                            });
                            document.querySelectorAll('article.doc *').forEach(function (e) {
                              if (e.closest('.table-scroll') || e.closest('a.anchor')) return;   // hand tables scroll in their own box
                              var r = e.getBoundingClientRect();
                              if (r.width === 0 && r.height === 0) return;
                              if (r.left < col.left - 1 || r.right > col.right + 1)
                                out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ['
                                  + Math.round(r.left) + ', ' + Math.round(r.right) + '] outside [' + Math.round(col.left) + ', ' + Math.round(col.right) + ']');
                            });
                            return out.slice(0, 10);""");
                    for (String w : wide) problems.add(width + " px " + page + ": " + w);
                    if (!page.equals(troubleshooting)) {
                        js("var h = document.getElementById('app-messages'); if (h) { h.scrollIntoView({block: 'start'}); }");
                        chromium.screenshot(SCREENSHOTS.resolve("messages-" + width + ".png"), false);
                    }
                }
                // Ids break at their dots only: no line of an id heading ends inside a word.
                @SuppressWarnings("unchecked")
                List<String> split = (List<String>) js("""
                        var out = [];
                        document.querySelectorAll('.error-entry .error-id code').forEach(function (c) {
                          var range = document.createRange(), text = c.textContent, lastTop = null;
                          var walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT), node, prev = '';
                          while ((node = walker.nextNode())) {
                            for (var i = 0; i < node.length; i++) {
                              range.setStart(node, i); range.setEnd(node, i + 1);
                              var top = Math.round(range.getBoundingClientRect().top);
                              if (lastTop !== null && top > lastTop + 2 && prev !== '.') out.push(text);
                              lastTop = top; prev = node.data[i];
                            }
                          }
                        });
                        return out;""");
                for (String id : split) problems.add(width + " px: id broken inside a word: " + id);
                js("var h = document.getElementById('sign-in-errors'); if (h) { h.scrollIntoView({block: 'start'}); }");
                chromium.screenshot(SCREENSHOTS.resolve("troubleshooting-" + width + ".png"), false);
            }
        } finally {
            chromium.viewport(0, 0);
        }
        assertEquals(List.of(), problems, "the error reference fits the content column");
        for (int width : List.of(390, 768, 1280))
            assertFalse(Files.size(SCREENSHOTS.resolve("troubleshooting-" + width + ".png")) < 10_000, width + " px screenshot is not blank");
    }
}
