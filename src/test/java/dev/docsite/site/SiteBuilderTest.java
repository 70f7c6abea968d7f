package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.rules.ContentRules;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which versions a render builds, from where, and what it tells about its work. */
class SiteBuilderTest {
    @TempDir Path dir;

    SiteBuilder builder() throws Exception { return new SiteBuilder(Fixture.renderer(), RenderCache.memoryOnly(), new Layout(Fixture.TEMPLATES), 2); }

    static SiteBuilder.Request request(Path c, List<String> only) throws Exception {
        return new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), only, null);
    }

    @Test void onlyTheNamedVersionsAreBuiltAndAnUnknownNameIsAMistakeInSiteYaml() throws Exception {
        Path c = Fixture.clean(dir);
        BuildResult one = builder().render(request(c, List.of("1.0")));
        assertEquals(List.of("1.0"), one.versions().stream().map(BuildResult.VersionBuild::name).toList());
        ContentException e = assertThrows(ContentException.class, () -> builder().render(request(c, List.of("9.9"))));
        assertEquals(1, e.problems().size());
        assertEquals(ContentRules.UNKNOWN_VERSION.id(), e.problems().get(0).rule());
        assertEquals("no version named 9.9 in site.yaml (expected one of 2.0, 1.0)", e.problems().get(0).message());
        assertTrue(e.problems().get(0).pos().file().endsWith("site.yaml"), e.problems().get(0).pos().toString());
    }

    /** serve computes a search index off the edit's path and stops it when a newer edit begins. */
    @Test void aSearchIndexStopsWhenAskedAndIsWholeOtherwise() throws Exception {
        Path c = Fixture.clean(dir);
        SiteBuilder b = builder();
        SiteBuilder.Request req = request(c, List.of());
        BuildResult r = b.render(req);
        var files = b.searchFiles(req, r, java.util.Set.of("2.0"), () -> false);
        assertTrue(files.containsKey("2.0/_search/index.js"), files.keySet().toString());
        assertTrue(files.keySet().stream().allMatch(k -> k.startsWith("2.0/_search/")), files.keySet().toString());
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> b.searchFiles(req, r, java.util.Set.of("2.0"), () -> asked.incrementAndGet() > 1));
        assertTrue(asked.get() > 1, "asked again after the first answer");
    }

    /**
     * serve's builder keeps the search entries of the index its start-up build writes, so the index after the first
     * edit takes every unchanged page's entry from there; a one-off build keeps none.
     */
    @Test void onlyABuilderThatServesKeepsSearchEntriesForTheNextIndex() throws Exception {
        Path c = Fixture.clean(dir);
        SiteBuilder.Request req = request(c, List.of("2.0"));
        SiteBuilder once = builder();
        once.build(req, dir.resolve("once"));
        assertEquals(0, once.searchEntries().of("2.0").byKey().size(), "a one-off build keeps nothing");

        SiteBuilder serving = builder().keepingSearchEntries();
        BuildResult built = serving.build(req, dir.resolve("served"));
        int pages = built.version("2.0").orElseThrow().pages().size();
        assertEquals(pages, serving.searchEntries().of("2.0").byKey().size());
        serving.searchFiles(req, serving.render(req), java.util.Set.of("2.0"), () -> false);
        assertEquals(pages, serving.searchEntries().of("2.0").reused(), "the next index takes every entry");
    }

    /**
     * Search entries are cached by the render they come from, not by their HTML: an included file that changed,
     * and the title an xref without text shows, must still reach the index of the next build with the same cache.
     */
    @Test void searchEntriesFollowIncludedFilesAndTheTitlesOfXrefsWithoutText() throws Exception {
        Path c = Fixture.clean(dir);
        Path cacheDir = dir.resolve("cache");
        Fixture.write(c, "pages/admin/shared.adoc", "Alphaword is the included text.\n");
        Fixture.write(c, "pages/admin/with-include.yaml", "title: With include\naudience: admin\nsummary: Includes a file.\nbody: |\n"
                + "  include::shared.adoc[]\n");
        Fixture.write(c, "pages/admin/points.yaml", "title: Points\naudience: admin\nsummary: Links without text.\nbody: |\n"
                + "  See xref:admin/plain.adoc[].\n");
        Fixture.write(c, "pages/admin/plain.yaml", "title: Firsttitle\naudience: admin\nsummary: Plain.\nbody: |\n  Text.\n");
        java.util.function.Supplier<String> index = () -> {
            try {
                SiteBuilder b = new SiteBuilder(Fixture.renderer(), new RenderCache(cacheDir), new Layout(Fixture.TEMPLATES), 2);
                SiteBuilder.Request req = request(c, List.of("2.0"));
                return String.join("\n", b.searchFiles(req, b.render(req), java.util.Set.of("2.0"), () -> false).values());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        String first = index.get();
        assertTrue(first.contains("Alphaword is the included text") && first.contains("See Firsttitle."), first);

        Fixture.write(c, "pages/admin/shared.adoc", "Omegaword is the included text.\n");
        Fixture.edit(c, "pages/admin/plain.yaml", "title: Firsttitle", "title: Secondtitle");
        String second = index.get();
        assertTrue(second.contains("Omegaword is the included text") && !second.contains("Alphaword"), second);
        assertTrue(second.contains("See Secondtitle.") && !second.contains("See Firsttitle."), second);
    }

    @Test void eachDistinctPageIsRenderedOnceAndProgressIsToldForEach() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "pages/admin/plain.yaml", "title: Plain\naudience: admin\nsummary: No macros.\nbody: |\n  Text.\n");
        List<String> told = new ArrayList<>();
        SiteBuilder b = builder().onProgress((done, total) -> { synchronized (told) { told.add(done + "/" + total); } });
        BuildResult r = b.render(request(c, List.of()));
        // Three pages in two versions. The catalog pages show the entry retired after 1.0 in 1.0 only, so each
        // renders per version; the plain page reads no catalog and renders once for both.
        assertEquals(6, r.stats().pages());
        assertEquals(5, r.stats().rendered());
        assertEquals(1, r.stats().reused());
        assertEquals(List.of("1/5", "2/5", "3/5", "4/5", "5/5"), told.stream().sorted().toList());
        BuildResult again = b.render(request(c, List.of()));
        assertEquals(0, again.stats().rendered(), "the same builder's cache");
        assertEquals(6, again.stats().reused());
    }

    @Test void aVersionWithAnUnknownRefIsReportedAtItsRefLine() throws Exception {
        Path c = Fixture.clean(dir);
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("docs").setAuthor(who).setCommitter(who).call();
        }
        Fixture.edit(c, "site.yaml", "  - name: \"1.0\"\n", "  - name: \"1.0\"\n    ref: no-such-tag\n");
        ContentException e = assertThrows(ContentException.class, () -> builder().render(request(c, List.of())));
        assertEquals(ContentRules.GIT.id(), e.problems().get(0).rule());
        assertEquals(Fixture.lineOf(c.resolve("site.yaml"), "ref: no-such-tag"), e.problems().get(0).pos().line());
        assertTrue(e.problems().get(0).message().startsWith("unknown git revision 'no-such-tag'") && e.problems().get(0).message().endsWith("(version 1.0)"),
                e.problems().get(0).message());

        Fixture.edit(c, "site.yaml", "ref: no-such-tag", "ref: main");
        Fixture.edit(c, "pages/admin/troubleshoot.yaml", "title: Troubleshoot sign-in", "title: Troubleshoot signing in");
        BuildResult r = builder().render(request(c, List.of()));
        assertEquals("Troubleshoot signing in", r.version("2.0").orElseThrow().page("admin/troubleshoot").orElseThrow().page().title());
        assertEquals("Troubleshoot sign-in", r.version("1.0").orElseThrow().page("admin/troubleshoot").orElseThrow().page().title(), "as committed");
    }
}
