package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a build writes for live examples: the controls, per-version schemas and catalog scripts, and the loader only where needed. */
class LiveExampleFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveControlsAndTheirDataAreWrittenOnlyWhereTheyAreUsed(@TempDir Path tmp) throws IOException {
        TestSite t = TestSite.valid(tmp);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        Path v = t.out.resolve("2.0");

        // The schema the build validated with, as JSON and as a script setting a global (file:// cannot fetch JSON).
        JsonNode schema = JSON.readTree(t.content.resolve("schemas/cfg.schema.json").toFile());
        assertEquals(schema, JSON.readTree(v.resolve("_schemas/cfg.json").toFile()));
        String js = Files.readString(v.resolve("_schemas/cfg.js"));
        assertTrue(js.startsWith("(window.docsiteSchemas=window.docsiteSchemas||{})[\"cfg\"]="), js);
        assertEquals(schema, JSON.readTree(js.substring(js.indexOf("]=") + 2, js.lastIndexOf(';'))));
        String errors = Files.readString(v.resolve("errors.js"));
        assertTrue(errors.startsWith("window.docsiteErrors="), errors.substring(0, 40));
        assertEquals(JSON.readTree(v.resolve("errors.json").toFile()), JSON.readTree(errors.substring("window.docsiteErrors=".length(), errors.lastIndexOf(';'))));

        // "Try it" right after the live listing, naming its schema; the page loads the loader and its style.
        Document setup = Jsoup.parse(v.resolve("admin/setup.html").toFile());
        var tools = setup.selectFirst(".listingblock.live + .live-tools[data-live=json]");
        assertNotNull(tools, "Try it follows the live example");
        assertEquals("cfg", tools.attr("data-live-schema"));
        assertEquals("Try it", tools.selectFirst("button.live-open").text());
        assertNotNull(setup.selectFirst("head script[src*=live.js][data-root=../][data-version=2.0]"));
        assertNotNull(setup.selectFirst("head link[href*=live.css]"));

        // "Paste a response" under the generated response, outside the example itself.
        Document trouble = Jsoup.parse(v.resolve("admin/troubleshoot.html").toFile());
        assertNotNull(trouble.selectFirst(".error-response + .live-tools[data-live=response] button.live-open"));
        assertFalse(trouble.selectFirst(".error-response").text().contains("Paste"), "the example's text is the response alone");

        // A page with neither loads nothing of it, and the search index does not index the controls.
        Document start = Jsoup.parse(v.resolve("end-user/start.html").toFile());
        assertNull(start.selectFirst(".live-tools"));
        assertNull(start.selectFirst("script[src*=live], link[href*=live]"), "no live assets on a page without live examples");
        try (var files = Files.list(v.resolve("_search/p"))) {
            for (Path f : files.toList()) assertFalse(Files.readString(f).contains("Try it"), f.toString());
        }
    }
}
