package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.TestSite;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** End-to-end builds of a small site through the real command line. */
class SiteBuildTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test void buildsEveryVersionWithNavigationRedirectsAndMetadata(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());

        // since/until: the 2.0-only page is missing from 1.0; ifeval sees the version being built.
        assertTrue(Files.exists(t.out.resolve("2.0/admin/new-thing.html")));
        assertFalse(Files.exists(t.out.resolve("1.0/admin/new-thing.html")));
        assertTrue(t.read("1.0/admin/setup.html").contains("Only in one-point-oh."));
        assertFalse(t.read("2.0/admin/setup.html").contains("Only in one-point-oh."));

        // xrefs resolve to relative URLs of the same version.
        Document setup = Jsoup.parse(t.read("2.0/admin/setup.html"));
        assertEquals("../end-user/start.html#sign-in", setup.selectFirst("article a[href*=start]").attr("href"));
        assertEquals("Set up", setup.selectFirst("article h1").text());
        assertNotNull(setup.selectFirst("a.edit-link[href=https://example.com/edit/pages/admin/setup.yaml]"));
        assertNotNull(setup.selectFirst("nav.breadcrumbs"));
        assertNotNull(setup.selectFirst("aside.toc a[href=#before-you-begin]"));
        assertEquals("Troubleshoot", setup.selectFirst(".prev-next a.next").ownText().trim());
        assertNotNull(setup.selectFirst("a[aria-current=page][href=../admin/setup.html]"), "current page marked in the navigation");

        // Every page of a version is reachable by following links from its home page.
        for (String v : new String[]{"1.0", "2.0"}) {
            Set<String> reached = crawl(t.out.resolve(v));
            try (Stream<Path> s = Files.walk(t.out.resolve(v))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".html")).toList()) {
                    String rel = t.out.resolve(v).relativize(p).toString();
                    if (rel.equals("admin/install.html")) continue; // an alias redirect: reached by old links only
                    assertTrue(reached.contains(rel), rel + " is not reachable from the home page of " + v);
                }
            }
        }

        // Landing pages per audience list their pages with summaries; home introduces the audiences.
        Document admin = Jsoup.parse(t.read("2.0/admin/index.html"));
        assertEquals(3, admin.select("ol.page-list > li").size());
        assertTrue(admin.text().contains("How to set it up."));
        assertEquals(3, Jsoup.parse(t.read("2.0/index.html")).select(".cards .card").size());

        // Version switcher keeps the page; for a page missing in the other version it goes to the audience landing.
        Document newThing = Jsoup.parse(t.read("2.0/admin/new-thing.html"));
        assertEquals("../../1.0/admin/index.html", newThing.selectFirst("select[data-version-switcher] option:contains(1.0)").attr("value"));
        assertEquals("../../1.0/admin/setup.html", setup.selectFirst("select[data-version-switcher] option:contains(1.0)").attr("value"));
        assertTrue(t.read("1.0/admin/setup.html").contains("old-version-banner"));
        assertFalse(t.read("2.0/admin/setup.html").contains("old-version-banner"));

        // Alias redirect, top-level redirect, versions.json, sitemap, 404, assets.
        assertTrue(t.read("2.0/admin/install.html").contains("url=setup.html"));
        assertTrue(t.read("index.html").contains("url=2.0/index.html"));
        JsonNode versions = JSON.readTree(t.read("versions.json"));
        assertEquals("2.0", versions.get("latest").asText());
        assertEquals(2, versions.get("versions").size());
        String sitemap = t.read("sitemap.xml");
        assertTrue(sitemap.contains("<loc>https://docs.example.com/test/2.0/admin/setup.html</loc>"));
        assertFalse(sitemap.contains("1.0/admin/new-thing.html"));
        assertTrue(Files.exists(t.out.resolve("404.html")));
        assertTrue(Files.exists(t.out.resolve("_/docsite.css")));
        // The 404 page is served at any depth: its links start from base_url's path through <base>.
        Document notFound = Jsoup.parse(t.read("404.html"));
        assertEquals("/test/", notFound.selectFirst("base").attr("href"));
        assertEquals("_/docsite.css", notFound.selectFirst("link[rel=stylesheet]").attr("href").replaceAll("\\?.*", ""));
        assertEquals("2.0/index.html", notFound.selectFirst("header a.site-title").attr("href"));
        // Favicon: a theme asset every page links; versions: a plain HTML page, linked from every footer and the switcher.
        assertTrue(Files.exists(t.out.resolve("_/favicon.svg")));
        assertEquals("../../_/favicon.svg", setup.selectFirst("link[rel=icon]").attr("href").replaceAll("\\?.*", ""));
        Document versionsPage = Jsoup.parse(t.read("versions.html"));
        assertEquals(List.of("2.0/index.html", "1.0/index.html"), versionsPage.select("ul.version-list a").eachAttr("href"));
        assertEquals("../../versions.html", setup.selectFirst("footer a:contains(all versions)").attr("href"));
        assertEquals("../../versions.html", setup.selectFirst("select[data-version-switcher] option:contains(All versions)").attr("value"));

        // Error catalog: table, live response, user message and errors.json.
        Document ts = Jsoup.parse(t.read("2.0/admin/troubleshoot.html"));
        assertEquals(2, ts.select(".error-table .error-entry").size());
        assertNotNull(ts.selectFirst("section#err-ent-test-token_expired-app_error"));
        assertTrue(ts.selectFirst(".error-response").text().contains("HTTP/1.1 400 Bad Request"));
        Document start = Jsoup.parse(t.read("2.0/end-user/start.html"));
        assertEquals("../admin/troubleshoot.html#err-ent-test-token_expired-app_error", start.selectFirst("a.error-ref").attr("href"));
        assertTrue(start.selectFirst(".user-message").text().contains("Your session has expired. Please sign in again."));
        JsonNode errors = JSON.readTree(t.read("2.0/errors.json"));
        assertEquals(2, errors.get("errors").size());
        assertEquals(501, errors.get("errors").get(1).get("http").asInt());
    }

    /** Pages reached from index.html by following links inside the version folder. */
    static Set<String> crawl(Path versionDir) throws Exception {
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of("index.html"));
        while (!todo.isEmpty()) {
            String rel = todo.poll();
            if (!seen.add(rel)) continue;
            Path file = versionDir.resolve(rel);
            if (!Files.exists(file)) continue;
            for (Element a : Jsoup.parse(file.toFile(), "UTF-8", "http://x/" + rel).select("a[href]")) {
                String abs = a.absUrl("href");
                if (!abs.startsWith("http://x/")) continue;
                String target = abs.substring("http://x/".length()).replaceAll("#.*", "");
                if (target.endsWith(".html")) todo.add(target);
            }
        }
        return seen;
    }

    @Test void aVersionWithARefIsBuiltFromGitWithoutTouchingTheWorkTree(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("site.yaml", t.content.resolve("site.yaml").toFile().exists()
                ? Files.readString(t.content.resolve("site.yaml")).replace("  - name: \"1.0\"\n", "  - name: \"1.0\"\n    ref: release-1.0\n") : "");
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("== Sign in", "== Sign in (old wording)"));
            git.add().addFilepattern("content").call();
            git.commit().setMessage("1.0").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
            git.tag().setName("release-1.0").setAnnotated(false).call();
            t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace(" (old wording)", " now"));
            Map<String, String> before = TestSite.snapshot(t.content);
            TestSite.Run r = t.run("build");
            assertEquals(0, r.exit(), r.err());
            assertTrue(t.read("1.0/end-user/start.html").contains("Sign in (old wording)"));
            assertTrue(t.read("2.0/end-user/start.html").contains("Sign in now"));
            assertEquals(before, TestSite.snapshot(t.content), "building from a ref must not touch the work tree");
            assertTrue(git.status().call().getModified().contains("content/pages/end-user/start.yaml"), "the edit is still uncommitted");
            // last-updated comes from git history for committed pages
            assertTrue(t.read("1.0/admin/setup.html").contains("Last updated"));
        }
    }

    @Test void anUnknownRefIsReportedNotThrown(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("content").call();
            git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
        }
        t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("  - name: \"1.0\"\n", "  - name: \"1.0\"\n    ref: no-such-tag\n"));
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("unknown git revision 'no-such-tag'"), r.err());
    }

    @Test void asciidoctorWarningsAreReportedAtTheYamlLine(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        // The body starts at YAML line 12; its 3rd line names a missing attribute -> YAML line 14.
        t.write("pages/admin/warn.yaml", """
                # A page whose body starts further down.
                title: Warn
                audience: admin
                summary: Has a warning.
                order: 99
                # padding
                # padding
                # padding
                # padding
                # padding
                body: |
                  == First
                  Some text.
                  Version {no-such-attribute} here.
                  More text.
                """);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*pages/admin/warn\\.yaml:14: warning asciidoc/warning: skipping reference to missing attribute: no-such-attribute.*\\[versions 2\\.0, 1\\.0].*"), "got: " + r.err());
    }

    @Test void liveExamplesAreValidatedAgainstTheirSchema(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/setup.yaml", """
                title: Set up
                audience: admin
                summary: How.
                body: |
                  == Before you begin
                  [source,json,role=live,schema=cfg]
                  ----
                  {"Enable": "yes"}
                  ----
                """);
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("pages/admin/setup.yaml:8: error live-example/schema: live example does not match schema 'cfg'"), r.err());
    }

    @Test void unknownErrorIdsAndIncludesOutsideContentAreErrors(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        t.write("snippets/note.adoc", "Shared snippet text.");
        t.write("pages/admin/setup.yaml", """
                title: Set up <script>alert(1)</script>
                audience: admin
                summary: How.
                body: |
                  == Before you begin
                  include::../../snippets/note.adoc[]

                  include::../../../secret.txt[]

                  See error:ent.test.token_expird.app_error[].
                """);
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("setup.yaml:8: error security/outside-content: include of '../../../secret.txt' refused"), r.err());
        assertTrue(r.err().contains("setup.yaml:10: error error-ref/unknown-id: error: names unknown error id 'ent.test.token_expird.app_error' in version"), r.err());
        assertTrue(r.err().contains("did you mean 'ent.test.token_expired.app_error'"), r.err());

        t.write("pages/admin/setup.yaml", Files.readString(t.content.resolve("pages/admin/setup.yaml"))
                .replace("include::../../../secret.txt[]", "").replace("token_expird", "token_expired"));
        r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        String html = t.read("2.0/admin/setup.html");
        assertTrue(html.contains("Shared snippet text."));
        assertFalse(html.contains("<script>alert(1)</script>"), "titles are escaped by the templates");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
