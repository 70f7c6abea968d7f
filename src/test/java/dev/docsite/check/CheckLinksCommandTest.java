package dev.docsite.check;

import dev.docsite.external.LinkTestServer;

import dev.docsite.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `docsite check --external` and `docsite build` end to end: real content, real build, a real HTTP server. */
class CheckLinksCommandTest {
    static LinkTestServer server;

    @BeforeAll static void start() throws Exception { server = new LinkTestServer("127.0.0.1"); }

    @AfterAll static void stop() { server.close(); }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static void write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static Path content(Path tmp) throws IOException {
        Path c = tmp.resolve("content");
        write(c, "site.yaml", """
                title: Links
                audiences:
                  - id: admin
                    title: Admins
                versions:
                  - name: "2.0"
                  - name: "1.0"
                links:
                  timeout_ms: 2000
                  concurrency: 4
                  per_host: 2
                  retries: 0
                  cache_ttl_hours: 24
                  ignore: ["/ignored/"]
                """);
        write(c, "pages/admin/a.yaml", """
                title: A
                audience: admin
                summary: Page A.
                body: |
                  == Links
                  A working link: %s[ok].

                  A broken one: %s[missing].
                  Ignored: %s[ignored].
                """.formatted(server.url("/ok"), server.url("/missing"), server.url("/ignored/x")));
        write(c, "pages/admin/b.yaml", """
                title: B
                audience: admin
                summary: Page B, new in 2.0.
                since: "2.0"
                body: |
                  == More links
                  The same broken one: %s[missing],
                  an anchor that is there: %s[present]
                  and one that is not: %s[absent].
                """.formatted(server.url("/missing"), server.url("/page.html#present"), server.url("/page.html#absent")));
        return c;
    }

    @Test void externalCheckReportsSourceLinesAndVersionsAndUsesTheCache(@TempDir Path tmp) throws Exception {
        Path c = content(tmp);
        String cache = tmp.resolve("cache").toString();
        String[] args = {"check", "--content", c.toString(), "--templates", "templates", "--cache", cache, "--external"};
        int missingBefore = server.countPath("/missing"), okBefore = server.countPath("/ok"), pageBefore = server.countPath("/page.html");

        Run first = run(args);
        assertEquals(1, first.code(), first.out() + first.err());
        String a = c.resolve("pages/admin/a.yaml").toString(), b = c.resolve("pages/admin/b.yaml").toString();
        assertTrue(first.out().contains(a + ":8: error link/external-status: " + server.url("/missing") + ": 404 Not Found [versions 2.0, 1.0]"), first.out());
        assertTrue(first.out().contains(b + ":7: error link/external-status: " + server.url("/missing") + ": 404 Not Found [version 2.0]"), first.out());
        assertTrue(first.out().contains(b + ":9: error link/external-anchor: " + server.url("/page.html#absent")), first.out());
        assertFalse(first.out().contains("/ok:"), "a working link is never reported: " + first.out());
        assertFalse(first.out().contains("#present:"), first.out());
        assertFalse(first.out().contains("/ignored/x"), first.out());
        assertTrue(first.out().contains("1 ignored"), first.out());
        assertEquals(missingBefore + 2, server.countPath("/missing"), "one HEAD and one GET for three usages in two versions");
        assertEquals(okBefore + 1, server.countPath("/ok"));
        assertEquals(pageBefore + 1, server.countPath("/page.html"));
        assertEquals(0, server.countPath("/ignored/x"));
        assertTrue(Files.isRegularFile(Path.of(cache, "links.json")));

        Run second = run(args);
        assertEquals(1, second.code());
        assertEquals(okBefore + 1, server.countPath("/ok"), "served from the cache");
        assertTrue(second.out().contains("1 from cache"), second.out());
        assertEquals(missingBefore + 4, server.countPath("/missing"), "failures are not cached");

        int total = server.total.get();
        Run offline = run("check", "--content", c.toString(), "--templates", "templates", "--cache", cache, "--external", "--offline");
        assertEquals(total, server.total.get(), "--offline sends nothing");
        assertEquals(0, offline.code(), offline.out() + offline.err());
        assertTrue(offline.out().contains("not checked (offline)"), offline.out());
    }

    @Test void buildFailsOnABrokenInternalLinkAndLeavesTheSiteAlone(@TempDir Path tmp) throws Exception {
        Path c = content(tmp);
        write(c, "pages/admin/c.yaml", """
                title: C
                audience: admin
                summary: Page C.
                body: |
                  == Pictures

                  image::screenshot.png[Screenshot]
                """);
        Path out = tmp.resolve("site");
        Run r = run("build", "--content", c.toString(), "--templates", "templates", "--out", out.toString(), "--no-cache");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(c.resolve("pages/admin/c.yaml") + ":7: error link/missing-file: 'screenshot.png' does not exist"), r.err());
        assertFalse(Files.exists(out), "a failed build publishes nothing");

        Files.write(c.resolve("pages/admin/screenshot.png"), new byte[]{1, 2, 3});
        Run fixed = run("build", "--content", c.toString(), "--templates", "templates", "--out", out.toString(), "--no-cache");
        assertEquals(0, fixed.code(), fixed.out() + fixed.err());
        assertTrue(Files.isRegularFile(out.resolve("2.0/admin/screenshot.png")));
    }
}
