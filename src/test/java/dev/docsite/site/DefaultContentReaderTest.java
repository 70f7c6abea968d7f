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
}
