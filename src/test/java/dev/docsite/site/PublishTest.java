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

    @Test void aNothingChangedRebuildRendersNothing(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        TestSite.Run first = t.run("build");
        assertTrue(first.out().contains("(6 rendered, 3 reused)"), "2.0 and 1.0 share every page but the one with ifeval and live example: " + first.out());
        TestSite.Run second = t.run("build");
        assertTrue(second.out().contains("(0 rendered, 9 reused)"), second.out());
        t.write("pages/end-user/start.yaml", t.content.resolve("pages/end-user/start.yaml").toFile().exists() ? read(t, "pages/end-user/start.yaml").replace("Sign in", "Signing in") : "");
        TestSite.Run third = t.run("build");
        assertTrue(third.out().contains("(1 rendered, 8 reused)"), third.out());
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
