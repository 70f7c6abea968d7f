package dev.docsite.serve;

import dev.docsite.TestSite;
import dev.docsite.build.BuildTransaction;
import dev.docsite.cli.Main;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `build` then `serve`, the common path: serve's start writes the whole site again, and takes the pages the build's
 * record vouches for (layout key unchanged, file as the build left it) from the published site instead of laying
 * them out, as a rebuild does. Whatever it takes or lays out, the served site is the one a clean build gives.
 */
class ServeStartTest {
    @TempDir Path dir;

    private static final Path TEMPLATES = Path.of("templates").toAbsolutePath();   // as TestSite.run gives it to build

    @Test void aStartAfterABuildTakesThePagesTheRecordVouchesForFromThePublishedSite() throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path why = site.out.resolve("2.0/decision-maker/why.html");
        String original = Files.readString(why);

        // Bytes changed behind docsite's back, size and time kept: only a page taken without a layout keeps them.
        tamper(why);
        start(site, record());
        assertTrue(Files.readString(why).contains("<titlf>"), "an unchanged page is taken from the published site");

        // Without the record (--no-cache) every page is laid out.
        start(site, null);
        assertEquals(original, Files.readString(why), "laid out again");
        assertEquals(clean(site), TestSite.snapshot(site.out));
    }

    @Test void aStartAfterTheContentChangedLaysOutWhatTheChangeReaches() throws Exception {
        TestSite site = TestSite.valid(dir);
        assertEquals(0, site.run("build").exit());
        Path why = site.out.resolve("2.0/decision-maker/why.html");
        tamper(why);
        // A new title shows in the navigation of every page of its audience, why.html included.
        Path setup = site.content.resolve("pages/admin/setup.yaml");
        Files.writeString(setup, Files.readString(setup).replace("title: Set up", "title: Set it up"));
        start(site, record());
        assertTrue(Files.readString(site.out.resolve("2.0/admin/troubleshoot.html")).contains("Set it up"));
        assertEquals(clean(site), TestSite.snapshot(site.out), "the served site is a clean build's");
    }

    private BuildTransaction.LastBuildAt record() { return new BuildTransaction.LastBuildAt(dir.resolve("cache"), TEMPLATES); }

    /** serve's start-up build, with the same cache as TestSite.run's builds. */
    private void start(TestSite site, BuildTransaction.LastBuildAt record) throws Exception {
        SiteBuilder builder = new SiteBuilder(AsciidocRenderer.shared(), new RenderCache(dir.resolve("cache")), new Layout(TEMPLATES), 2);
        LiveSite live = new LiveSite(site.content, TEMPLATES, site.out, builder, record);
        try {
            LiveSite.Update u = live.start();
            assertTrue(u.problems().isEmpty(), u.toString());
        } finally {
            live.close();
        }
    }

    /** Replaces "<title>" with "<titlf>" in a published page, keeping its size and time. */
    private static void tamper(Path page) throws Exception {
        FileTime time = Files.getLastModifiedTime(page);
        Files.writeString(page, Files.readString(page).replace("<title>", "<titlf>"));
        Files.setLastModifiedTime(page, time);
    }

    /** The site a clean build of the same content gives. */
    private java.util.Map<String, String> clean(TestSite site) {
        Path cleanDir = dir.resolve("clean");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--content", site.content.toString(),
                "--out", cleanDir.toString(), "--templates", TEMPLATES.toString(), "--no-cache"), err.toString());
        return TestSite.snapshot(cleanDir);
    }
}
