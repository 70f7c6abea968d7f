package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files beside the pages, read back from a real build of the fixture: errors.json, versions.json, sitemap, robots. */
class SiteFilesTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode entry(JsonNode errors, String id) {
        for (JsonNode e : errors.path("errors")) if (e.path("id").asText().equals(id)) return e;
        return null;
    }

    static List<String> fields(JsonNode e) {
        List<String> out = new ArrayList<>();
        e.fieldNames().forEachRemaining(out::add);
        return out.stream().sorted().toList();
    }

    @Test void errorsJsonHoldsEachEntryOfTheVersionWithTheFieldsItHas() throws Exception {
        Path out = dir.resolve("site");
        Fixture.build(Fixture.clean(dir), out);
        JsonNode v2 = JSON.readTree(out.resolve("2.0/errors.json").toFile()), v1 = JSON.readTree(out.resolve("1.0/errors.json").toFile());
        assertEquals("2.0", v2.path("version").asText());

        JsonNode expired = entry(v2, "api.user.login.token_expired.app_error");
        assertEquals(List.of("anchor", "catalog", "cause", "fallback", "http", "id", "layer", "resolution", "retry", "scenario", "silent", "url",
                "user_action", "user_meaning", "user_message"), fields(expired));
        assertEquals("sign-in", expired.path("catalog").asText());
        assertEquals(400, expired.path("http").asInt());
        assertEquals("Sign in again.", expired.path("user_action").asText());
        assertEquals("once", expired.path("retry").asText());
        assertEquals("admin/troubleshoot.html#" + expired.path("anchor").asText(), expired.path("url").asText(), "the admin table");

        JsonNode notConfigured = entry(v2, "api.user.login.not_configured.app_error");
        assertEquals(List.of("anchor", "catalog", "cause", "fallback", "http", "id", "layer", "resolution", "retry", "scenario", "silent", "url",
                "user_message"), fields(notConfigured), "no meaning or action written: none in the file");
        assertEquals("web-sso", notConfigured.path("fallback").asText());

        JsonNode enrollment = entry(v2, "app.enrollment_required");
        assertEquals("Enrollment Required", enrollment.path("user_title").asText());
        assertEquals("your organization's name", enrollment.path("placeholders").path("organization").asText());
        assertEquals("mobile", enrollment.path("layer").asText());
        assertFalse(enrollment.has("http"), "a mobile error has no HTTP status");

        assertEquals(null, entry(v2, "ent.login.legacy_token.app_error"), "retired before 2.0");
        assertTrue(entry(v1, "ent.login.legacy_token.app_error") != null);
        String js = Files.readString(out.resolve("2.0/" + SiteFiles.LIVE_ERRORS_JS));
        assertEquals(v2, JSON.readTree(js.substring("window.docsiteErrors=".length(), js.lastIndexOf(';'))));
    }

    @Test void versionsSitemapAndRobotsNameEveryVersionWithTheLatestFirst() throws Exception {
        Path out = dir.resolve("site");
        Path c = Fixture.clean(dir);
        Fixture.write(c, "site.yaml", Fixture.SITE.replace("title: Fixture site", "title: Fixture site\nbase_url: https://docs.example.com/a&b/"));
        Fixture.build(c, out);
        JsonNode versions = JSON.readTree(out.resolve("versions.json").toFile());
        assertEquals("2.0", versions.path("latest").asText());
        assertEquals("[{\"latest\":true,\"name\":\"2.0\",\"url\":\"2.0/index.html\"},{\"latest\":false,\"name\":\"1.0\",\"url\":\"1.0/index.html\"}]",
                JSON.writeValueAsString(versions.path("versions")));
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<url><loc>https://docs.example.com/a&amp;b/2.0/index.html</loc><priority>0.8</priority></url>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://docs.example.com/a&amp;b/1.0/admin/troubleshoot.html</loc>"), sitemap);
        assertTrue(sitemap.contains("<url><loc>https://docs.example.com/a&amp;b/1.0/index.html</loc><priority>0.3</priority></url>"), sitemap);
        assertEquals("User-agent: *\nAllow: /\nSitemap: https://docs.example.com/a&b/sitemap.xml\n", Files.readString(out.resolve("robots.txt")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("2.0/index.html"));
    }

    @Test void withoutABaseUrlRobotsNamesNoSitemap() throws Exception {
        Path out = dir.resolve("site");
        Fixture.build(Fixture.clean(dir), out);
        assertEquals("User-agent: *\nAllow: /\n", Files.readString(out.resolve("robots.txt")));
        assertTrue(Files.readString(out.resolve("sitemap.xml")).contains("<loc>2.0/index.html</loc>"));
    }
}
