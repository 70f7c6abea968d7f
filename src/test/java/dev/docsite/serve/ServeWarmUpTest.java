package dev.docsite.serve;

import dev.docsite.TestContent;
import dev.docsite.TestSite;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.Page;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `build` then `serve`, the common path: serve's start-up build comes from the render cache and never needs
 * Asciidoctor, so serve starts it in the background and converts a few pages, writing and reporting nothing,
 * so the writer's first edit does not pay for it.
 */
class ServeWarmUpTest {
    @Test void aStartServedFromTheCacheWarmsTheRendererUpWithoutWritingAnything(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path templates = TestContent.copyTemplates(dir.resolve("templates"));
        Path cache = dir.resolve("cache");
        AsciidocRenderer renderer = new AsciidocRenderer();   // as in a new process
        List<LiveSite.Update> updates = new CopyOnWriteArrayList<>();
        try (Serve serve = Serve.start(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(cache), new Layout(templates), 2), null, 0, updates::add)) {
            assertEquals(0, serve.first().rendered(), "the start-up build comes from the cache");
            Map<String, String> served = TestSite.snapshot(site.out);
            Map<String, String> cached = TestSite.snapshot(cache);

            // The valid site's newest version has 5 pages: each is converted WARM_UP_ROUNDS (3) times.
            await("the warm-up conversions", () -> renderer.conversions() >= 15);
            assertTrue(renderer.started());
            assertEquals(15, renderer.conversions(), "the warm-up converts a handful of pages, not the site");
            assertEquals(1, updates.size(), "the warm-up is not an update");
            assertEquals(served, TestSite.snapshot(site.out), "nothing is written");
            assertEquals(cached, TestSite.snapshot(cache), "nothing is cached");

            // The first edit renders its page with the warm renderer.
            Path why = site.content.resolve("pages/decision-maker/why.yaml");
            Files.writeString(why, Files.readString(why).replace("See xref:", "Warm. See xref:"));
            await("the edit's update", () -> updates.size() > 1);
            assertEquals(1, updates.get(1).rendered(), updates.get(1).toString());
            assertTrue(Files.readString(site.out.resolve("2.0/decision-maker/why.html")).contains("Warm."));
        } finally {
            renderer.close();
        }
    }

    /** The warm-up is for the first edit: once an edit has begun it converts nothing more, beside the edit's page. */
    @Test void theWarmUpConvertsNothingOnceAnEditHasBegun(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path templates = TestContent.copyTemplates(dir.resolve("templates"));
        AsciidocRenderer renderer = new AsciidocRenderer();
        LiveSite live = new LiveSite(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(dir.resolve("cache")), new Layout(templates), 2), null);
        try {
            assertEquals(0, live.start().rendered());
            Path why = site.content.resolve("pages/decision-maker/why.yaml");
            Files.writeString(why, Files.readString(why).replace("See xref:", "Edited. See xref:"));
            assertEquals(1, live.update(List.of(why)).rendered());
            long afterEdit = renderer.conversions();
            live.warmUp();
            assertTrue(renderer.started());
            assertEquals(afterEdit, renderer.conversions(), "no warm-up conversion after the edit");
        } finally {
            live.close();
            renderer.close();
        }
    }

    /**
     * After the start, an edit's way through the build runs once on the start's content: nothing is written, cached
     * or heard, the files are not read (a save the watcher has not reported yet is left to its update), and
     * the edits after it show, the rehearsed page's included.
     */
    @Test void aRehearsedEditWritesNothingAndTheEditsAfterItShow(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path templates = TestContent.copyTemplates(dir.resolve("templates"));
        Path cache = dir.resolve("cache");
        AsciidocRenderer renderer = new AsciidocRenderer();
        LiveSite live = new LiveSite(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(cache), new Layout(templates), 2), null);
        List<LiveSite.Update> heard = new CopyOnWriteArrayList<>();
        live.onUpdate(heard::add);
        try {
            assertNull(live.rehearseAnEdit(), "nothing to rehearse before the start");
            assertFalse(live.start().failed());
            // The page the rehearsal takes (the first loaded), saved with new text that the watcher has not reported.
            Page first = ContentLoader.load(ContentRoot.of(site.content).workTree()).pages().get(0);
            Path file = site.content.resolve(first.path());
            Files.writeString(file, Files.readString(file) + "\n  Rehearsed.\n");
            Map<String, String> served = TestSite.snapshot(site.out);
            Map<String, String> cached = TestSite.snapshot(cache);

            LiveSite.Update rehearsal = live.rehearseAnEdit();
            assertNotNull(rehearsal, "the rehearsal runs after the start");
            assertFalse(rehearsal.changedAnything(), rehearsal.toString());
            assertFalse(rehearsal.failed(), rehearsal.toString());
            assertEquals(1, heard.size(), "nobody hears of the rehearsal");
            assertEquals(served, TestSite.snapshot(site.out), "nothing is written");
            assertEquals(cached, TestSite.snapshot(cache), "nothing is cached");

            LiveSite.Update edit = live.update(List.of(file));
            assertEquals(1, edit.rendered(), edit.toString());
            Path html = site.out.resolve("2.0").resolve(first.outputPath());
            assertTrue(Files.readString(html).contains("Rehearsed."), "the save after the rehearsal shows");
            assertNull(live.rehearseAnEdit(), "no rehearsal once an edit has come");
        } finally {
            live.close();
            renderer.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            try { Thread.sleep(20); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
    }
}
