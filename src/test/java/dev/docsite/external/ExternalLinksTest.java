package dev.docsite.external;


import dev.docsite.rules.Severity;
import dev.docsite.content.SourcePos;
import dev.docsite.report.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External link checks against real HTTP servers on 127.0.0.1 (and 127.0.0.2), started by the test. */
class ExternalLinksTest {
    static LinkTestServer server;

    @BeforeAll static void start() throws Exception { server = new LinkTestServer("127.0.0.1"); }

    @AfterAll static void stop() { server.close(); }

    static ExternalLinks.Settings settings(int concurrency, int perHost, int retries, String... ignore) {
        return new ExternalLinks.Settings(300, concurrency, perHost, retries, java.util.Arrays.stream(ignore).map(Pattern::compile).toList(),
                20, 5_000, 10, 1 << 20);
    }

    static ExternalLinks.Usage use(String url, int line, String version) {
        return new ExternalLinks.Usage(url, new SourcePos("content/pages/admin/links.yaml", line, 0), version);
    }

    /** Findings of one severity by the URL they are about (the message starts with the URL). */
    static Map<String, Finding> by(List<Finding> fs, Severity sev) {
        Map<String, Finding> m = new TreeMap<>();
        for (Finding f : fs) if (f.severity() == sev) m.put(f.message().substring(0, f.message().indexOf(": ")), f);
        return m;
    }

    @Test void brokenFoundWorkingNeverReportedAndSecondRunFromCache(@TempDir Path tmp) throws Exception {
        String refused = "http://127.0.0.1:" + LinkTestServer.closedPort() + "/nothing";
        try (LinkTestServer.ResetOnce reset = new LinkTestServer.ResetOnce()) {
            List<String> working = List.of(server.url("/ok"), server.url("/r1"), server.url("/limited"), server.url("/limited-date"),
                    server.url("/flaky"), server.url("/nohead"), server.url("/page.html#present"), server.url("/page.html#named"), reset.url(),
                    server.url("/item/doc.pdf#page=2"));
            List<String> broken = List.of(server.url("/loop-a"), server.url("/missing"), server.url("/gone"), server.url("/slow"),
                    refused, server.url("/page.html#absent"), server.url("/hop/1"));
            List<ExternalLinks.Usage> usages = new ArrayList<>();
            int line = 10;
            for (String u : working) usages.add(use(u, line++, "2.0"));
            for (String u : broken) usages.add(use(u, line++, "2.0"));

            Path cacheFile = tmp.resolve(".docsite-cache/links.json");
            long t0 = System.nanoTime();
            ExternalLinks.Result first = new ExternalLinks(settings(8, 4, 2), LinkCache.open(cacheFile, 24)).check(usages, false);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            Map<String, Finding> errors = by(first.findings(), Severity.ERROR);
            assertEquals(Set.copyOf(broken), errors.keySet(), "exactly the broken links are errors: " + first.findings());
            assertTrue(by(first.findings(), Severity.WARNING).isEmpty(), "no warnings: " + first.findings());
            for (String w : working) assertFalse(errors.containsKey(w), w);

            // The reason is in each message, with the rule.
            assertEquals(ExternalLinks.REDIRECT, errors.get(server.url("/loop-a")).rule());
            assertTrue(errors.get(server.url("/loop-a")).message().contains("redirect loop"), errors.get(server.url("/loop-a")).message());
            assertTrue(errors.get(server.url("/hop/1")).message().contains("more than 10 redirects"));
            assertEquals(ExternalLinks.STATUS, errors.get(server.url("/missing")).rule());
            assertTrue(errors.get(server.url("/missing")).message().contains("404 Not Found"));
            assertTrue(errors.get(server.url("/gone")).message().contains("410 Gone"));
            assertEquals(ExternalLinks.TIMEOUT, errors.get(server.url("/slow")).rule());
            assertTrue(errors.get(server.url("/slow")).message().contains("3 attempts"), "timeouts are retried: " + errors.get(server.url("/slow")));
            assertEquals(ExternalLinks.UNREACHABLE, errors.get(refused).rule());
            assertTrue(errors.get(refused).message().contains("connection refused"));
            assertEquals(ExternalLinks.ANCHOR, errors.get(server.url("/page.html#absent")).rule());
            // Findings keep the source position and version of the usage.
            assertEquals(10 + working.size() + 1, errors.get(server.url("/missing")).pos().line());
            assertEquals(List.of("2.0"), errors.get(server.url("/missing")).versions());

            // A permanent redirect is a note, not a failure.
            Finding moved = by(first.findings(), Severity.NOTE).get(server.url("/r1"));
            assertEquals(ExternalLinks.MOVED, moved.rule());
            assertTrue(moved.message().contains(server.url("/ok")), moved.message());

            // How the server was asked.
            assertEquals(2, server.countPath("/limited"), "429 then success");
            List<Long> lt = server.times.get("/limited");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(lt.get(1) - lt.get(0)) >= 950, "Retry-After: 1 honoured");
            List<Long> dt = server.times.get("/limited-date");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(dt.get(1) - dt.get(0)) >= 900, "Retry-After as HTTP date honoured");
            assertEquals(2, server.countPath("/flaky"), "503 retried once");
            assertEquals(1, server.count("HEAD /nohead"));
            assertEquals(1, server.count("GET /nohead"));
            assertEquals(0, server.count("HEAD /page.html"), "a fragment needs the page: GET straight away");
            assertEquals(1, server.count("GET /page.html"), "one fetch for all fragments of a page");
            assertEquals(2, reset.connections.get(), "a reset connection is retried");
            assertEquals(1, server.countPath("/loop-a"), "the loop is noticed when a Location points back, without asking again");
            assertEquals(1, server.countPath("/loop-b"));
            // A deadline against hanging, not a speed test: the request counts above are the assertions.
            assertTrue(ms < 60_000, "first run took " + ms + " ms");
            assertTrue(Files.isRegularFile(cacheFile));

