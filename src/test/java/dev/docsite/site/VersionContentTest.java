package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.content.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One version's view of the content: its pages, where its version switcher leads, which page holds each catalog's table. */
class VersionContentTest {
    @TempDir Path dir;

    static String page(String title, String audience, String extra) {
        return "title: " + title + "\naudience: " + audience + "\nsummary: S.\n" + extra + "body: |\n  Text.\n";
    }

    ContentSet content() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "pages/admin/new.yaml", page("New", "admin", "since: \"2.0\"\naliases: [admin/old]\n"));
        Fixture.write(c, "pages/admin/setup/install.yaml", page("Install", "admin", "since: \"2.0\"\n"));
        Fixture.write(c, "pages/end-user/fresh.yaml", page("Fresh", "end-user", "since: \"2.0\"\n"));
        Fixture.edit(c, "pages/end-user/messages.yaml", "summary: What the app's messages mean.", "summary: What the app's messages mean.\nsince: \"2.0\"");
        return ContentLoader.load(new DirectorySource(c));
    }

    @Test void theSwitcherLeadsToThePageItsSuccessorItsAudienceOrTheHome() throws Exception {
        ContentSet set = content();
        VersionContent v2 = VersionContent.of(set.config(), set, "2.0"), v1 = VersionContent.of(set.config(), set, "1.0");
        assertTrue(v2.latest());
        assertFalse(v1.latest());
        assertEquals("admin/troubleshoot.html", v1.switchTarget("admin/troubleshoot.html", "admin/troubleshoot", "admin"), "the same page");
        assertEquals("admin/new.html", v2.switchTarget("admin/old.html", "admin/old", "admin"), "the page that took the id over");
        assertEquals("admin/index.html", v1.switchTarget("admin/new.html", "admin/new", "admin"), "the audience's landing page");
        assertEquals("index.html", v1.switchTarget("end-user/fresh.html", "end-user/fresh", "end-user"), "1.0 has no end-user page");
        assertEquals("admin/setup/index.html", v2.switchTarget("admin/setup/index.html", null, "admin"));
        assertEquals("admin/index.html", v1.switchTarget("admin/setup/index.html", null, "admin"), "the nearest section this version has");
        assertEquals("admin/index.html", v1.switchTarget("admin/index.html", null, "admin"));
        assertEquals("index.html", v1.switchTarget("index.html", null, null));
        assertTrue(v2.aliasTarget("admin/old").isPresent());
        assertTrue(v1.aliasTarget("admin/old").isEmpty());
    }

    @Test void pagesAreFilteredByVersionAndOrderedPerAudience() throws Exception {
        ContentSet set = content();
        VersionContent v2 = VersionContent.of(set.config(), set, "2.0"), v1 = VersionContent.of(set.config(), set, "1.0");
        // By audience, order, then title: Install, New, Troubleshoot sign-in.
        assertEquals(List.of("admin/setup/install", "admin/new", "admin/troubleshoot", "end-user/fresh", "end-user/messages"),
                v2.pages().stream().map(Page::id).toList());
        assertEquals(List.of("admin/troubleshoot"), v1.pages().stream().map(Page::id).toList());
        // Reading order: New, then the section Setup, then Troubleshoot sign-in.
        assertEquals(List.of("admin/new", "admin/setup/install", "admin/troubleshoot"), v2.pagesOf("admin").stream().map(Page::id).toList());
        assertEquals(List.of(), v1.pagesOf("end-user"));
        assertTrue(v2.page("admin/new").isPresent());
        assertTrue(v1.page("admin/new").isEmpty());
    }

    @Test void aCatalogsLinksGoToItsAdminTableFirst() throws Exception {
        ContentSet set = content();
        assertEquals(Map.of("sign-in", "admin/troubleshoot", "config", "admin/troubleshoot"),
                VersionContent.of(set.config(), set, "2.0").input().tablePageByCatalog());
        Path c = dir.resolve("content");
        Fixture.edit(c, "pages/admin/troubleshoot.yaml", "error-table::sign-in[audience=admin]", "No table here.");
        ContentSet edited = ContentLoader.load(new DirectorySource(c));
        assertEquals(Map.of("sign-in", "end-user/messages", "config", "admin/troubleshoot"),
                VersionContent.of(edited.config(), edited, "2.0").input().tablePageByCatalog(), "an end-user table when there is no other");
        assertEquals(Map.of("config", "admin/troubleshoot"), VersionContent.of(edited.config(), edited, "1.0").input().tablePageByCatalog());
    }
}
