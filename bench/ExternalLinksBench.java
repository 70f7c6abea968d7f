import com.sun.net.httpserver.HttpServer;
import dev.docsite.check.ExternalLinks;
import dev.docsite.check.LinkCache;
import dev.docsite.content.SourcePos;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * External link check throughput against local servers: URLS distinct URLs spread over HOSTS loopback
 * addresses (127.0.0.1, 127.0.0.2, ...), each answer delayed by LATENCY ms, checked with CONCURRENCY
 * requests at once and PER_HOST per host. The bound to meet is 2 x (URLS / CONCURRENCY x LATENCY).
 * Prints the first run in a fresh JVM (it also pays the one-time set-up of the HTTP client and TLS trust
 * store and the class loading of java.net.http: ~0.5-1 s that `docsite check --external` overlaps with
 * the site build), the median of the next RUNS runs (the verdict), and an unchanged run served from
 * the on-disk cache.
 *
 * Usage: java -cp target/docsite.jar bench/ExternalLinksBench.java [URLS] [LATENCY_MS] [CONCURRENCY] [PER_HOST] [HOSTS] [RUNS] [--fragments]
 *        (defaults: 200 50 16 2 8 3)
 */
public class ExternalLinksBench {
    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean fragments = a.remove("--fragments");
        int urls = arg(a, 0, 200), latency = arg(a, 1, 50), concurrency = arg(a, 2, 16), perHost = arg(a, 3, 2),
                hosts = arg(a, 4, 8), runs = arg(a, 5, 3);
        // The JDK's test server leaves Nagle's algorithm on: its header and body writes would then wait
        // ~40 ms for the client's delayed ACK on every GET, which measures the server, not the checker.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger requests = new AtomicInteger();
        List<HttpServer> servers = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0." + h, 0), 256);
            s.setExecutor(Executors.newCachedThreadPool());
            s.createContext("/", ex -> {
                requests.incrementAndGet();
                try { Thread.sleep(latency); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                byte[] body = "<html><body><h2 id=\"section\">Section</h2><p>A page with enough text to count as a real page, not a script-built shell. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></body></html>".getBytes();
                ex.getResponseHeaders().add("Content-Type", "text/html");
                if (ex.getRequestMethod().equals("HEAD")) ex.sendResponseHeaders(200, -1);
                else {
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream os = ex.getResponseBody()) { os.write(body); }
                }
                ex.close();
            });
            s.start();
            servers.add(s);
        }
        List<ExternalLinks.Usage> usages = new ArrayList<>();
        for (int i = 0; i < urls; i++) {
            HttpServer s = servers.get(i % hosts);
            String url = "http://127.0.0." + (i % hosts + 1) + ":" + s.getAddress().getPort() + "/doc/" + i + (fragments ? "#section" : "");
            usages.add(new ExternalLinks.Usage(url, new SourcePos("content/pages/p" + i + ".yaml", 10, 0), "1.0"));
        }
        ExternalLinks.Settings settings = new ExternalLinks.Settings(10_000, concurrency, perHost, 2, List.of(), 1000, 60_000, 10, 8 << 20);
        double bound = 2.0 * urls / concurrency * latency;
        System.out.printf("external link check: %d distinct URLs on %d loopback hosts, %d ms latency, concurrency %d, per host %d%s%n",
                urls, hosts, latency, concurrency, perHost, fragments ? ", GET + fragment lookup" : ", HEAD");
        System.out.printf("bound: 2 x (%d / %d x %d ms) = %.0f ms%n", urls, concurrency, latency, bound);

        long first = timed(settings, usages, LinkCache.none(), requests, urls);
        System.out.printf("first run in a fresh JVM (includes HTTP client, TLS and class set-up): %d ms%n", first);
        long[] warm = new long[runs];
        for (int r = 0; r < runs; r++) warm[r] = timed(settings, usages, LinkCache.none(), requests, urls);
        Arrays.sort(warm);
        long median = warm[runs / 2];
        System.out.printf("median of %d further runs: %d ms (%s)%n", runs, median, Arrays.toString(warm));

        Path dir = Files.createTempDirectory("links-bench-");
        Path cacheFile = dir.resolve("links.json");
        timed(settings, usages, LinkCache.open(cacheFile, 24), requests, urls);
        int before = requests.get();
        long t0 = System.nanoTime();
        ExternalLinks.Result cached = new ExternalLinks(settings, LinkCache.open(cacheFile, 24)).check(usages, false);
        long cachedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("unchanged run from the cache: %d ms, %d requests (%s)%n", cachedMs, requests.get() - before, cached.stats().summary());
        Files.deleteIfExists(cacheFile);
        Files.deleteIfExists(dir);
        for (HttpServer s : servers) s.stop(0);
        boolean ok = median <= bound;
        System.out.printf("median %s the bound (%.1fx the ideal %.0f ms)%n", ok ? "within" : "OVER", median / (bound / 2), bound / 2);
        System.exit(ok ? 0 : 1);
    }

    static long timed(ExternalLinks.Settings settings, List<ExternalLinks.Usage> usages, LinkCache cache, AtomicInteger requests, int urls) {
        int before = requests.get();
        long t0 = System.nanoTime();
        ExternalLinks.Result r = new ExternalLinks(settings, cache).check(usages, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!r.findings().isEmpty()) throw new IllegalStateException("unexpected findings: " + r.findings());
        if (requests.get() - before != urls) throw new IllegalStateException("expected " + urls + " requests, got " + (requests.get() - before));
        return ms;
    }

    static int arg(List<String> a, int i, int d) { return a.size() > i ? Integer.parseInt(a.get(i)) : d; }
}