            // Second run: working links come from the cache, broken ones are asked again (only successes are cached).
            int before = server.total.get();
            Map<String, Integer> workingCounts = new TreeMap<>();
            for (String p : List.of("/ok", "/r1", "/r2", "/limited", "/limited-date", "/flaky", "/nohead", "/item/doc.pdf")) workingCounts.put(p, server.countPath(p));
            int pageBefore = server.countPath("/page.html");
            int resetBefore = reset.connections.get();
            ExternalLinks.Result second = new ExternalLinks(settings(8, 4, 2), LinkCache.open(cacheFile, 24)).check(usages, false);
            for (Map.Entry<String, Integer> e : workingCounts.entrySet()) assertEquals(e.getValue(), server.countPath(e.getKey()), e.getKey() + " asked again");
            assertEquals(resetBefore, reset.connections.get());
            assertEquals(pageBefore + 1, server.countPath("/page.html"), "fetched again only for its broken fragment");
            assertEquals(Set.copyOf(broken), by(second.findings(), Severity.ERROR).keySet());
            assertTrue(by(second.findings(), Severity.NOTE).containsKey(server.url("/r1")), "the moved note is kept from the cache");
            assertEquals(working.size() - 2, second.stats().cached(), "all working documents but page.html (its #absent is not cached): " + second.stats());
            assertTrue(server.total.get() > before, "broken links were asked again");

