package dev.docsite.serve;

import dev.docsite.TestContent;

import dev.docsite.TestSite;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** docsite serve with its real server, watcher and renderer on a small content set in a temporary folder. */
class ServeTest {
    @TempDir Path dir;
    Path content, templates, out;
    Serve serve;
    final List<LiveSite.Update> updates = new CopyOnWriteArrayList<>();
    final List<String> events = Collections.synchronizedList(new java.util.ArrayList<>());
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach void start() throws Exception {
        TestSite site = TestSite.valid(dir);
        content = site.content;
        out = site.out;
        templates = TestContent.copyTemplates(dir.resolve("templates"));
        SiteBuilder builder = new SiteBuilder(AsciidocRenderer.shared(), RenderCache.memoryOnly(), new Layout(templates), 2);
        serve = Serve.start(content, templates, out, builder, null, 0, updates::add);
        assertFalse(serve.first().failed(), () -> String.join("\n", serve.first().problems()));
        http.sendAsync(request("/_docsite/events"), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(l -> { if (l.startsWith("data:")) events.add(l); }));
        await("the event stream opens", () -> !events.isEmpty());
    }

    @AfterEach void stop() throws IOException { serve.close(); }

    private HttpRequest request(String path) { return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.server().port() + path)).build(); }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            try { Thread.sleep(20); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
    }

    /** Identity of the file on disk: writes rename a new file into place, so a rewrite changes it. */
    private Object fileKey(String rel) throws IOException { return Files.readAttributes(out.resolve(rel), BasicFileAttributes.class).fileKey(); }

    /** Waits for the "update finished" signal of the first update after {@code seen} and returns it. */
    private LiveSite.Update awaitUpdate(int seen) {
        await("the update is finished", () -> updates.size() > seen);
        return updates.get(seen);
    }

    // ---- editors save in steps: each way ends in one rebuild of the final content, no error between ----

    private static final String FINAL = "Saved in steps, final text.";

    private Path why() { return content.resolve("pages/decision-maker/why.yaml"); }

    private String edited() {
        try {
            return Files.readString(why()).replace("See xref:", FINAL + " See xref:");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The editor's pause between two steps of one save (a busy machine, a slow disk): not a wait for a condition. */
    private static void pause(long millis) {
        try { Thread.sleep(millis); } catch (InterruptedException e) { throw new AssertionError(e); }
    }

    /**
     * Runs a save, then a second, plain edit of another page as a marker: the updates in between must be
     * exactly one, successful, serving the final text; the marker's update comes right after it.
     */
    private void assertOneRebuild(Runnable save) throws Exception {
        int seen = updates.size();
        save.run();
        LiveSite.Update u = awaitUpdate(seen);
        assertFalse(u.failed(), () -> "a half-saved file was built: " + u.problems());
        assertTrue(get("/2.0/decision-maker/why.html").body().contains(FINAL), "the update built the final content");

        String marker = "Marker " + System.nanoTime();
        TestContent.edit(content.resolve("pages/end-user/start.yaml"), "sign in again.", "sign in again. " + marker);
        await("the marker edit is built", () -> updates.size() > seen + 1 && get("/2.0/end-user/start.html").body().contains(marker));
        List<LiveSite.Update> after = List.copyOf(updates.subList(seen, updates.size()));
        assertEquals(2, after.size(), () -> "expected the save's update and the marker's, got " + after);
        assertTrue(after.stream().noneMatch(LiveSite.Update::failed), () -> "an update failed in between: " + after);
        assertTrue(after.get(1).urls().contains("/2.0/end-user/start.html"), () -> "the second update is the marker's: " + after);
    }

    @Test void aTruncateThenWriteSaveWithAPauseBuildsOnce() throws Exception {
        for (long pauseMs : new long[] {60, 400}) {
            String text = edited();
            assertOneRebuild(() -> {
                try {
                    try (var ch = java.nio.channels.FileChannel.open(why(), java.nio.file.StandardOpenOption.WRITE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) { ch.force(true); }
                    pause(pauseMs);
                    Files.writeString(why(), text, java.nio.file.StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            int seen = updates.size();
            TestContent.edit(why(), FINAL + " ", "");
            assertFalse(awaitUpdate(seen).failed());
        }
    }

    @Test void aWriteThenRenameSaveWithAPauseBuildsOnce() throws Exception {
        String text = edited();
        assertOneRebuild(() -> {
            try {
                Path tmp = why().resolveSibling(".why.yaml.tmp-4821");
                Files.writeString(tmp, text.substring(0, text.length() / 2));
                pause(300);
                Files.writeString(tmp, text);
                Files.move(tmp, why(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** vim's default save: a write test file 4913, the original renamed to why.yaml~, the new file written, the backup deleted. */
    @Test void aSwapFileSaveWithPausesBuildsOnce() throws Exception {
        String text = edited();
        Path swap = why().resolveSibling(".why.yaml.swp"), backup = why().resolveSibling("why.yaml~"), probe = why().resolveSibling("4913");
        Files.writeString(swap, "vim swap");
        assertOneRebuild(() -> {
            try {
                Files.writeString(probe, "");
                Files.delete(probe);
                Files.move(why(), backup);
                pause(300);
                Files.writeString(why(), text);
                pause(100);
                Files.delete(backup);
                Files.writeString(swap, "vim swap, saved");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        Files.delete(swap);
    }

    @Test void editingAPageChangesTheServedPageAndOnlyThatPage() throws Exception {
        HttpResponse<String> before = get("/2.0/decision-maker/why.html");
        assertEquals(200, before.statusCode());
        assertTrue(before.body().contains("See <a href"));
        assertTrue(before.body().contains("<script src=\"/_docsite/live.js\"></script></body>"), "reload script added to the response");
        assertFalse(Files.readString(out.resolve("2.0/decision-maker/why.html")).contains("/_docsite/"), "but not to the built file");
        Object setup = fileKey("2.0/admin/setup.html"), home = fileKey("2.0/index.html");
        int seen = updates.size();

        TestContent.edit(content.resolve("pages/decision-maker/why.yaml"), "See xref:", "Risk drops. See xref:");

        LiveSite.Update u = awaitUpdate(seen);
        assertTrue(get("/2.0/decision-maker/why.html").body().contains("Risk drops."), "the served page changes");
        assertEquals(1, u.rendered(), "one page rendered");
        assertEquals(2, u.pages(), "written in its two versions");
        assertEquals(List.of("/2.0/decision-maker/why.html", "/1.0/decision-maker/why.html"), u.urls());
        assertEquals(setup, fileKey("2.0/admin/setup.html"), "an unchanged page is not rewritten");
        assertEquals(home, fileKey("2.0/index.html"), "nor is the home page");
        await("the version's search data has the new text (written after the reload event)",
                () -> searchPagesContain(out.resolve("2.0"), "Risk drops."));
        await("open pages hear which page changed", () -> events.stream().anyMatch(e -> e.contains("\"/2.0/decision-maker/why.html\"")));
    }

    @Test void aTitleEditRewritesThePagesWhoseNavigationShowsIt() throws Exception {
        Object setup = fileKey("2.0/admin/setup.html");
        int seen = updates.size();

        TestContent.edit(content.resolve("pages/admin/troubleshoot.yaml"), "title: Troubleshoot", "title: Troubleshooting");

        // Content pages are written before index pages: only the finished update says both are there.
        LiveSite.Update u = awaitUpdate(seen);
        assertTrue(get("/2.0/admin/setup.html").body().contains("Troubleshooting"), "the next page's navigation shows the new title");
        assertNotEquals(setup, fileKey("2.0/admin/setup.html"));
        assertTrue(get("/2.0/admin/index.html").body().contains("Troubleshooting"), "and the audience page");
        assertEquals(0, u.rendered(), "the body did not change, so nothing is rendered again");
    }

    @Test void aSectionFileEditRetitlesTheSectionInEveryPagesNavigation() throws Exception {
        Files.createDirectories(content.resolve("pages/admin/ops"));
        Files.writeString(content.resolve("pages/admin/ops/backup.yaml"), "title: Backups\naudience: admin\nsummary: Copies.\nbody: |\n  Keep copies.\n");
        await("the new section's landing page is served", () -> get("/2.0/admin/ops/index.html").statusCode() == 200);
        assertTrue(get("/2.0/admin/setup.html").body().contains(">Ops</summary>"), "a folder without a section file is titled after its name");
        Object setup = fileKey("2.0/admin/setup.html");

        Files.writeString(content.resolve("pages/admin/ops/_section.yaml"), "title: Operations\nsummary: Day-two work.\n");

        await("a page outside the section shows the new title", () -> get("/2.0/admin/setup.html").body().contains(">Operations</summary>"));
        assertNotEquals(setup, fileKey("2.0/admin/setup.html"));
        await("the landing page shows the summary", () -> get("/2.0/admin/ops/index.html").body().contains("Day-two work."));
        assertTrue(get("/2.0/admin/ops/backup.html").body().contains("<a href=\"index.html\">Operations</a>"), "and the breadcrumbs of its pages");

        Files.writeString(content.resolve("pages/admin/ops/_section.yaml"), "title: Operations\nsummary: Day-two work, in order.\n");
        await("a summary edit rewrites the landing page", () -> get("/2.0/admin/ops/index.html").body().contains("Day-two work, in order."));

        // A page retitled inside a section shows in its section's navigation and its neighbours' previous/next only.
        Object top = fileKey("2.0/admin/setup.html"), before = fileKey("2.0/admin/new-thing.html");
        int seen = updates.size();
        TestContent.edit(content.resolve("pages/admin/ops/backup.yaml"), "title: Backups", "title: Backups and restores");
        await("the page shows its new title", () -> get("/2.0/admin/ops/backup.html").body().contains("Backups and restores"));
        await("the update is reported", () -> updates.size() > seen);
        assertNotEquals(before, fileKey("2.0/admin/new-thing.html"), "the previous page's next link shows it");
        assertTrue(get("/2.0/admin/new-thing.html").body().contains("Backups and restores"));
        assertEquals(top, fileKey("2.0/admin/setup.html"), "a page outside the section shows its heading only: not rewritten");
    }

    @Test void anAddedPageIsServedAndListedAndADeletedOneIsGone() throws Exception {
        int seen = updates.size();
        Files.writeString(content.resolve("pages/admin/faq.yaml"), "title: Admin FAQ\naudience: admin\nsummary: Answers.\nbody: |\n  Ask.\n");

        assertFalse(awaitUpdate(seen).failed());
        assertEquals(200, get("/2.0/admin/faq.html").statusCode(), "the new page is served");
        assertTrue(get("/2.0/admin/setup.html").body().contains("Admin FAQ"), "its audience's navigation lists it");

        seen = updates.size();
        Files.delete(content.resolve("pages/admin/new-thing.yaml"));

        assertFalse(awaitUpdate(seen).failed());
        assertEquals(404, get("/2.0/admin/new-thing.html").statusCode(), "the deleted page is gone");
        assertFalse(get("/2.0/admin/setup.html").body().contains("New thing"), "and out of the navigation");
        await("the search index has one page file per page, none left from the removed page", () -> {
            try (var files = Files.list(out.resolve("2.0/_search/p"))) {
                return files.count() == 5 && !searchPagesContain(out.resolve("2.0"), "Only from 2.0.");
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test void aCatalogEditRerendersThePagesThatUseIt() throws Exception {
        Object why = fileKey("2.0/decision-maker/why.html");
        int seen = updates.size();

        TestContent.edit(content.resolve("errors/sign-in.yaml"), "Your session has expired. Please sign in again.", "Your session ended.");

        assertFalse(awaitUpdate(seen).failed());
        assertTrue(get("/2.0/admin/troubleshoot.html").body().contains("Your session ended."), "the admin table changes");
        assertTrue(get("/2.0/end-user/start.html").body().contains("Your session ended."), "the user message changes");
        assertTrue(get("/2.0/errors.json").body().contains("Your session ended."), "errors.json changes");
        assertEquals(why, fileKey("2.0/decision-maker/why.html"), "a page without the catalog is not rewritten");
    }

    @Test void aTemplateEditRelaysOutEveryPageWithoutRenderingAgain() throws Exception {
        int seen = updates.size();
        TestContent.edit(templates.resolve("page.ftlh"), "<p class=\"lead\">${page.summary}</p>", "<p class=\"lead\">${page.summary} (template edited)</p>");

        LiveSite.Update u = awaitUpdate(seen);
        assertTrue(get("/2.0/decision-maker/why.html").body().contains("(template edited)")
                && get("/1.0/end-user/start.html").body().contains("(template edited)"), "every page has the new layout");
        assertEquals(0, u.rendered(), "Asciidoctor is not needed for a layout change");
        await("open pages are told to reload", () -> events.stream().anyMatch(e -> e.contains("\"all\":true")));
    }

    @Test void aBrokenChangeShowsTheErrorWithFileAndLineUntilItIsFixed() {
        Path why = content.resolve("pages/decision-maker/why.yaml");
        TestContent.edit(why, "See xref:", "See error:ent.test.token_expird.app_error[] and xref:");

        await("the page shows the error", () -> get("/2.0/decision-maker/why.html").statusCode() == 500);
        String page = get("/2.0/decision-maker/why.html").body();
        assertTrue(page.contains("content/pages/decision-maker/why.yaml:6: error error-ref/unknown-id"), page);
        assertFalse(page.contains("See <a href"), "the stale page is not shown");
        assertTrue(page.contains("/_docsite/live.js"), "the error page reloads itself when fixed");
        assertEquals(200, get("/_/docsite.css").statusCode(), "assets are still served");

        TestContent.edit(why, "token_expird", "token_expired");

        await("the fixed page is served", () -> get("/2.0/decision-maker/why.html").statusCode() == 200);
        assertTrue(get("/2.0/decision-maker/why.html").body().contains("err-ent-test-token_expired-app_error"));
    }

    @Test void aBrokenLinkFoundInTheWrittenSiteIsShownToo() {
        Path why = content.resolve("pages/decision-maker/why.yaml");
        TestContent.edit(why, "setup.adoc#before-you-begin", "setup.adoc#nowhere");

        await("the page shows the error", () -> get("/2.0/decision-maker/why.html").statusCode() == 500);
        String page = get("/2.0/decision-maker/why.html").body();
        assertTrue(page.contains("content/pages/decision-maker/why.yaml:6: error link/missing-anchor"), page);

        TestContent.edit(why, "setup.adoc#nowhere", "setup.adoc#before-you-begin");

        await("the fixed page is served", () -> get("/2.0/decision-maker/why.html").statusCode() == 200);
    }

    /** Serve checks again only the pages an edit changed, unless a link target changed: then every page. */
    @Test void anAnchorRemovedFromOnePageBreaksTheLinkOfAnotherPageThatWasNotEdited() {
        Path setup = content.resolve("pages/admin/setup.yaml");
        TestContent.edit(setup, "== Before you begin", "== Before starting");

        LiveSite.Update u = awaitUpdate(1);
        assertTrue(u.failed(), u.toString());
        assertTrue(u.problems().stream().anyMatch(p -> p.contains("content/pages/decision-maker/why.yaml:6: error link/missing-anchor")), u.problems().toString());

        TestContent.edit(setup, "== Before starting", "== Before you begin");
        assertFalse(awaitUpdate(2).failed());
        // An edit that changes no link target: the unchanged pages keep their (clean) result.
        TestContent.edit(content.resolve("pages/end-user/start.yaml"), "sign in again", "sign in once more");
        assertFalse(awaitUpdate(3).failed());
    }

    @Test void invalidYamlIsShownWithFileLineAndColumn() throws Exception {
        Files.writeString(content.resolve("pages/admin/extra.yaml"), "title: Extra\naudience: admin\n  summary: [oops\n");

        await("the page shows the error", () -> get("/2.0/admin/setup.html").statusCode() == 500);
        assertTrue(get("/2.0/admin/setup.html").body().contains("content/pages/admin/extra.yaml:3:"), get("/2.0/admin/setup.html").body());
    }

    @Test void contentTypesRedirectsAndTheNotFoundPage() {
        assertEquals("text/css; charset=utf-8", get("/_/docsite.css").headers().firstValue("Content-Type").orElse(""));
        assertEquals("text/javascript; charset=utf-8", get("/_/docsite.js").headers().firstValue("Content-Type").orElse(""));
        assertEquals("application/json", get("/versions.json").headers().firstValue("Content-Type").orElse(""));
        assertEquals("application/xml", get("/sitemap.xml").headers().firstValue("Content-Type").orElse(""));
        assertEquals("text/html; charset=utf-8", get("/2.0/").headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", get("/2.0/").headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> folder = get("/2.0");
        assertEquals(301, folder.statusCode());
        assertEquals("/2.0/", folder.headers().firstValue("Location").orElse(""));
        HttpResponse<String> missing = get("/2.0/admin/no-such-page.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), "the site's own 404 page");
        // The written page points at base_url's path (/test/); served at / its links and styles must resolve here.
        org.jsoup.nodes.Document notFound = org.jsoup.Jsoup.parse(missing.body(), "http://127.0.0.1:" + serve.server().port() + "/2.0/admin/no-such-page.html");
        assertEquals("/", notFound.selectFirst("base").attr("href"));
        for (String css : List.of("link[rel=stylesheet]", "link[rel=icon]", "header a.site-title", "main a[href]")) {
            String url = notFound.selectFirst(css).absUrl(css.startsWith("link") ? "href" : "href");
            assertEquals(200, get(URI.create(url).getPath()).statusCode(), css + " -> " + url);
        }
    }

    @Test void pathsOutsideTheSiteAreRefusedHoweverTheyAreWritten() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        Files.createSymbolicLink(out.resolve("2.0/leak.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("2.0/leakdir"), dir);
        List<String> attacks = List.of(
                "/../secret.txt", "/2.0/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
                "/2.0/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
                "/%252e%252e/secret.txt", "/%c0%ae%c0%ae/secret.txt", "/2.0/..;/../secret.txt",
                "//" + dir.resolve("secret.txt").toString().substring(1), "/" + dir.resolve("secret.txt"),
                "/2.0/leak.txt", "/2.0/leakdir/secret.txt", "/C:%5csecret.txt", "/%00/secret.txt");
        for (String path : attacks) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String status = response.lines().findFirst().orElse("");
            assertFalse(response.contains("TOP SECRET"), path + " leaked the file:\n" + response);
            assertFalse(status.contains(" 200 "), path + " answered " + status);
        }
        assertTrue(raw("GET /2.0/leak.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 403"), "a link out of the site is refused");
        assertTrue(raw("GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 403"));
        assertTrue(raw("GET /2.0/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"), "the site itself is served");
        assertTrue(raw("GET /2.0/index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 403"), "another Host is refused");
        assertTrue(raw("DELETE /2.0/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 405"));
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), serve.server().port())) {
            s.setSoTimeout(10_000);
            OutputStream os = s.getOutputStream();
            os.write(request.getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void listensOnLoopbackOnly() throws Exception {
        assertTrue(serve.server().url().getHost().equals("127.0.0.1"));
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a.isLoopbackAddress() || a.isLinkLocalAddress()) continue;
                try (Socket s = new Socket()) {
                    s.connect(new java.net.InetSocketAddress(a, serve.server().port()), 2000);
                    fail("reachable on " + a);
                } catch (IOException expected) {
                    // refused: not listening there
                }
            }
        }
    }

    /** Whether some page file of the version's search index holds {@code text}. */
    static boolean searchPagesContain(java.nio.file.Path version, String text) {
        java.nio.file.Path dir = version.resolve("_search/p");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) if (java.nio.file.Files.readString(f).contains(text)) return true;
        } catch (java.io.IOException e) {
            return false;   // not written yet, or being replaced: the caller waits and asks again
        }
        return false;
    }
}
