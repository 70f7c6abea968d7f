package dev.docsite.site;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A failed or interrupted build leaves the previous site/ byte for byte; a good one replaces it whole. */
class PublishTest {
    @Test void failuresAfterRenderingLeaveTheSiteUntouched(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());
        Map<String, String> good = TestSite.snapshot(t.out);

        // A broken xref is found after rendering, while the new site is half written.
        t.write("pages/admin/setup.yaml", Files.readString(t.content.resolve("pages/admin/setup.yaml"))
                .replace("end-user/start.adoc#sign-in", "end-user/gone.adoc"));
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error link/missing-page: xref to page 'end-user/gone'"), r.err());
        assertTrue(r.err().contains("[versions 2.0, 1.0]"), "one finding naming both versions: " + r.err());
        assertEquals(good, TestSite.snapshot(t.out));

        // A template error is reported with the template file and line, and the site stays.
        Path templates = tmp.resolve("templates");
        copy(Path.of("templates"), templates);
        Files.writeString(templates.resolve("audience.ftlh"), "<h1>${audience.nosuchfield}</h1>\n");
        t.write("pages/admin/setup.yaml", Files.readString(t.content.resolve("pages/admin/setup.yaml")).replace("end-user/gone.adoc", "end-user/start.adoc"));
        r = run(t, templates);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("audience.ftlh:1: template error"), r.err());
        assertEquals(good, TestSite.snapshot(t.out));

        // Leftovers of an interrupted build are swept by the next one; the site is replaced whole.
        Path leftover = tmp.resolve(".docsite-staging-site-4194399-x");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("junk.html"), "half");
        Files.writeString(t.out.resolve("stale.html"), "from an old build");
        Files.createDirectories(t.out.resolve("preview/abc1234"));
        Files.writeString(t.out.resolve("preview/abc1234/index.html"), "a preview");
        assertEquals(0, t.run("build").exit());
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(t.out.resolve("stale.html")));
        assertTrue(Files.exists(t.out.resolve("preview/abc1234/index.html")), "previews survive a main build");
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".docsite-")).toList());
        }
    }

    private static Map<String, String> oldSite(Path out, int pages) throws Exception {
        for (int i = 0; i < pages; i++) {
            Path f = out.resolve("v" + (i % 3) + "/page-" + i + ".html");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "old page " + i);
        }
        return TestSite.snapshot(out);
    }

    @Test void aPublisherClosedWithoutCommitLeavesTheOldSiteAndNoStaging(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        Map<String, String> old = oldSite(out, 5);
        try (Publisher pub = new Publisher(out)) {
            Files.writeString(pub.staging().resolve("half.html"), "half written");
        }
        assertEquals(old, TestSite.snapshot(out));
        try (var s = Files.list(tmp)) {
            // The lock file of the output folder stays (docs/security.md); nothing else does.
            assertEquals(List.of("site"), s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".site.lock")).toList());
        }
    }

    @Test void whenTheNewSiteCannotBeMovedInTheOldSiteStaysComplete(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        Map<String, String> old = oldSite(out, 30);
        Publisher pub = new Publisher(out);
        Files.writeString(pub.staging().resolve("index.html"), "new");
        Publisher.deleteTree(pub.staging());        // the new site is gone before the swap: its move fails
        assertThrows(java.io.IOException.class, () -> pub.commit(List.of()));
        assertEquals(old, TestSite.snapshot(out), "the old site is back, complete");
        pub.close();   // as the build transaction does after a failed commit
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("site"), s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".site.lock")).toList(),
                    "nothing left beside it but the lock file");
        }
    }

    /**
     * A reader looking at the output while a build is published sees the old site complete, the new one
     * complete, or (between the two renames) nothing: never a mix, never a half-deleted old site.
     */
    @Test void aReaderDuringTheSwapSeesTheOldSiteOrTheNewOneNeverAMix(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        Map<String, String> old = oldSite(out, 600);
        Publisher pub = new Publisher(out);
        for (int i = 0; i < 600; i++) {
            Path f = pub.staging().resolve("w" + (i % 3) + "/page-" + i + ".html");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "new page " + i);
        }
        Map<String, String> fresh = TestSite.snapshot(pub.staging());
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread reader = new Thread(() -> {
            while (publishing.get()) {
                Map<String, String> now;
                try {
                    now = TestSite.snapshot(out);
                } catch (RuntimeException e) {
                    continue;   // the folder was renamed while it was read: read again
                }
                seen.add(now.equals(old) ? "old" : now.equals(fresh) ? "new" : now.isEmpty() ? "absent" : "MIX of " + now.size() + " files");
            }
        });
        reader.start();
        // The reader looks at least once before the swap (a slow machine may start it late).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (seen.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        pub.commit(List.of());
        publishing.set(false);
        reader.join();
        assertEquals(fresh, TestSite.snapshot(out));
        assertEquals(List.of(), seen.stream().filter(s -> s.startsWith("MIX")).distinct().toList(), "a reader saw a partial site");
        assertTrue(seen.contains("old"));
    }

    @Test void aNothingChangedRebuildRendersNothing(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        TestSite.Run first = t.run("build");
        assertTrue(first.out().contains("(6 rendered, 3 reused)"), "2.0 and 1.0 share every page but the one with ifeval and live example: " + first.out());
        // The site changed by hand: the build runs again (see LastBuildTest), and renders nothing.
        try { Files.delete(t.out.resolve("2.0/index.html")); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        TestSite.Run second = t.run("build");
        assertTrue(second.out().contains("(0 rendered, 9 reused)"), second.out());
        t.write("pages/end-user/start.yaml", t.content.resolve("pages/end-user/start.yaml").toFile().exists() ? read(t, "pages/end-user/start.yaml").replace("Sign in", "Signing in") : "");
        TestSite.Run third = t.run("build");
        assertTrue(third.out().contains("(1 rendered, 8 reused)"), third.out());
    }

    @Test void aRebuildRewritesOnlyTheFilesThatChanged(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());
        Object untouched = Files.getAttribute(t.out.resolve("2.0/admin/troubleshoot.html"), "unix:ino");
        var untouchedTime = Files.getLastModifiedTime(t.out.resolve("2.0/admin/troubleshoot.html"));
        Object edited = Files.getAttribute(t.out.resolve("2.0/end-user/start.html"), "unix:ino");

        t.write("pages/end-user/start.yaml", read(t, "pages/end-user/start.yaml").replace("sign in again", "sign in once more"));
        assertEquals(0, t.run("build").exit());
        assertEquals(untouched, Files.getAttribute(t.out.resolve("2.0/admin/troubleshoot.html"), "unix:ino"), "an unchanged page is the same file");
        assertEquals(untouchedTime, Files.getLastModifiedTime(t.out.resolve("2.0/admin/troubleshoot.html")));
        assertNotEquals(edited, Files.getAttribute(t.out.resolve("2.0/end-user/start.html"), "unix:ino"), "the edited page is a new file");
        assertTrue(t.read("2.0/end-user/start.html").contains("sign in once more"));

        // Linking never writes through into the published site, and the result is what a clean build writes.
        Map<String, String> rebuilt = TestSite.snapshot(t.out);
        Path clean = tmp.resolve("clean");
        assertEquals(0, dev.docsite.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                "build", "--content", t.content.toString(), "--out", clean.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(), "--no-cache"));
        assertEquals(TestSite.snapshot(clean), rebuilt);
    }

    /**
     * A rebuild writes the pages the cache holds while the changed one renders: those pages, and a page whose xref
     * without text shows the changed page's section title, still come out as a clean build writes them.
     */
    @Test void pagesWrittenWhileAnotherRendersMatchACleanBuild(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/target.yaml", "title: Target\naudience: admin\nsummary: Has a section.\nbody: |\n  [#steps]\n  == Old steps\n\n  Text.\n");
        t.write("pages/admin/pointer.yaml", "title: Pointer\naudience: admin\nsummary: Points at it.\nbody: |\n  Read xref:admin/target.adoc#steps[].\n");
        TestSite.Run first = t.run("build");
        assertEquals(0, first.exit(), first.err());
        assertTrue(t.read("2.0/admin/pointer.html").contains("Old steps"));

        t.write("pages/admin/target.yaml", read(t, "pages/admin/target.yaml").replace("Old steps", "New steps"));
        TestSite.Run second = t.run("build");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("(1 rendered,"), second.out());
        String pointer = t.read("2.0/admin/pointer.html");
        assertTrue(pointer.contains("New steps") && !pointer.contains("Old steps"), pointer);

        Path clean = tmp.resolve("clean");
        assertEquals(0, dev.docsite.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                "build", "--content", t.content.toString(), "--out", clean.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(), "--no-cache"));
        assertEquals(TestSite.snapshot(clean), TestSite.snapshot(t.out));
    }

    static String read(TestSite t, String rel) {
        try { return Files.readString(t.content.resolve(rel)); } catch (Exception e) { throw new IllegalStateException(e); }
    }

    static TestSite.Run run(TestSite t, Path templates) {
        java.io.StringWriter o = new java.io.StringWriter(), e = new java.io.StringWriter();
        int code = dev.docsite.cli.Main.run(new java.io.PrintWriter(o, true), new java.io.PrintWriter(e, true), "build",
                "--content", t.content.toString(), "--out", t.out.toString(), "--templates", templates.toString(), "--cache", t.root.resolve("cache").toString());
        return new TestSite.Run(code, o.toString(), e.toString());
    }

    static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(d); else Files.copy(p, d);
            }
        }
    }
}
