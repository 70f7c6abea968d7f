package dev.docsite.site;

import dev.docsite.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sections (folders under an audience) in a real build: landing pages, navigation, breadcrumbs, reading order, versions. */
class SectionsTest {

    /** The valid test site with admin/setup moved into a section "install" (with a section file) and a second section without one. */
    static TestSite withSections(Path tmp) throws IOException {
        TestSite t = TestSite.valid(tmp);
        Path old = t.content.resolve("pages/admin/setup.yaml");
        String setup = Files.readString(old).replace("aliases: [admin/install]", "aliases: [admin/install, admin/setup]");
        Files.delete(old);
        t.write("pages/admin/install/setup.yaml", setup);
        t.write("pages/admin/install/_section.yaml", "title: Installation\nsummary: Getting it running.\norder: 5\n");
        t.write("pages/admin/install/check.yaml", "title: Check\naudience: admin\nsummary: Check it works.\norder: 20\nbody: |\n  == Checks\n  Text.\n");
        t.write("pages/admin/day-two/backup.yaml", "title: Backups\naudience: admin\nsummary: Keep copies.\nsince: \"2.0\"\nbody: |\n  == How\n  Text.\n");
        t.write("pages/decision-maker/why.yaml", Files.readString(t.content.resolve("pages/decision-maker/why.yaml"))
                .replace("xref:admin/setup.adoc", "xref:admin/install/setup.adoc"));
        return t;
    }

    static Document html(Path f) throws IOException { return Jsoup.parse(f.toFile()); }

    @Test
    void sectionsGetLandingPagesNavigationBreadcrumbsAndReadingOrder(@TempDir Path tmp) throws IOException {
        TestSite t = withSections(tmp);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        Path v = t.out.resolve("2.0");

        Document landing = html(v.resolve("admin/install/index.html"));
        assertEquals("Installation", landing.selectFirst("h1").text());
        assertEquals("Getting it running.", landing.selectFirst("p.lead").text());
        assertEquals(List.of("Set up", "Check"), landing.select(".page-list h2").eachText(), "pages in their order (10, 20)");
        assertEquals(List.of("Test Docs", "Admins"), landing.select(".breadcrumbs a").eachText());
        assertNotNull(landing.selectFirst("a[aria-current=page][data-page=admin/install/index]"));

        Document audience = html(v.resolve("admin/index.html"));
        assertEquals(List.of("Installation", "Troubleshoot", "New thing", "Day two"), audience.select(".page-list h2").eachText(),
                "top-level pages and sections by order (5, 20, 30, default 1000); a folder without a section file is titled after its name");
        assertEquals("Section · 2 pages", audience.selectFirst(".page-list-section .page-list-count").text());

        Document page = html(v.resolve("admin/install/check.html"));
        assertEquals(List.of("Test Docs", "Admins", "Installation"), page.select(".breadcrumbs a").eachText());
        assertEquals("index.html", page.select(".breadcrumbs a").get(2).attr("href"));
        Element open = page.selectFirst(".site-nav details[data-section=admin/install]");
        assertTrue(open.hasAttr("open"), "the current page's section is open");
        assertEquals(List.of("Overview", "Set up", "Check"), open.select("a").eachText());
        Element closed = page.selectFirst(".site-nav details[data-section=admin/day-two]");
        assertFalse(closed.hasAttr("open"));
        assertEquals(List.of("Overview"), closed.select("a").eachText(), "a closed section links to its landing page only");
        assertEquals("../../admin/day-two/index.html", closed.selectFirst("a").attr("href"), "navigation links go through the version root");
        assertNotNull(page.selectFirst(".site-nav a[aria-current=page][data-page=admin/install/check]"));
        // Reading order: the section's pages in order, then the next top-level item.
        assertEquals("setup.html", page.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("../troubleshoot.html", page.selectFirst("a[rel=next]").attr("href"));
        assertEquals("new-thing.html", html(v.resolve("admin/troubleshoot.html")).selectFirst("a[rel=next]").attr("href"));
        assertEquals("day-two/backup.html", html(v.resolve("admin/new-thing.html")).selectFirst("a[rel=next]").attr("href"));

        // The old id redirects; xrefs to the new id resolve.
        assertTrue(Files.readString(v.resolve("admin/setup.html")).contains("url=install/setup.html"));
        assertTrue(html(v.resolve("decision-maker/why.html")).select("a[href*=install/setup.html#before-you-begin]").size() == 1);
    }

    @Test
    void aSectionMissingFromAVersionIsNotWrittenThereAndTheSwitcherGoesToItsParent(@TempDir Path tmp) throws IOException {
        TestSite t = withSections(tmp);
        assertEquals(0, t.run("build").exit());
        assertTrue(Files.exists(t.out.resolve("2.0/admin/day-two/index.html")));
        assertFalse(Files.exists(t.out.resolve("1.0/admin/day-two/index.html")), "backup is new in 2.0: 1.0 has no such section");
        Document landing = html(t.out.resolve("2.0/admin/day-two/index.html"));
        List<String> options = landing.select("select[data-version-switcher] option").eachAttr("value");
        // One option per version, then the list of all versions.
        assertEquals(List.of("../../../2.0/admin/day-two/index.html", "../../../1.0/admin/index.html", "../../../versions.html"), options);
        assertNull(html(t.out.resolve("1.0/admin/install/check.html")).selectFirst(".site-nav details[data-section=admin/day-two]"));
    }

    @Test
    void aSectionFileIsCheckedLikeAPage(@TempDir Path tmp) throws IOException {
        TestSite t = withSections(tmp);
        t.write("pages/admin/install/_section.yaml", "title: Installation\nsumary: Getting it running.\norder: first\n");
        t.write("pages/admin/_section.yaml", "title: Misplaced\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit());
        String file = t.content.resolve("pages/admin/install/_section.yaml").toString();
        assertTrue(r.err().contains(file + ":2:1: error content/unknown-key: unknown key 'sumary' in a section"), r.err());
        assertTrue(r.err().contains("did you mean 'summary'"), r.err());
        assertTrue(r.err().contains(file + ":3:"), "order must be a number: " + r.err());
        assertTrue(r.err().contains(t.content.resolve("pages/admin/_section.yaml") + ":1:1: error content/field-value: a section file belongs in a folder under an audience folder"), r.err());
    }
}
