package dev.docsite.site;

import dev.docsite.content.ErrorEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's experience in a real browser: a site built from the fixture in
 * src/test/resources/reader-site (two versions, three audiences, one error catalog), served by a plain
 * HTTP server on 127.0.0.1 and read with Debian's headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderBrowserTest {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String TOKEN_EXPIRED = "ent.example.validate_token.token_expired.app_error";
    static final String BOT_FORBIDDEN = "api.user.login_by_example.bot_login_forbidden.app_error";

    Path site;
    StaticServer server;
    Chromium chromium;
    ChromeDriver driver;

    @BeforeAll
    void buildAndStart() throws IOException {
        site = FixtureSite.dir();
        server = new StaticServer(site);
        chromium = Chromium.start();
        driver = chromium.driver;
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void desktop() {
        chromium.viewport(0, 0);
        chromium.colorScheme("light");
    }

    void open(String path) {
        driver.get(server.url() + path);
        waitFor(d -> "complete".equals(js("return document.readyState")));
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    WebElement searchFor(String text) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(text);
        WebElement panel = driver.findElement(By.id("search-panel"));
        waitFor(d -> panel.isDisplayed() && driver.findElement(By.id("search-status")).getAttribute("textContent").contains(text));
        return panel;
    }

    List<String> resultHrefs(WebElement panel) {
        return panel.findElements(By.cssSelector(".search-group:not([hidden]) a")).stream().map(a -> a.getAttribute("href")).toList();
    }

    // ---- search -----------------------------------------------------------------------------------

    @Test
    void searchFindsAPageByAWordInItsBody() {
        open("2.0/end-user/sign-in.html");
        WebElement panel = searchFor("quokka");
        List<String> hrefs = resultHrefs(panel);
        assertEquals(1, hrefs.size(), "one page mentions quokka: " + hrefs);
        assertTrue(hrefs.get(0).startsWith(server.url() + "2.0/admin/setup.html"), hrefs.get(0));
        assertEquals("Set up sign-in", panel.findElement(By.cssSelector(".search-hit-title")).getText());
        assertTrue(panel.findElement(By.cssSelector(".search-hit-snippet mark")).getText().equalsIgnoreCase("quokka"));
        assertEquals("1 result for \u201cquokka\u201d", driver.findElement(By.id("search-status")).getAttribute("textContent"));
    }

    @Test
    void searchFindsAnErrorByItsIdAndLandsOnItsRow() {
        open("2.0/index.html");
        WebElement panel = searchFor(TOKEN_EXPIRED);
        List<String> hrefs = resultHrefs(panel);
        String anchor = ErrorEntry.anchorOf(TOKEN_EXPIRED);
        assertTrue(hrefs.contains(server.url() + "2.0/admin/troubleshoot.html#" + anchor), hrefs.toString());
        assertTrue(hrefs.contains(server.url() + "2.0/end-user/sign-in.html#" + anchor), "the end users' table lists it too: " + hrefs);
        panel.findElement(By.cssSelector("a[href$='admin/troubleshoot.html#" + anchor + "']")).click();
        waitFor(ExpectedConditions.urlContains("troubleshoot.html#" + anchor));
        WebElement row = driver.findElement(By.id(anchor));
        waitFor(d -> row.getAttribute("class").contains("highlight"));
        assertTrue(inViewport(row), "the row is scrolled into view");
    }

    @Test
    void searchFindsHeadingsAndFiltersByAudience() {
        open("2.0/admin/setup.html");
        WebElement panel = searchFor("sign");
        List<WebElement> groups = panel.findElements(By.cssSelector(".search-group"));
        assertEquals("admin", groups.get(0).getAttribute("data-audience"), "the reader's own audience comes first");
        assertTrue(groups.size() >= 2, "results from several audiences");
        panel.findElement(By.cssSelector(".search-filters button[data-filter='end-user']")).click();
        assertEquals("true", panel.findElement(By.cssSelector("button[data-filter='end-user']")).getAttribute("aria-pressed"));
        for (String href : resultHrefs(panel)) assertTrue(href.contains("/end-user/"), href);
        panel.findElement(By.cssSelector(".search-filters button[data-filter='all']")).click();
        assertTrue(resultHrefs(panel).stream().anyMatch(h -> h.contains("/admin/")));

        WebElement headingHit = searchFor("identities matched").findElement(By.cssSelector(".search-hit a"));
        assertTrue(headingHit.getAttribute("href").endsWith("admin/directory-sync.html#how-identities-are-matched"), headingHit.getAttribute("href"));
    }

    @Test
    void searchIsKeyboardFriendly() {
        open("2.0/decision-maker/overview.html");
        new Actions(driver).sendKeys("/").perform();
        assertEquals("search-input", driver.switchTo().activeElement().getAttribute("id"), "/ focuses the search box");
        new Actions(driver).sendKeys("quokka").perform();
        WebElement panel = driver.findElement(By.id("search-panel"));
        // The results for all of "quokka", not for a prefix a loaded browser paused on.
        waitFor(d -> panel.isDisplayed() && !resultHrefs(panel).isEmpty()
                && driver.findElement(By.id("search-status")).getAttribute("textContent").contains("quokka"));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertTrue(driver.switchTo().activeElement().getAttribute("href").contains("admin/setup.html"), "down arrow moves to the first result");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertFalse(panel.isDisplayed(), "escape closes the results");
        assertEquals("search-input", driver.switchTo().activeElement().getAttribute("id"));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(ExpectedConditions.urlContains("admin/setup.html"));
    }

    @Test
    void searchWorksFromTheFileSystemAndOnlyLoadsTheSitesOwnFiles() {
        open("2.0/admin/troubleshoot.html");
        searchFor("quokka");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertTrue(loaded.stream().anyMatch(u -> u.contains("_search/index.js")), loaded.toString());
        assertTrue(loaded.stream().anyMatch(u -> u.contains("_search/t/")), "the chunk of the word: " + loaded);
        for (String u : loaded) assertTrue(u.startsWith(server.url()), "no request to another origin: " + u);

        driver.get(site.resolve("1.0/admin/setup.html").toUri().toString());
        WebElement panel = searchFor("quokka");
        assertTrue(resultHrefs(panel).get(0).startsWith("file:") && resultHrefs(panel).get(0).contains("1.0/admin/setup.html"), resultHrefs(panel).toString());
    }

    @Test
    void eachVersionSearchesItsOwnPages() {
        open("1.0/admin/setup.html");
        WebElement panel = searchFor("synchronisation");
        assertTrue(resultHrefs(panel).isEmpty(), "the page exists only in 2.0: " + resultHrefs(panel));
        open("2.0/admin/setup.html");
        assertTrue(resultHrefs(searchFor("synchronisation")).get(0).contains("2.0/admin/directory-sync.html"));
    }

    // ---- error lookup -----------------------------------------------------------------------------

    @Test
    void errorLookupFiltersTheTableByIdMessageAndStatus() {
        open("2.0/admin/troubleshoot.html");
        WebElement input = driver.findElement(By.id("error-lookup-input"));
        WebElement status = driver.findElement(By.id("error-lookup-status"));
        assertEquals("Find an error", driver.findElement(By.cssSelector("label[for='error-lookup-input']")).getText());
        assertEquals("All 5 errors shown.", status.getText());

        lookup(input, "403");
        assertEquals(List.of("ent.example.login.not_configured.app_error", BOT_FORBIDDEN), visibleErrorIds());
        assertEquals("2 of 5 errors match \u201c403\u201d.", status.getText());

        lookup(input, "token_expired");
        assertEquals(List.of(TOKEN_EXPIRED), visibleErrorIds());

        lookup(input, "directory could not");
        assertEquals(List.of("ent.example.user_lookup.directory_unreachable_while_resolving_identity.app_error"), visibleErrorIds());

        lookup(input, "{\"id\": \"" + BOT_FORBIDDEN + "\", \"status_code\": 403}");
        assertEquals(List.of(BOT_FORBIDDEN), visibleErrorIds(), "a pasted response body finds its error");

        lookup(input, "4xx");
        assertEquals(3, visibleErrorIds().size());

        lookup(input, "no such thing");
        assertEquals(List.of(), visibleErrorIds());
        assertEquals("No error matches \u201cno such thing\u201d.", status.getText());
        assertFalse(driver.findElement(By.cssSelector("div.error-table")).isDisplayed());

        lookup(input, "");
        assertEquals(5, visibleErrorIds().size());
    }

    void lookup(WebElement input, String text) {
        input.clear();
        if (!text.isEmpty()) input.sendKeys(text);
        else input.sendKeys(" ", Keys.BACK_SPACE);
        String expected = text.isBlank() ? "All" : "\u201c" + text.trim() + "\u201d";
        waitFor(d -> driver.findElement(By.id("error-lookup-status")).getText().contains(expected));
    }

    List<String> visibleErrorIds() {
        return driver.findElements(By.cssSelector("div.error-table [data-error-id]")).stream()
                .filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-error-id")).toList();
    }

    @Test
    void anErrorAnchorInTheUrlHighlightsItsRow() {
        String anchor = ErrorEntry.anchorOf(BOT_FORBIDDEN);
        open("2.0/admin/troubleshoot.html#" + anchor);
        WebElement row = driver.findElement(By.id(anchor));
        waitFor(d -> row.getAttribute("class").contains("highlight"));
        assertTrue(inViewport(row));
        assertEquals(1, driver.findElements(By.cssSelector(".error-entry.highlight")).size());
    }

    boolean inViewport(WebElement e) {
        return (Boolean) js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", e);
    }

    // ---- versions ---------------------------------------------------------------------------------

    @Test
    void versionSwitcherKeepsThePageAndItsSection() {
        open("2.0/admin/setup.html#configure-the-server");
        new Select(driver.findElement(By.cssSelector("[data-version-switcher]"))).selectByVisibleText("1.0");
        waitFor(ExpectedConditions.urlContains("/1.0/"));
        assertEquals(server.url() + "1.0/admin/setup.html#configure-the-server", driver.getCurrentUrl());

        WebElement banner = driver.findElement(By.cssSelector(".old-version-banner"));
        assertTrue(banner.getText().contains("version 1.0"), banner.getText());
        banner.findElement(By.tagName("a")).click();
        waitFor(ExpectedConditions.urlContains("/2.0/"));
        assertEquals(server.url() + "2.0/admin/setup.html#configure-the-server", driver.getCurrentUrl(), "the banner leads to the same page in the latest version");
        assertTrue(driver.findElements(By.cssSelector(".old-version-banner")).isEmpty(), "no banner on the latest version");
    }

    @Test
    void versionSwitcherFallsBackToTheNearestParent() {
        open("2.0/admin/directory-sync.html#how-identities-are-matched");
        new Select(driver.findElement(By.cssSelector("[data-version-switcher]"))).selectByVisibleText("1.0");
        waitFor(ExpectedConditions.urlContains("/1.0/"));
        assertEquals(server.url() + "1.0/admin/index.html", driver.getCurrentUrl(), "the page is new in 2.0: its audience landing page");
    }

    // ---- layout and accessibility -----------------------------------------------------------------

    @Test
    void phoneWidthLayoutHasNoHorizontalScroll() throws IOException {
        chromium.viewport(375, 812);
        for (String page : List.of("2.0/index.html", "2.0/admin/index.html", "2.0/admin/setup.html", "2.0/admin/troubleshoot.html",
                "2.0/end-user/sign-in.html", "2.0/decision-maker/overview.html", "1.0/admin/setup.html")) {
            open(page);
            assertEquals(375L, js("return document.documentElement.clientWidth"));
            long scroll = (Long) js("return document.documentElement.scrollWidth");
            assertTrue(scroll <= 375, page + " scrolls sideways: scrollWidth " + scroll + " " + widest());
        }
        open("2.0/admin/troubleshoot.html");
        WebElement table = driver.findElement(By.cssSelector("div.error-table"));
        assertFalse((Boolean) js("return arguments[0].scrollWidth > arguments[0].clientWidth + 1", table), "the error reference fits without scrolling");
        assertEquals(null, table.getAttribute("tabindex"), "nothing to scroll, so not a tab stop");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-mobile-troubleshoot.png"), false);

        WebElement nav = driver.findElement(By.id("site-nav"));
        assertFalse(nav.isDisplayed(), "navigation folds away on a phone");
        driver.findElement(By.cssSelector(".nav-toggle")).click();
        assertTrue(nav.isDisplayed());
        assertEquals("true", driver.findElement(By.cssSelector(".nav-toggle")).getAttribute("aria-expanded"));

        open("2.0/end-user/sign-in.html");
        searchFor("sign");
        assertTrue((Long) js("return document.documentElement.scrollWidth") <= 375, "open search results fit the screen");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-mobile-search.png"), false);
    }

    /** The element that sticks out furthest to the right, to make a failure readable. */
    Object widest() {
        return js("var w = null, max = 0; document.querySelectorAll('body *').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.right > max) { max = r.right; w = e; } });"
                + " return w ? w.tagName + '.' + w.className + ' right=' + max : '';");
    }

    @Test
    void noSeriousOrCriticalAccessibilityViolationsInLightAndDark() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            chromium.colorScheme(scheme);
            for (String page : List.of("2.0/index.html", "2.0/admin/troubleshoot.html", "2.0/admin/setup.html", "2.0/end-user/sign-in.html",
                    "1.0/admin/index.html")) {
                open(page);
                List<String> violations = Axe.seriousViolations(driver);
                assertEquals(List.of(), violations, scheme + " " + page);
            }
            open("2.0/admin/troubleshoot.html");
            searchFor("token");
            assertEquals(List.of(), Axe.seriousViolations(driver), scheme + ": with search results open");
        }
        chromium.viewport(375, 812);
        open("2.0/admin/troubleshoot.html");
        assertEquals(List.of(), Axe.seriousViolations(driver), "phone width");
    }

    @Test
    void pagesHaveLandmarksSkipLinkAndLabelledSectionAnchors() {
        open("2.0/admin/setup.html");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        for (String landmark : List.of("header", "nav#site-nav", "main#main", "footer", "form[role=search]"))
            assertEquals(1, driver.findElements(By.cssSelector(landmark)).size(), landmark);
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        assertEquals(1, h1.size());
        List<WebElement> anchors = driver.findElements(By.cssSelector("a.anchor"));
        assertFalse(anchors.isEmpty());
        for (WebElement a : anchors) assertTrue(a.getAttribute("aria-label").startsWith("Link to this section: "), a.getAttribute("outerHTML"));

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("Skip to content", skip.getText());
        assertTrue(skip.isDisplayed() && (Boolean) js("return arguments[0].getBoundingClientRect().top >= 0", skip), "the skip link shows when focused");
        String outline = (String) js("return getComputedStyle(arguments[0]).outlineStyle", skip);
        assertEquals("solid", outline, "focus is visible");
        skip.sendKeys(Keys.ENTER);
        waitFor(d -> "main".equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    /** Heading levels in document order: the first is the h1 and none skips a level. */
    static String headingOrderProblem(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        List<Long> levels = (List<Long>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(function (h) { return +h.tagName[1]; })");
        if (levels.isEmpty() || levels.get(0) != 1) return "the first heading is not an h1: " + levels;
        for (int i = 1; i < levels.size(); i++)
            if (levels.get(i) > levels.get(i - 1) + 1) return "h" + levels.get(i - 1) + " is followed by h" + levels.get(i) + ": " + levels;
        return null;
    }

    @Test
    void headingsStartAtTheTitleAndSkipNoLevel() {
        for (String page : List.of("2.0/index.html", "2.0/admin/index.html", "2.0/admin/setup.html", "2.0/admin/troubleshoot.html", "2.0/end-user/sign-in.html")) {
            open(page);
            assertEquals(null, headingOrderProblem(driver), page);
        }
    }

    @Test
    void printLeavesOutTheChromeAndShowsWholeTables() {
        open("2.0/admin/troubleshoot.html");
        chromium.cdp("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String chrome : List.of(".site-header", "#site-nav", ".error-lookup", ".prev-next", ".site-footer", ".copy-button"))
                assertEquals("none", js("return getComputedStyle(document.querySelector(arguments[0])).display", chrome), chrome);
            assertEquals("visible", js("return getComputedStyle(document.querySelector('div.error-table')).overflowX"));
            assertTrue(driver.findElement(By.cssSelector("article.doc h1")).isDisplayed());
        } finally {
            chromium.cdp("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void codeBlocksHaveCopyButtons() {
        chromium.cdp("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        open("2.0/admin/setup.html");
        List<WebElement> blocks = driver.findElements(By.cssSelector(".listingblock pre"));
        List<WebElement> buttons = driver.findElements(By.cssSelector(".listingblock .copy-button"));
        assertEquals(blocks.size(), buttons.size());
        assertTrue(buttons.size() >= 2);
        WebElement button = buttons.get(1);
        assertEquals("Copy code", button.getAttribute("textContent"));
        button.click();
        waitFor(d -> button.getAttribute("textContent").startsWith("Copied"));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        Object clip = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });");
        assertEquals(blocks.get(1).getAttribute("innerText"), clip);
    }

    @Test
    void cssAndJavaScriptStayUnderOneHundredKilobytesPerPage() {
        for (String page : List.of("2.0/index.html", "2.0/admin/troubleshoot.html", "2.0/end-user/sign-in.html")) {
            open(page);
            searchFor("sign");   // the search engine loads on first use: count it too
            Number bytes = (Number) js("return performance.getEntriesByType('resource')"
                    + ".filter(function (e) { return /\\.(css|js)(\\?|$)/.test(e.name) && !/_search\\//.test(e.name); })"
                    + ".reduce(function (sum, e) { return sum + e.decodedBodySize; }, 0)");
            System.out.println("[weight] " + page + ": CSS + JS " + bytes + " bytes before compression (search index excluded)");
            assertTrue(bytes.longValue() > 10_000, "the measurement saw the assets: " + bytes);
            assertTrue(bytes.longValue() < 100_000, page + ": " + bytes + " bytes of CSS and JS");
        }
    }

    @Test
    void screenshotsForReview() throws IOException {
        open("2.0/index.html");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-home.png"), false);
        open("2.0/admin/troubleshoot.html#" + ErrorEntry.anchorOf(BOT_FORBIDDEN));
        chromium.screenshot(SCREENSHOTS.resolve("fixture-troubleshoot-row.png"), false);
        chromium.screenshot(SCREENSHOTS.resolve("fixture-troubleshoot.png"), true);
        open("1.0/admin/setup.html");
        searchFor("sign");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-search.png"), false);
        chromium.colorScheme("dark");
        open("2.0/admin/setup.html");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-setup-dark.png"), true);
        chromium.viewport(375, 812);
        open("2.0/end-user/sign-in.html");
        chromium.screenshot(SCREENSHOTS.resolve("fixture-mobile-dark.png"), true);
        assertTrue(java.nio.file.Files.size(SCREENSHOTS.resolve("fixture-home.png")) > 10_000);
    }
}
