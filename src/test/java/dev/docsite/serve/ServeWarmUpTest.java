package dev.docsite.serve;

import dev.docsite.TestContent;
import dev.docsite.TestSite;
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
        try (Serve serve = Serve.start(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(cache), new Layout(templates), 2), 0, updates::add)) {
            assertEquals(0, serve.first().rendered(), "the start-up build comes from the cache");
            Map<String, String> served = TestSite.snapshot(site.out);
            Map<String, String> cached = TestSite.snapshot(cache);

            // One conversion for the rehearsed edit; then the valid site's newest version has 5 pages, each converted
            // WARM_UP_ROUNDS (3) times. The rehearsal's copy of the site is gone once it is over.
            await("the warm-up", () -> renderer.conversions() >= 16 && besideTheSite(site.out).equals(List.of(".site.lock", "site")));
            assertTrue(renderer.started());
            assertEquals(16, renderer.conversions(), "the warm-up converts a handful of pages, not the site");
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
        LiveSite live = new LiveSite(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(dir.resolve("cache")), new Layout(templates), 2));
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
     * The rehearsed edit runs an edit's whole path (one conversion, layout, write, checks) on a copy of the site that
     * it removes after, with a builder whose cache and memory are its own: the served site, the render cache and the
     * next real edit see nothing of it.
     */
    @Test void theRehearsedEditShowsAndKeepsNothing(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path templates = TestContent.copyTemplates(dir.resolve("templates"));
        Path cache = dir.resolve("cache");
        AsciidocRenderer renderer = new AsciidocRenderer();
        LiveSite live = new LiveSite(site.content, templates, site.out, new SiteBuilder(renderer, new RenderCache(cache), new Layout(templates), 2));
        List<LiveSite.Update> updates = new CopyOnWriteArrayList<>();
        live.onUpdate(updates::add);
        try {
            assertEquals(0, live.start().rendered());
            Map<String, String> served = TestSite.snapshot(site.out), cached = TestSite.snapshot(cache);
            Map<String, Object> inodes = inodes(site.out);
            List<String> beside = besideTheSite(site.out);

            live.rehearseEdit(() -> false, () -> { });
            assertEquals(1, renderer.conversions(), "the rehearsed edit converts its page, once");
            assertEquals(served, TestSite.snapshot(site.out), "nothing is written into the served site");
            assertEquals(inodes, inodes(site.out), "not even the same bytes again");
            assertEquals(cached, TestSite.snapshot(cache), "nothing is cached");
            assertEquals(beside, besideTheSite(site.out), "the copy of the site is removed");
            assertEquals(1, updates.size(), "a rehearsal is not an update");

            // The real first edit: its own page, and no trace of the rehearsal's paragraph anywhere.
            Path why = site.content.resolve("pages/decision-maker/why.yaml");
            Files.writeString(why, Files.readString(why).replace("See xref:", "Real. See xref:"));
            LiveSite.Update u = live.update(List.of(why));
            assertEquals(1, u.rendered(), u.toString());
            assertEquals(List.of("/1.0/decision-maker/why.html", "/2.0/decision-maker/why.html"), u.urls().stream().sorted().toList(),
                    "the edited page in both versions, nothing else");
            assertTrue(Files.readString(site.out.resolve("2.0/decision-maker/why.html")).contains("Real."));
            String rehearsed = LiveSite.REHEARSED_EDIT.strip();
            try (var files = Files.walk(site.out)) {
                for (Path f : files.filter(Files::isRegularFile).toList())
                    assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(rehearsed), f.toString());
            }
        } finally {
            live.close();
            renderer.close();
        }
    }

    /** Each file's identity (inode): a file written again, even with the same bytes, gets a new one. */
    private static Map<String, Object> inodes(Path dir) throws java.io.IOException {
        Map<String, Object> m = new java.util.TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList())
                m.put(dir.relativize(f).toString(), Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        }
        return m;
    }

    /** The site folder and what docsite keeps beside it (its lock, staging folders and copies). */
    private static List<String> besideTheSite(Path out) {
        try (var s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".docsite") || n.equals(out.getFileName().toString()) || n.endsWith(".lock")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