            // A run with only working links sends nothing at all.
            int quiet = server.total.get();
            List<ExternalLinks.Usage> onlyWorking = usages.subList(0, working.size());
            ExternalLinks.Result third = new ExternalLinks(settings(8, 4, 2), LinkCache.open(cacheFile, 24)).check(onlyWorking, false);
            assertEquals(quiet, server.total.get());
            assertEquals(0, third.stats().requests());
            assertTrue(third.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR));
        }
    }

    @Test void eachUrlCheckedOnceAndOneFindingPerPlaceWritten() {
        String missing = server.url("/missing?dedupe");
        String ok = server.url("/item/dedupe");
        List<ExternalLinks.Usage> usages = new ArrayList<>();
        for (String v : List.of("3.0", "2.0", "1.0")) {
            for (int page = 0; page < 20; page++) {
                usages.add(new ExternalLinks.Usage(missing, new SourcePos("content/pages/p" + page + ".yaml", 7, 0), v));
                usages.add(new ExternalLinks.Usage(ok, new SourcePos("content/pages/p" + page + ".yaml", 9, 0), v));
            }
        }
        int missingBefore = server.countPath("/missing"), okBefore = server.countPath("/item/dedupe");
        ExternalLinks.Result r = new ExternalLinks(settings(4, 2, 0), LinkCache.none()).check(usages, false);
        assertEquals(missingBefore + 2, server.countPath("/missing"), "HEAD 404, then GET to be sure: once for 60 usages");
        assertEquals(okBefore + 1, server.countPath("/item/dedupe"));
        assertEquals(20, r.findings().size(), "one finding per page line, versions merged: " + r.findings());
        for (Finding f : r.findings()) assertEquals(List.of("3.0", "2.0", "1.0"), f.versions());
        assertEquals(2, r.stats().documents());
    }

    @Test void perHostAndGlobalLimitsHold() throws Exception {
        try (LinkTestServer a = new LinkTestServer("127.0.0.1"); LinkTestServer b = new LinkTestServer("127.0.0.2")) {
            a.latencyMs = 100;
            b.latencyMs = 100;
            List<ExternalLinks.Usage> usages = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                usages.add(use(a.url("/item/" + i), i + 1, "1.0"));
                usages.add(use(b.url("/item/" + i), i + 1, "1.0"));
            }
            long t0 = System.nanoTime();
            ExternalLinks.Result r = new ExternalLinks(new ExternalLinks.Settings(2000, 3, 2, 0, List.of(), 20, 5000, 10, 1 << 20), LinkCache.none())
                    .check(usages, false);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            List<Long> starts = new ArrayList<>();
            a.times.values().forEach(starts::addAll); b.times.values().forEach(starts::addAll);
            starts.sort(null);
            assertTrue(r.findings().isEmpty(), r.findings().toString());
            assertTrue(a.maxInFlight.get() <= 2 && b.maxInFlight.get() <= 2, "per host: " + a.maxInFlight + ", " + b.maxInFlight);
            assertTrue(a.maxInFlight.get() + b.maxInFlight.get() >= 3, "both hosts were served in parallel");
            // 16 requests of 100 ms, at most 3 at a time: the last cannot start before 5 rounds (~500 ms). A busy
            // machine only makes it later, so only the lower bound is a property; parallelism is shown above.
            long span = TimeUnit.NANOSECONDS.toMillis(starts.get(starts.size() - 1) - starts.get(0));
            assertEquals(16, starts.size());
            assertTrue(span >= 450, "requests started over " + span + " ms (whole check " + ms + " ms)");
            assertTrue(ms < 60_000, "a deadline against hanging: " + ms + " ms");
        }
    }

    @Test void ignoredAndOfflineUrlsAreNeverRequested(@TempDir Path tmp) {
        int before = server.total.get();
        List<ExternalLinks.Usage> usages = List.of(use(server.url("/missing?ignored"), 3, "1.0"), use(server.url("/item/offline"), 4, "1.0"));
        ExternalLinks.Result ignored = new ExternalLinks(settings(2, 2, 0, "\\?ignored$", "/item/"), LinkCache.none()).check(usages, false);
        assertEquals(before, server.total.get());
        assertTrue(ignored.findings().isEmpty());
        assertEquals(2, ignored.stats().ignored());

        ExternalLinks.Result offline = new ExternalLinks(settings(2, 2, 0), LinkCache.open(tmp.resolve("links.json"), 24)).check(usages, true);
        assertEquals(before, server.total.get());
        assertTrue(offline.findings().isEmpty());
        assertEquals(2, offline.stats().notChecked());
    }

    @Test void rateLimitBeyondPatienceAndScriptBuiltPagesAreWarningsNotErrors() {
        List<ExternalLinks.Usage> usages = List.of(use(server.url("/limited-forever"), 3, "1.0"), use(server.url("/app.html#/settings"), 4, "1.0"),
                use(server.url("/app.html#install"), 5, "1.0"), use("https://github.com/o/r/blob/main/x.java#L10-L20", 6, "1.0"));
        ExternalLinks.Result r = new ExternalLinks(settings(2, 2, 1, "^https://github\\.com/"), LinkCache.none()).check(usages, false);
        Map<String, Finding> warnings = by(r.findings(), Severity.WARNING);
        assertTrue(by(r.findings(), Severity.ERROR).isEmpty(), r.findings().toString());
        assertEquals(ExternalLinks.RATE_LIMITED, warnings.get(server.url("/limited-forever")).rule());
        assertEquals(1, server.countPath("/limited-forever"), "a Retry-After past the limit is not waited for");
        assertEquals(ExternalLinks.ANCHOR_UNVERIFIED, warnings.get(server.url("/app.html#install")).rule());
        assertFalse(warnings.containsKey(server.url("/app.html#/settings")), "client-side routes are not anchors");
        assertFalse(ExternalLinks.checkable(java.net.URI.create("https://github.com/o/r/blob/main/x.java"), "L10-L20"));
        assertTrue(ExternalLinks.hasFragment(Set.of("user-content-install"), java.net.URI.create("https://github.com/o/r"), "install"));
    }

    @Test void retryAfterParsesSecondsAndDates() {
        var h = java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("7")), (a, b) -> true);
        assertEquals(7000L, ExternalLinks.retryAfter(h).orElseThrow());
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30));
        long ms = ExternalLinks.retryAfter(java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of(date)), (a, b) -> true)).orElseThrow();
        // The date has whole seconds and time passes before it is read: anything from well under 30 s to 30 s.
        assertTrue(ms > 20_000 && ms <= 30_000, String.valueOf(ms));
        assertTrue(ExternalLinks.retryAfter(java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("soon")), (a, b) -> true)).isEmpty());
    }

    /** The figures the writers' guide states: 1 s first retry, doubling; Retry-After honoured up to 60 s; successes kept 24 h. */
    @Test void theDocumentedDefaults() {
        ExternalLinks.Settings d = ExternalLinks.Settings.of(dev.docsite.content.SiteConfig.LinksConfig.defaults());
        assertEquals(1000, d.backoffMs());
        assertEquals(60_000, d.maxRetryAfterMs());
        assertEquals(24, dev.docsite.content.SiteConfig.LinksConfig.defaults().cacheTtlHours());
        assertEquals(2, d.retries());
    }

    @Test void retriesBackOffExponentially() {
        int before = server.countPath("/down");
        ExternalLinks.Result r = new ExternalLinks(new ExternalLinks.Settings(2000, 2, 2, 3, List.of(), 150, 5_000, 10, 1 << 20), LinkCache.none())
                .check(List.of(use(server.url("/down"), 3, "1.0")), false);
        assertEquals(ExternalLinks.STATUS, r.findings().get(0).rule(), r.findings().toString());
        assertEquals(before + 4, server.countPath("/down"), "the first request and 3 retries");
        List<Long> t = server.times.get("/down").subList(before, before + 4);
        // Lower bounds only: a busy machine makes the gaps longer, never shorter.
        for (int i = 1; i < 4; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(t.get(i) - t.get(i - 1));
            long expected = 150L << (i - 1);
            assertTrue(gap >= expected - 10, "retry " + i + " came after " + gap + " ms, expected at least " + expected);
        }
    }

    @Test void cachedSuccessesAreReusedWithinTheirTtlOnly(@TempDir Path tmp) {
        Path file = tmp.resolve("links.json");
        long now = System.currentTimeMillis(), hour = 3_600_000L;
        LinkCache c = LinkCache.open(file, 24);
        c.put(server.url("/item/fresh"), new LinkCache.Entry(now - 23 * hour, 200, null));
        c.put(server.url("/item/stale"), new LinkCache.Entry(now - 25 * hour, 200, null));
        assertTrue(c.fresh(server.url("/item/fresh"), now) != null);
        assertEquals(null, c.fresh(server.url("/item/stale"), now));
        c.save(now);
        int fresh = server.countPath("/item/fresh"), stale = server.countPath("/item/stale");
        ExternalLinks.Result r = new ExternalLinks(settings(2, 2, 0), LinkCache.open(file, 24))
                .check(List.of(use(server.url("/item/fresh"), 3, "1.0"), use(server.url("/item/stale"), 4, "1.0")), false);
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertEquals(fresh, server.countPath("/item/fresh"), "checked 23 h ago: not asked again");
        assertEquals(stale + 1, server.countPath("/item/stale"), "checked 25 h ago: asked again");
    }

    static String summary(List<Finding> fs) { return fs.stream().map(Finding::toText).collect(Collectors.joining("\n")); }
}
