package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.docsite.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live examples as readers use them, on the default documentation built from content/ and read in
 * headless Chromium: "Try it" on the Intune settings examples, "Paste a response" on the troubleshooting
 * page, the same verdicts in the page as in the build, and nothing more loaded by pages without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveExamplesBrowserTest {
    static final Path CONTENT = Path.of(System.getProperty("docsite.content", "content"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String SCHEMA = "intune-settings";
    static final String CONFIG_PAGE = "admin/setup/configure-intune-mam.html";
    static final String TROUBLESHOOT_PAGE = "admin/operation/troubleshoot.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    Path site;
    String latest;
    StaticServer server;
    Chromium chromium;

    @BeforeAll
    void buildAndStart() throws IOException {
        site = tmp.resolve("site");
        assertEquals(0, Main.run("build", "--content", CONTENT.toString(), "--templates", "templates", "--out", site.toString(), "--no-cache", "--quiet"),
                "the default documentation builds");
        latest = JSON.readTree(site.resolve("versions.json").toFile()).path("latest").asText();
        server = new StaticServer(site);
        chromium = Chromium.start();
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

    void open(String page) {
        chromium.driver.get(server.url() + latest + "/" + page);
        waitFor(d -> "complete".equals(js("return document.readyState")));
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) chromium.driver).executeScript(script, args); }

    <T> T waitFor(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(chromium.driver, Duration.ofSeconds(15)).until(condition);
    }

    /** The CSS and JavaScript files the current page loaded, with their sizes in bytes. */
    @SuppressWarnings("unchecked")
    Map<String, Long> cssAndJs() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) js("return performance.getEntriesByType('resource')"
                + ".filter(function (r) { return /\\.(css|js)(\\?|$)/.test(r.name); })"
                + ".map(function (r) { return { name: r.name.split('?')[0].split('/').slice(-2).join('/'), size: r.decodedBodySize }; })");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> e : entries) out.put((String) e.get("name"), ((Number) e.get("size")).longValue());
        return out;
    }

    WebElement openPanel(int index, String kind) {
        List<WebElement> buttons = chromium.driver.findElements(By.cssSelector(".live-tools[data-live='" + kind + "'] .live-open"));
        assertTrue(buttons.size() > index, "the page has a " + kind + " control #" + index);
        WebElement button = buttons.get(index);
        js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80);", button);
        // From the keyboard: focus the control and press Enter.
        js("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
        waitFor(d -> button.getAttribute("aria-controls") != null);
        WebElement panel = chromium.driver.findElement(By.id(button.getAttribute("aria-controls")));
        waitFor(d -> "true".equals(panel.getAttribute("data-ready")));
        assertEquals("true", button.getAttribute("aria-expanded"));
        return panel;
    }

    /**
     * Types text over the editor's and waits for the verdict on all of it: on a loaded machine typing can
     * pause long enough for a check of the half-typed text, whose verdict must not pass for the text's.
     */
    void replaceText(WebElement area, String text) {
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(text);
        WebElement result = chromium.driver.findElement(By.id(area.getAttribute("aria-describedby")));
        waitFor(d -> text.equals(area.getAttribute("value")) && result.getAttribute("aria-busy") == null);
    }

    String status(WebElement panel) { return panel.findElement(By.cssSelector(".live-result")).getText(); }

    // ---- "Try it" ---------------------------------------------------------------------------------------

    @Test
    void tryItShowsEachProblemAtItsLineAndPassesOnceFixed() throws IOException {
        server.requests.clear();
        open(CONFIG_PAGE);
        assertFalse(server.requests.stream().anyMatch(r -> r.contains("live-editor.js") || r.contains("json-schema") || r.contains("_schemas")),
                "the editor, validator and schema load only when a reader opens Try it: " + server.requests);
        WebElement panel = openPanel(0, "json");
        assertTrue(server.requests.stream().anyMatch(r -> r.endsWith("_schemas/" + SCHEMA + ".js")), "the version's own schema: " + server.requests);

        WebElement area = panel.findElement(By.cssSelector("textarea"));
        assertEquals(area, chromium.driver.switchTo().activeElement(), "the editor has the focus once opened");
        assertTrue(((String) js("return arguments[0].labels[0].textContent", area)).contains(SCHEMA), "the editor is labelled");
        assertEquals("polite", panel.findElement(By.cssSelector(".live-result")).getAttribute("aria-live"));
        String original = area.getAttribute("value");
        assertTrue(original.contains("\"TenantId\""), original);
        waitFor(d -> status(panel).startsWith("Valid"));

        // Line 5 gets a tenant id that is not a UUID, line 4 an unknown sign-in method.
        String broken = original.replace("\"office365\"", "\"azure\"").replaceFirst("\"TenantId\": \"[^\"]+\"", "\"TenantId\": \"my-tenant\"");
        List<String> lines = broken.lines().toList();
        assertTrue(lines.get(3).contains("azure") && lines.get(4).contains("my-tenant"), broken);
        replaceText(area, broken);
        waitFor(d -> status(panel).contains("2 problems"));
        List<WebElement> problems = panel.findElements(By.cssSelector(".live-problems li"));
        assertEquals(List.of("4", "5"), problems.stream().map(p -> p.getAttribute("data-line")).toList());
        assertTrue(problems.get(0).getText().startsWith("Line 4 \u201cAuthService\u201d must be one of \"office365\", \"saml\""), problems.get(0).getText());
        assertTrue(problems.get(1).getText().startsWith("Line 5 \u201cTenantId\u201d must be a UUID"), problems.get(1).getText());
        assertEquals(List.of("4", "5"), panel.findElements(By.cssSelector(".live-gutter .bad")).stream().map(WebElement::getText).toList());
        assertEquals("true", area.getAttribute("aria-invalid"));
        screenshots("live-try-it-problems", panel);

        // The "Line 5" button selects that line in the editor.
        problems.get(1).findElement(By.cssSelector("button")).click();
        assertEquals(lines.get(4), js("var a = arguments[0]; return a.value.slice(a.selectionStart, a.selectionEnd)", area));

        // A syntax error names its line too: a missing comma after line 3.
        replaceText(area, original.replace("\"Enable\": true,", "\"Enable\": true"));
        waitFor(d -> status(panel).contains("1 problem"));
        assertEquals("3", panel.findElement(By.cssSelector(".live-problems li")).getAttribute("data-line"));
        assertTrue(status(panel).contains("Not valid JSON: expected a comma"), status(panel));

        // Fixed: valid again.
        replaceText(area, original.replace("\"office365\"", "\"saml\""));
        waitFor(d -> status(panel).startsWith("Valid"));
        assertEquals("false", area.getAttribute("aria-invalid"));
        assertEquals(List.of(), panel.findElements(By.cssSelector(".live-gutter .bad")));

        // A change marks the verdict out of date until it is checked.
        assertEquals("true", js("var a = arguments[0], r = document.getElementById(a.getAttribute('aria-describedby'));"
                + " a.value = '{'; a.dispatchEvent(new Event('input')); return r.getAttribute('aria-busy')", area));
        waitFor(d -> status(panel).contains("1 problem") && panel.findElement(By.cssSelector(".live-result")).getAttribute("aria-busy") == null);

        // Reset restores the example.
        replaceText(area, "{}");
        waitFor(d -> status(panel).contains("problem"));
        panel.findElement(By.cssSelector(".live-reset")).click();
        assertEquals(original, area.getAttribute("value"));
        waitFor(d -> status(panel).startsWith("Valid"));

        // Nothing was asked from anywhere but this site.
        @SuppressWarnings("unchecked")
        List<String> foreign = (List<String>) js("return performance.getEntriesByType('resource').map(function (r) { return r.name; })"
                + ".filter(function (n) { return n.indexOf(location.origin + '/') !== 0; })");
        assertEquals(List.of(), foreign, "requests that left the site");
    }

    @Test
    void aCheckerThatCannotLoadSaysSoAndIsNeverMarkedBusy() {
        open(CONFIG_PAGE);
        // The schema script runs, but its schema never reaches the page.
        js("Object.defineProperty(window, 'docsiteSchemas', { get: function () { return {}; }, set: function () {} })");
        WebElement button = chromium.driver.findElements(By.cssSelector(".live-tools[data-live='json'] .live-open")).get(0);
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        waitFor(d -> button.getAttribute("aria-controls") != null);
        WebElement panel = chromium.driver.findElement(By.id(button.getAttribute("aria-controls")));
        waitFor(d -> status(panel).contains("The checker could not be loaded"));
        WebElement result = panel.findElement(By.cssSelector(".live-result"));
        // No check will come, so typing does not mark the message as out of date.
        assertNull(js("var a = arguments[0]; a.value = '{'; a.dispatchEvent(new Event('input'));"
                + " return document.getElementById(a.getAttribute('aria-describedby')).getAttribute('aria-busy')",
                panel.findElement(By.cssSelector("textarea"))));
        assertNull(result.getAttribute("aria-busy"));
        assertTrue(status(panel).contains("The checker could not be loaded"), status(panel));
    }

    @Test
    void theConfigJsonCheckTakesAPastedSectionAndWorksFromFile() {
        // Opened from file://, as a downloaded copy of the site would be: scripts load, fetch() would not.
        chromium.driver.get(site.resolve(latest).resolve(CONFIG_PAGE).toUri().toString());
        waitFor(d -> "complete".equals(js("return document.readyState")));
        WebElement panel = openPanel(1, "json");
        WebElement area = panel.findElement(By.cssSelector("textarea"));
        waitFor(d -> status(panel).startsWith("Valid"));
        replaceText(area, "{\n  \"IntuneSettings\": {\n    \"Enable\": true,\n    \"AuthService\": \"saml\",\n    \"TenantId\": \"3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b42\"\n  }\n}");
        waitFor(d -> status(panel).contains("1 problem"));
        WebElement problem = panel.findElement(By.cssSelector(".live-problems li"));
        assertEquals("2", problem.getAttribute("data-line"), "a missing setting is reported at its object");
        assertTrue(problem.getText().contains("\u201cIntuneSettings\u201d needs \u201cClientId\u201d"), problem.getText());
    }

    // ---- "Paste a response" -----------------------------------------------------------------------------

    @Test
    void pastingAResponseShowsItsCatalogEntry() throws IOException {
        JsonNode errors = JSON.readTree(site.resolve(latest).resolve("errors.json").toFile()).path("errors");
        JsonNode found = null;
        for (JsonNode e : errors) if (e.path("id").asText().equals("ent.intune.login.account_not_found.app_error")) found = e;
        assertNotNull(found, "the catalog has account_not_found");
        JsonNode entry = found;

        server.requests.clear();
        open(TROUBLESHOOT_PAGE);
        assertFalse(server.requests.stream().anyMatch(r -> r.endsWith("errors.js")), "the catalog loads only on use: " + server.requests);
        WebElement panel = openPanel(0, "response");
        WebElement area = panel.findElement(By.cssSelector("textarea"));
        area.sendKeys("{\"id\":\"" + entry.path("id").asText() + "\",\"message\":\"" + entry.path("user_message").asText()
                + "\",\"detailed_error\":\"\",\"request_id\":\"abc123\",\"status_code\":428}");
        waitFor(d -> !panel.findElements(By.cssSelector(".live-entry")).isEmpty());
        WebElement card = panel.findElement(By.cssSelector(".live-entry"));
        assertEquals(entry.path("id").asText(), card.getAttribute("data-error-id"));
        String text = card.getText();
        assertTrue(text.contains("428"), text);
        assertTrue(text.contains(entry.path("user_message").asText()), text);
        assertTrue(text.contains(entry.path("cause").asText()), text);
        assertTrue(text.contains(entry.path("resolution").asText()), text);
        String href = card.findElement(By.cssSelector("a")).getAttribute("href");
        assertEquals(server.url() + latest + "/" + entry.path("url").asText(), href);
        screenshots("live-paste-response", panel);

        // A log line holding an id.
        replaceText(area, "2026-05-04T10:12:01.337Z error Intune login failed status=400 err=ent.intune.validate_token.token_expired.app_error");
        waitFor(d -> "ent.intune.validate_token.token_expired.app_error".equals(
                panel.findElements(By.cssSelector(".live-entry")).stream().findFirst().map(c -> c.getAttribute("data-error-id")).orElse("")));
        replaceText(area, "error id=ent.intune.login.no_such_thing.app_error");
        waitFor(d -> status(panel).contains("is not an error of the catalog for version " + latest));

        // The link leads to the row.
        replaceText(area, "request failed: " + entry.path("id").asText());
        waitFor(d -> !panel.findElements(By.cssSelector(".live-entry a")).isEmpty());
        panel.findElement(By.cssSelector(".live-entry a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("#" + entry.path("anchor").asText()));
    }

    // ---- the build and the browser agree ----------------------------------------------------------------

    static final String EXAMPLE = """
            {
              "IntuneSettings": {
                "Enable": true,
                "AuthService": "office365",
                "TenantId": "3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b42",
                "ClientId": "a1c9e7f2-4b3d-4e8a-b6f1-2d7c9e0a5b13"
              }
            }""";

    /** Documents and the verdict both validators must reach; the expected verdict keeps the test from passing on two broken validators. */
    static Map<String, Boolean> documents() {
        Map<String, Boolean> d = new LinkedHashMap<>();
        d.put(EXAMPLE, true);
        d.put(EXAMPLE.replace("office365", "saml"), true);
        d.put(EXAMPLE.replace("3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b42", "3F2B6C1E-8D4A-4B7E-9C21-5A6F0E9D7B42"), true);
        d.put("{\"IntuneSettings\": {\"Enable\": false, \"AuthService\": \"\", \"TenantId\": \"\", \"ClientId\": \"\"}}", true);
        d.put("{\"IntuneSettings\": {\"Enable\": false}}", true);
        d.put("{\"IntuneSettings\": {}}", true);
        d.put(EXAMPLE.replace(",\n    \"ClientId\": \"a1c9e7f2-4b3d-4e8a-b6f1-2d7c9e0a5b13\"", ""), false);   // enabled without ClientId
        d.put(EXAMPLE.replace("\"office365\"", "\"\""), false);                                            // enabled, no sign-in method
        d.put(EXAMPLE.replace("3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b42", "contoso.onmicrosoft.com"), false);    // tenant name, not id
        d.put(EXAMPLE.replace("\"Enable\": true", "\"Enable\": \"true\""), false);                         // a string, not a boolean
        d.put(EXAMPLE.replace("\"Enable\": true,", "\"Enable\": true, \"IdAttribute\": \"objectId\","), false); // not an Intune setting
        d.put("{}", false);
        d.put("{\"IntuneSettings\": {\"Enable\": false}, \"ServiceSettings\": {}}", false);               // the whole config.json
        d.put("{\"IntuneSettings\": {\"Enable\": false, \"AuthService\": \"azure\"}}", false);
        d.put("{\"IntuneSettings\": {\"Enable\": false, \"TenantId\": \"abc\"}}", false);
        d.put(EXAMPLE.replace("3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b42", "3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b4"), false); // one digit short
        d.put(EXAMPLE.replace("\"ClientId\": \"a1c9e7f2-4b3d-4e8a-b6f1-2d7c9e0a5b13\"\n", "\"ClientId\": \"a1c9e7f2-4b3d-4e8a-b6f1-2d7c9e0a5b13\",\n"), false); // trailing comma
        d.put(EXAMPLE + "\nthis is not json at all", false);                                           // text after the document
        d.put(EXAMPLE.replace("\"Enable\": true,", "\"Enable\": true, \"Enable\": false,"), false);    // a key written twice
        return d;
    }

    /** The build's verdict: parsed as render/Extensions.LiveJson does (StrictJson), validated by networknt (draft 2020-12). */
    static boolean buildVerdict(JsonSchema schema, String text) {
        JsonNode node;
        try {
            node = dev.docsite.render.StrictJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return false;
        }
        return schema.validate(node).isEmpty();
    }

    @Test
    void theBuildAndThePageReachTheSameVerdictOnEachDocument() throws IOException {
        JsonNode schemaNode = JSON.readTree(CONTENT.resolve("schemas").resolve(SCHEMA + ".schema.json").toFile());
        assertEquals(schemaNode, JSON.readTree(site.resolve(latest).resolve("_schemas").resolve(SCHEMA + ".json").toFile()),
                "the page checks against the schema the build used");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);

        open(CONFIG_PAGE);
        openPanel(0, "json");
        Map<String, Boolean> docs = documents();
        assertTrue(docs.size() >= 10);
        List<String> disagreements = new ArrayList<>(), wrong = new ArrayList<>();
        for (Map.Entry<String, Boolean> d : docs.entrySet()) {
            boolean build = buildVerdict(schema, d.getKey());
            Object page = js("return window.docsiteLive.check(arguments[0], arguments[1]).valid", d.getKey(), SCHEMA);
            if (!Boolean.valueOf(build).equals(page)) disagreements.add("build " + build + ", page " + page + ": " + d.getKey());
            if (build != d.getValue()) wrong.add("expected " + d.getValue() + ": " + d.getKey());
        }
        assertEquals(List.of(), disagreements, "documents the build and the page judge differently");
        assertEquals(List.of(), wrong, "documents both judge against expectation");
    }

    // ---- weight -----------------------------------------------------------------------------------------

    @Test
    void pagesWithoutLiveExamplesLoadNoMoreCssOrJavaScriptThanBefore() throws IOException {
        open("admin/prerequisites.html");
        assertEquals(0L, js("return document.querySelectorAll('.live-tools').length"), "the page has no live example");
        Map<String, Long> loaded = cssAndJs();
        assertEquals(List.of("_/docsite.css", "_/docsite.js"), loaded.keySet().stream().sorted().toList(), "only the site's own CSS and JS");
        long total = loaded.values().stream().mapToLong(Long::longValue).sum();
        long files = Files.size(Path.of("templates/assets/docsite.css")) + Files.size(Path.of("templates/assets/docsite.js"));
        assertEquals(files, total, "the page loads the shared files as they are");
        // The live feature's code lives in its own files only: the shared ones every page loads carry none of it.
        String shared = Files.readString(Path.of("templates/assets/docsite.css")) + Files.readString(Path.of("templates/assets/docsite.js"));
        for (String marker : List.of("live-tools", "live-editor", "json-schema", "Try it", "Paste a response"))
            assertFalse(shared.contains(marker), "docsite.css/js carry live-example code: " + marker);

        // A page with one loads the small hook and its style up front, and the rest on first use.
        open(CONFIG_PAGE);
        assertEquals(List.of("_/docsite.css", "_/docsite.js", "_/live.css", "_/live.js"), cssAndJs().keySet().stream().sorted().toList());
        openPanel(0, "json");
        Map<String, Long> after = cssAndJs();
        assertTrue(after.keySet().containsAll(List.of("_/live-editor.js", "vendor/json-schema.min.js", "_schemas/" + SCHEMA + ".js")), after.toString());
        System.out.println("live examples, bytes loaded: " + after);
    }

    // ---- accessible and still ----------------------------------------------------------------------------

    @Test
    void openPanelsPassTheAccessibilityCheckAndThePageDoesNotShiftWhileLoading() throws IOException {
        open(CONFIG_PAGE);
        Object shift = ((JavascriptExecutor) chromium.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1], total = 0;"
                + "new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (!e.hadRecentInput) total += e.value; }); })"
                + ".observe({ type: 'layout-shift', buffered: true });"
                + "setTimeout(function () { done(total); }, 300);");
        assertTrue(((Number) shift).doubleValue() < 0.001, "layout shift while the page loads: " + shift);

        WebElement panel = openPanel(0, "json");
        replaceText(panel.findElement(By.cssSelector("textarea")), "{\n  \"IntuneSettings\": {\"Enable\": 1}\n}");
        waitFor(d -> status(panel).contains("problem"));
        for (String scheme : List.of("light", "dark")) {
            chromium.colorScheme(scheme);
            assertEquals(List.of(), Axe.seriousViolations(chromium.driver), scheme + " " + CONFIG_PAGE + " with Try it open");
        }
        chromium.colorScheme("light");
        open(TROUBLESHOOT_PAGE);
        WebElement paste = openPanel(0, "response");
        paste.findElement(By.cssSelector("textarea")).sendKeys("ent.intune.validate_token.token_expired.app_error");
        waitFor(d -> !paste.findElements(By.cssSelector(".live-entry")).isEmpty());
        for (String scheme : List.of("light", "dark")) {
            chromium.colorScheme(scheme);
            assertEquals(List.of(), Axe.seriousViolations(chromium.driver), scheme + " " + TROUBLESHOOT_PAGE + " with Paste a response open");
        }
    }

    void screenshots(String name, WebElement panel) throws IOException {
        js("arguments[0].scrollIntoView({block: 'center'})", panel);
        chromium.screenshot(SCREENSHOTS.resolve(name + "-1280.png"), false);
        chromium.viewport(390, 844);
        try {
            js("arguments[0].scrollIntoView({block: 'center'})", panel);
            long scroll = (Long) js("return document.documentElement.scrollWidth");
            assertTrue(scroll <= 390, "no sideways scrolling at 390 px: " + scroll);
            chromium.screenshot(SCREENSHOTS.resolve(name + "-390.png"), false);
        } finally {
            chromium.viewport(0, 0);
        }
    }
}
