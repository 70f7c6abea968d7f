package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import dev.docsite.catalog.ErrorHtml;
import dev.docsite.site.BuildResult;
import dev.docsite.report.Finding;
import dev.docsite.rules.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Catalog text comes from content, which may come from a stranger's pull request: markup in it is shown as
 * text on every page that shows it (tables, user messages, HTTP responses, links), and the data files the
 * browser reads (search index, errors.json) are only ever inserted as text.
 */
class CatalogEscapingTest {
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    static final String CAUSE = "Token older than " + MARKUP + " allowed.";

    @TempDir static Path dir;
    static Path out;
    static BuildResult built;

    @BeforeAll
    static void build() throws Exception {
        Path content = Fixture.clean(dir);
        Fixture.edit(content, "errors/sign-in.yaml", "cause: The token was past its expiry time when the server checked it.",
                "cause: \"" + CAUSE + "\"");
        Fixture.edit(content, "errors/sign-in.yaml", "scenario: The access token has expired",
                "scenario: \"Expired <script>alert(2)</script> token\"");
        Fixture.edit(content, "errors/sign-in.yaml", "resolution: Sign in again; if it repeats, check the device clock.",
                "resolution: \"Sign in <b onmouseover=alert(3)>again</b> & \\\"quote\\\" 'it'.\"");
        Fixture.edit(content, "errors/sign-in.yaml", "user_title: Enrollment Required", "user_title: \"Enrollment <svg onload=alert(4)>\"");
        Fixture.edit(content, "errors/sign-in.yaml", "title: Sign-in errors", "title: \"Sign-in <iframe src=x></iframe> errors\"");
        out = dir.resolve("site");
        built = Fixture.build(content, out);
        List<Finding> errors = built.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(List.of(), errors, "the content with markup must still build");
    }

    static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void noWrittenPageHasAnElementOrHandlerFromCatalogText() throws Exception {
        List<Path> pages = files(".html");
        assertTrue(pages.size() > 5);
        for (Path p : pages) {
            Document doc = Jsoup.parse(Files.readString(p));
            String where = out.relativize(p).toString();
            assertTrue(doc.select("img[src=x], iframe, svg[onload], b[onmouseover]").isEmpty(), where + " has an element from catalog text");
            for (Element e : doc.getAllElements())
                for (var a : e.attributes()) assertFalse(a.getKey().startsWith("on"), where + " has an event handler attribute: " + e);
            for (Element s : doc.select("script:not([src])"))
                assertFalse(s.data().contains("alert("), where + " runs catalog text as a script");
        }
    }

    @Test
    void theMarkupIsShownAsTextWhereTheCatalogIsShown() throws Exception {
        Document admin = Jsoup.parse(Files.readString(out.resolve("2.0/admin/troubleshoot.html")));
        Element row = admin.selectFirst("#err-api-user-login-token_expired-app_error");
        assertTrue(row.text().contains(CAUSE), row.text());
        assertTrue(row.text().contains("Expired <script>alert(2)</script> token"), row.text());
        assertTrue(row.text().contains("Sign in <b onmouseover=alert(3)>again</b> & \"quote\" 'it'."), row.text());
        assertTrue(admin.select(".error-reference-title, caption").text().contains("Sign-in <iframe src=x></iframe> errors"));
        Document user = Jsoup.parse(Files.readString(out.resolve("2.0/end-user/messages.html")));
        Element alert = user.selectFirst("figure.user-message .app-alert");
        assertEquals("Enrollment <svg onload=alert(4)>", alert.selectFirst(".app-alert-title").text());
        assertTrue(alert.attr("aria-label").contains("Enrollment <svg onload=alert(4)>"), alert.attr("aria-label"));
    }

    @Test
    void theDataFilesCarryTheTextAsData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode errors = json.readTree(out.resolve("2.0/errors.json").toFile());
        boolean found = false;
        for (JsonNode e : errors.get("errors")) found |= CAUSE.equals(e.path("cause").asText());
        assertTrue(found, "errors.json keeps the cause as written");
        // The search index is loaded with <script src> (docsiteSearch("name", {...});): every file must parse
        // as that call around JSON, so the catalog text stays inside JSON string literals.
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(out.resolve("2.0/_search"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".js")).toList()) {
                String script = Files.readString(f);
                assertTrue(script.startsWith("docsiteSearch(\"") && script.strip().endsWith(");"), f + " is not one docsiteSearch call");
                all.append(json.readTree(script.substring(script.indexOf(',') + 1, script.lastIndexOf(')'))).toString());
            }
        }
        assertTrue(all.toString().contains("Token older than"), "the search index has the cause");
        assertTrue(all.toString().contains("onerror=alert(1)"));
    }

    /** The browser side builds results and filters from the index with text nodes only: no HTML sink in the script. */
    @Test
    void theBrowserScriptInsertsTextNotHtml() throws Exception {
        String js = Files.readString(Fixture.TEMPLATES.resolve("assets/docsite.js"));
        Matcher sink = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser|\\.srcdoc").matcher(js);
        List<String> sinks = new ArrayList<>();
        while (sink.find()) sinks.add(sink.group());
        assertEquals(List.of(), sinks, "docsite.js must insert search and catalog data as text (textContent, createTextNode)");
        assertTrue(js.contains("textContent"));
    }

    @Test
    void escapeCoversEveryCharacterThatEndsTextOrAnAttribute() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", ErrorHtml.esc("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("", ErrorHtml.esc(null));
        assertEquals("plain text, 100% ok", ErrorHtml.esc("plain text, 100% ok"));
    }
}
