package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What serve rewrites after an edit ({@link Outputs#changed}), from two real renders of a real content
 * folder, before and after the edit. Pages have explicit orders, so a new title never moves a page.
 */
class OutputsTest {
    @TempDir Path dir;
    Path c;
    SiteBuilder builder;
    BuildResult before;

    static final String INTRO = "pages/admin/intro.yaml", INSTALL = "pages/admin/setup/install.yaml", CONFIGURE = "pages/admin/setup/configure.yaml",
            FAQ = "pages/admin/faq.yaml", START = "pages/end-user/start.yaml", SECTION = "pages/admin/setup/_section.yaml";

    static String page(String title, String audience, int order, String extra) {
        return "title: " + title + "\naudience: " + audience + "\nsummary: About " + title + ".\norder: " + order + "\n" + extra
                + "body: |\n  == " + title + " details\n\n  Text of " + title + ".\n";
    }

    @BeforeEach void site() throws Exception {
        c = dir.resolve("content");
        Fixture.write(c, "site.yaml", Fixture.SITE);
        Fixture.write(c, INTRO, page("Intro", "admin", 1, ""));
        Fixture.write(c, SECTION, "title: Setup\nsummary: Setting up.\norder: 2\n");
        Fixture.write(c, INSTALL, page("Install", "admin", 1, ""));
        Fixture.write(c, CONFIGURE, page("Configure", "admin", 2, ""));
        Fixture.write(c, FAQ, page("FAQ", "admin", 3, "since: \"2.0\"\n"));
        Fixture.write(c, START, page("Start", "end-user", 1, ""));
        Fixture.write(c, "errors/sign-in.yaml", Fixture.SIGN_IN);
        builder = new SiteBuilder(Fixture.renderer(), RenderCache.memoryOnly(), new Layout(Fixture.TEMPLATES), 2);
        before = render();
    }

    BuildResult render() throws Exception {
        return builder.render(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null));
    }

    Outputs afterEdit(String file, String from, String to) throws Exception {
        Fixture.edit(c, file, from, to);
        return Outputs.changed(before, render());
    }

    static void assertPages(Outputs o, Set<String> in20, Set<String> in10) {
        assertEquals(Map.of("2.0", in20, "1.0", in10), o.pages());
    }

    @Test void nothingChangedWritesNothing() throws Exception {
        Outputs o = Outputs.changed(before, render());
        assertTrue(o.isEmpty());
        assertFalse(o.all());
        assertPages(o, Set.of(), Set.of());
        assertFalse(o.indexes());
        assertEquals(Set.of(), o.searchIndexes());
        assertEquals(0, o.pageCount(before));
        assertFalse(o.page("2.0", "admin/intro"));
        assertFalse(o.searchIndex("2.0"));
    }

    @Test void aBodyEditWritesThatPageAndItsVersionsSearchIndexes() throws Exception {
        Outputs o = afterEdit(INTRO, "Text of Intro.", "New text.");
        assertPages(o, Set.of("admin/intro"), Set.of("admin/intro"));
        assertFalse(o.indexes(), "no index shows a page's body");
        assertEquals(Set.of("2.0", "1.0"), o.searchIndexes());
        assertFalse(o.isEmpty());
        assertEquals(2, o.pageCount(before));
        assertTrue(o.page("1.0", "admin/intro"));
        assertFalse(o.page("1.0", "admin/faq"));
        assertFalse(o.page("3.0", "admin/intro"));

        Outputs first = o.withoutSearchIndexes(), then = o.searchIndexesOnly();
        assertEquals(o.pages(), first.pages());
        assertFalse(first.searchIndex("2.0"));
        assertTrue(then.searchIndex("2.0") && then.searchIndex("1.0") && !then.searchIndex("0.9"));
        assertFalse(then.page("2.0", "admin/intro"));
        assertFalse(then.indexes());
        assertFalse(then.isEmpty());
        assertTrue(first.withoutSearchIndexes().searchIndexesOnly().isEmpty());
    }

    @Test void anEditToAPageOfOneVersionWritesOnlyThatVersion() throws Exception {
        Outputs o = afterEdit(FAQ, "Text of FAQ.", "New text.");
        assertPages(o, Set.of("admin/faq"), Set.of());
        assertEquals(Set.of("2.0"), o.searchIndexes());
        assertEquals(1, o.pageCount(before));
    }

    @Test void aNewSummaryAlsoRewritesTheIndexes() throws Exception {
        Outputs o = afterEdit(START, "summary: About Start.", "summary: Where to begin.");
        assertPages(o, Set.of("end-user/start"), Set.of("end-user/start"));
        assertTrue(o.indexes(), "the audience page lists summaries");
    }

    @Test void aRetitledPageRewritesItsSectionAndItsNeighbours() throws Exception {
        // Reading order in 2.0: intro, install, configure, faq, start; in 1.0: intro, install, configure, start.
        Outputs o = afterEdit(CONFIGURE, "title: Configure", "title: Configuration");
        assertPages(o, Set.of("admin/setup/install", "admin/setup/configure", "admin/faq"),
                Set.of("admin/setup/install", "admin/setup/configure", "end-user/start"));
        assertTrue(o.indexes());
    }

    @Test void aRetitledTopLevelPageRewritesItsWholeAudience() throws Exception {
        Outputs o = afterEdit(INTRO, "title: Intro", "title: Introduction");
        Set<String> admin = Set.of("admin/intro", "admin/setup/install", "admin/setup/configure");
        assertPages(o, Set.of("admin/intro", "admin/setup/install", "admin/setup/configure", "admin/faq"), admin);
    }

    @Test void aRetitledSectionRewritesItsAudienceOnly() throws Exception {
        Outputs o = afterEdit(SECTION, "title: Setup", "title: Installation");
        assertPages(o, Set.of("admin/intro", "admin/setup/install", "admin/setup/configure", "admin/faq"),
                Set.of("admin/intro", "admin/setup/install", "admin/setup/configure"));
        assertTrue(o.indexes());
    }

    @Test void aSectionSummaryOrACatalogChangeRewritesTheIndexesOnly() throws Exception {
        Outputs summary = afterEdit(SECTION, "summary: Setting up.", "summary: Getting it running.");
        assertPages(summary, Set.of(), Set.of());
        assertTrue(summary.indexes());
        assertEquals(Set.of(), summary.searchIndexes());

        before = render();
        Outputs catalog = afterEdit("errors/sign-in.yaml", "check the device clock.", "check the clock of the device.");
        assertPages(catalog, Set.of(), Set.of());
        assertTrue(catalog.indexes(), "errors.json");
    }

    @Test void aNewSchemaRewritesTheIndexes() throws Exception {
        Fixture.write(c, "schemas/config.schema.json", "{\"type\": \"object\"}\n");
        Outputs o = Outputs.changed(before, render());
        assertPages(o, Set.of(), Set.of());
        assertTrue(o.indexes(), "live examples read the version's schemas");
    }

    @Test void aNewReadingOrderRewritesEveryPageOfTheVersion() throws Exception {
        // The section moves before the intro: the same pages, in another reading order (previous/next links).
        Outputs o = afterEdit(SECTION, "order: 2", "order: 0");
        assertPages(o, Set.of("admin/intro", "admin/setup/install", "admin/setup/configure", "admin/faq", "end-user/start"),
                Set.of("admin/intro", "admin/setup/install", "admin/setup/configure", "end-user/start"));
        assertTrue(o.indexes());
        assertEquals(9, o.pageCount(before));
    }

    @Test void aNewPageAnAliasOrNewSettingsRewriteEverything() throws Exception {
        Fixture.write(c, "pages/admin/new.yaml", page("New", "admin", 4, ""));
        assertSame(Outputs.ALL, Outputs.changed(before, render()));
        Files.delete(c.resolve("pages/admin/new.yaml"));
        assertTrue(Outputs.changed(before, render()).isEmpty(), "back as it was");

        assertSame(Outputs.ALL, afterEdit(START, "order: 1\n", "order: 1\naliases: [end-user/begin]\n"));
        Fixture.edit(c, START, "order: 1\naliases: [end-user/begin]\n", "order: 1\n");
        assertSame(Outputs.ALL, afterEdit("site.yaml", "title: Fixture site", "title: Other"));
        assertTrue(Outputs.ALL.all());
        assertEquals(before.stats().pages(), Outputs.ALL.pageCount(before));
        assertTrue(Outputs.ALL.page("2.0", "anything") && Outputs.ALL.searchIndex("any"));
    }

    @Test void aBuildNamesItsVersions() {
        assertEquals("1.0", before.version("1.0").orElseThrow().name());
        assertTrue(before.version("3.0").isEmpty());
        assertTrue(before.version("2.0").orElseThrow().page("admin/faq").isPresent());
        assertTrue(before.version("1.0").orElseThrow().page("admin/faq").isEmpty(), "since 2.0");
        assertFalse(before.hasErrors());
        assertEquals(9, before.stats().pages());
    }

    @Test void aWriteProducesOnlyTheFilesItsOutputsName() throws Exception {
        Fixture.edit(c, INTRO, "Text of Intro.", "New text.");
        BuildResult after = render();
        Outputs o = Outputs.changed(before, after);
        Path out = dir.resolve("site");
        SiteBuilder.Request req = new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null);
        builder.write(req, after, out, o.withoutSearchIndexes());
        try (var files = Files.walk(out)) {
            assertEquals(List.of("1.0/admin/intro.html", "2.0/admin/intro.html"),
                    files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("2.0/admin/intro.html")).contains("New text."));
        builder.write(req, after, out, o.searchIndexesOnly());
        assertTrue(Files.exists(out.resolve("2.0/" + SearchIndex.DIR + "/index.js")) && Files.exists(out.resolve("1.0/" + SearchIndex.DIR + "/index.js")));
        assertFalse(Files.exists(out.resolve("2.0/admin/faq.html")));
        assertFalse(Files.exists(out.resolve("index.html")));
    }
}
