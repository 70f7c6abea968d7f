package dev.docsite.external;

import dev.docsite.rules.ExternalLinkRules;
import dev.docsite.rules.Severity;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.SourcePos;
import dev.docsite.render.Links;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.LinkKind;
import dev.docsite.render.RenderedPage.PageLink;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import javax.net.ssl.SSLException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Checks the external links of a build: each distinct URL once per run (a fragment-less document once
 * for all its fragments) however many pages and versions use it; at most {@code concurrency} requests
 * at once and {@code per_host} per host; HEAD first, GET when HEAD is refused or a fragment must be
 * found; redirects followed by hand with a loop and hop limit; retries with exponential backoff for
 * 5xx, timeouts and dropped connections; 429 answered by pausing the host for its Retry-After;
 * successes cached on disk for the TTL. Every finding is reported at each place the URL is written.
 */
public final class ExternalLinks {
    public static final String STATUS = ExternalLinkRules.STATUS.id();
    public static final String TIMEOUT = ExternalLinkRules.TIMEOUT.id();
    public static final String UNREACHABLE = ExternalLinkRules.UNREACHABLE.id();
    public static final String REDIRECT = ExternalLinkRules.REDIRECT.id();
    public static final String ANCHOR = ExternalLinkRules.ANCHOR.id();
    public static final String ANCHOR_UNVERIFIED = ExternalLinkRules.ANCHOR_UNVERIFIED.id();
    public static final String RATE_LIMITED = ExternalLinkRules.RATE_LIMITED.id();
    public static final String MOVED = ExternalLinkRules.MOVED.id();
    public static final String INVALID = ExternalLinkRules.INVALID.id();
    public static final String UNCHECKED = ExternalLinkRules.UNCHECKED.id();
    public static final String PRIVATE_REDIRECT = ExternalLinkRules.PRIVATE_REDIRECT.id();

    private static final String USER_AGENT = "Mozilla/5.0 (compatible; docsite-linkcheck/1.0)";
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    /** Body read of a GET that needs no fragment: small pages keep the connection reusable, large downloads are cut off. */
    private static final int DISCARD_LIMIT = 64 * 1024;
    private static final Pattern GITHUB_LINE = Pattern.compile("L\\d+(C\\d+)?(-L\\d+(C\\d+)?)?");

    /**
     * How the checker behaves; {@link #of} takes the site's {@code links:} settings.
     *
     * @param backoffMs      first retry delay; each further retry doubles it
     * @param maxRetryAfterMs longest Retry-After honoured; a longer one is reported as rate limited instead of waited for
     * @param maxRedirects   hops followed before giving up
     * @param maxBodyBytes   most of an HTML page read to find a fragment
     */
    public record Settings(int timeoutMs, int concurrency, int perHost, int retries, List<Pattern> ignore,
                           long backoffMs, long maxRetryAfterMs, int maxRedirects, int maxBodyBytes,
                           long deadlineMs, boolean allowPrivateRedirects) {
        /** The defaults of site.yaml for the whole-run deadline (120 s) and private redirects (refused). */
        public Settings(int timeoutMs, int concurrency, int perHost, int retries, List<Pattern> ignore,
                        long backoffMs, long maxRetryAfterMs, int maxRedirects, int maxBodyBytes) {
            this(timeoutMs, concurrency, perHost, retries, ignore, backoffMs, maxRetryAfterMs, maxRedirects, maxBodyBytes,
                    SiteConfig.LinksConfig.defaults().deadlineSeconds() * 1000L, false);
        }

        public static Settings of(SiteConfig.LinksConfig c) {
            return new Settings(c.timeoutMs(), c.concurrency(), c.perHost(), c.retries(),
                    c.ignore().stream().map(Pattern::compile).toList(), 1000, 60_000, 10, 8 << 20,
                    c.deadlineSeconds() * 1000L, c.allowPrivateRedirects());
        }

        public Settings withBackoff(long ms, long maxRetryAfter) {
            return new Settings(timeoutMs, concurrency, perHost, retries, ignore, ms, maxRetryAfter, maxRedirects, maxBodyBytes, deadlineMs, allowPrivateRedirects);
        }

        public Settings withDeadline(long ms, boolean allowPrivate) {
            return new Settings(timeoutMs, concurrency, perHost, retries, ignore, backoffMs, maxRetryAfterMs, maxRedirects, maxBodyBytes, ms, allowPrivate);
        }
    }

    /** One place an external URL is written: the page's YAML line and the version it was built in. */
    public record Usage(String url, SourcePos pos, String version) {}

    /**
     * @param urls      distinct URLs (with fragment) found
     * @param documents distinct documents (URLs without fragment) among them that were not ignored
     * @param cached    documents answered entirely from the cache
     * @param checked   documents asked over the network
     * @param requests  HTTP requests sent (including redirects, retries and HEAD-to-GET fallbacks)
     * @param notChecked documents skipped because the check ran offline
     */
    public record Stats(int urls, int ignored, int documents, int cached, int checked, int requests, int notChecked, long millis) {
        public String summary() {
            if (urls == 0) return "external links: none";
            StringBuilder b = new StringBuilder("external links: " + urls + " URLs, " + documents + " documents");
            if (ignored > 0) b.append(", ").append(ignored).append(" ignored");
            b.append(": ").append(cached).append(" from cache, ");
            if (notChecked > 0) b.append(notChecked).append(" not checked (offline)");
            else b.append(checked).append(" checked with ").append(requests).append(" requests");
            return b.append(" in ").append(millis).append(" ms").toString();
        }
    }

    public record Result(List<Finding> findings, Stats stats) {}

    private final Settings settings;
    private final LinkCache cache;
    private final AtomicInteger requests = new AtomicInteger();
    private CompletableFuture<HttpClient> clientReady;
    private HttpClient client;
    private HostScheduler scheduler;

    public ExternalLinks(Settings settings, LinkCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    /**
     * Starts setting up the HTTP client (TLS trust store, selector thread: a few hundred ms in a fresh
     * JVM) in the background, so it overlaps with the site build instead of delaying the check.
     */
    public ExternalLinks warmUp() {
        if (clientReady == null) clientReady = CompletableFuture.supplyAsync(this::newClient, runnable -> {
            Thread t = new Thread(runnable, "docsite-links-warmup");
            t.setDaemon(true);
            t.start();
        });
        return this;
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)           // plain HTTP/1.1: no h2c upgrade surprises, predictable per-host connections
                .followRedirects(HttpClient.Redirect.NEVER)     // followed by hand: loops, hop limit, permanent-move notes
                .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .proxy(ProxySelector.getDefault())              // honours -Dhttps.proxyHost etc. where CI needs a proxy
                .build();
    }

    /** Every external link of every page in every version, with where it was written. */
    public static List<Usage> usages(BuildResult build) {
        List<Usage> out = new ArrayList<>();
        for (BuildResult.VersionBuild v : build.versions())
            for (RenderedPage p : v.pages())
                for (PageLink l : p.links())
                    if (l.kind() == LinkKind.EXTERNAL) out.add(new Usage(l.href(), l.pos(), v.name()));
        return out;
    }

    public Result check(List<Usage> usages, boolean offline) {
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        List<Finding> findings = new ArrayList<>();
        // Group usages by URL, and URLs by the document they fetch.
        Map<String, List<Usage>> byUrl = new LinkedHashMap<>();
        for (Usage u : usages) byUrl.computeIfAbsent(u.url(), k -> new ArrayList<>()).add(u);
        Map<String, Doc> docs = new LinkedHashMap<>();
        int ignored = 0;
        for (Map.Entry<String, List<Usage>> e : byUrl.entrySet()) {
            String url = e.getKey();
            if (settings.ignore().stream().anyMatch(p -> p.matcher(url).find())) { ignored++; continue; }
            Target t;
            try {
                t = Target.parse(url);
            } catch (URISyntaxException | IllegalArgumentException ex) {
                for (Usage u : e.getValue()) findings.add(finding(u, Severity.ERROR, INVALID, url + ": not a valid URL (" + ex.getMessage() + ")"));
                continue;
            }
            Doc d = docs.computeIfAbsent(t.document(), k -> new Doc(t.document(), t.uri()));
            d.usages.computeIfAbsent(t.fragment(), k -> new ArrayList<>()).addAll(e.getValue());
        }
        int cached = 0, checked = 0, notChecked = 0;
        List<Doc> todo = new ArrayList<>();
        for (Doc d : docs.values()) {
            LinkCache.Entry hit = cache.fresh(d.url, now);
            for (String f : d.usages.keySet()) if (f != null && checkable(d.uri, f) && cache.fresh(d.url + "#" + f, now) == null) d.fragments.add(f);
            if (hit != null && d.fragments.isEmpty()) {
                cached++;
                d.outcome = Outcome.ok(200, hit.movedTo(), null);
                d.fromCache = true;
            } else if (offline) {
                notChecked++;
            } else {
                todo.add(d);
            }
        }
        if (!todo.isEmpty()) {
            checked = todo.size();
            run(todo);
        }
        long finished = System.currentTimeMillis();
        for (Doc d : docs.values()) if (d.outcome != null) report(d, findings, finished);
        cache.save(finished);
        Stats stats = new Stats(byUrl.size(), ignored, docs.size(), cached, checked, requests.get(), notChecked, (System.nanoTime() - start) / 1_000_000);
        return new Result(Findings.sorted(Findings.mergeVersions(findings)), stats);
    }

    // ---- network -----------------------------------------------------------------------------------

    private void run(List<Doc> todo) {
        client = clientReady != null ? clientReady.join() : newClient();
        try (HostScheduler s = new HostScheduler(settings.concurrency(), settings.perHost())) {
            scheduler = s;
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (Doc d : todo) {
                Attempt a = new Attempt(d);
                all.add(a.result);
                a.submit(0);
            }
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(settings.deadlineMs(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // The run's budget is spent: what has no answer yet is reported unchecked (a warning), not waited for.
                Outcome unchecked = Outcome.failed(UNCHECKED, "not checked: the external check's deadline of "
                        + (settings.deadlineMs() / 1000.0 + "").replaceAll("\\.0$", "") + " s ran out first (links: deadline_seconds in site.yaml)");
                for (CompletableFuture<Outcome> f : all) f.complete(unchecked);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (CompletableFuture<Outcome> f : all) f.complete(Outcome.failed(UNCHECKED, "not checked: the check was interrupted"));
            } catch (ExecutionException e) {
                // every attempt completes normally; nothing to do
            }
            for (int i = 0; i < todo.size(); i++) todo.get(i).outcome = all.get(i).join();
        } finally {
            scheduler = null;
        }
    }

    /** The check of one document: a chain of requests (redirects, retries, HEAD then GET) run through the scheduler. */
    private final class Attempt {
        final Doc doc;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        final List<URI> chain = new ArrayList<>();
        final Set<URI> visited = new HashSet<>();
        URI current;
        boolean head;
        boolean permanent;
        int retriesUsed;

        Attempt(Doc doc) {
            this.doc = doc;
            this.current = doc.uri;
            this.head = doc.fragments.isEmpty();   // a fragment needs the page itself
            visited.add(current);
        }

        void submit(long delayMs) { scheduler.submitLater(host(current), this::send, delayMs); }

        void send() {
            try {
                sendOnce();
            } catch (RuntimeException | Error e) {
                // Whatever happens, the document gets an outcome: the run waits for every one of them.
                finish(Outcome.failed(UNREACHABLE, "check failed: " + e));
            }
        }

        private void sendOnce() {
            requests.incrementAndGet();
            boolean keepBody = !head && !doc.fragments.isEmpty();
            HttpRequest req;
            try {
                req = HttpRequest.newBuilder(current)
                        .method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofMillis(settings.timeoutMs()))
                        .header("User-Agent", USER_AGENT)
                        .header("Accept", ACCEPT)
                        .build();
            } catch (IllegalArgumentException e) {
                finish(Outcome.failed(INVALID, current + " cannot be requested: " + e.getMessage()));
                return;
            }
            CompletableFuture<HttpResponse<Body>> f = client.sendAsync(req, info -> new LimitedBody(keepBody ? settings.maxBodyBytes() : DISCARD_LIMIT, keepBody));
            try {
                // The request timeout covers the headers; this one also bounds a body that trickles in.
                onResponse(f.get(settings.timeoutMs() + 50L, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                onFailure(new HttpTimeoutException("request timed out"));
            } catch (ExecutionException e) {
                onFailure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(Outcome.failed(TIMEOUT, "check interrupted"));
            } catch (RuntimeException e) {
                onFailure(e);
            }
        }

        void onResponse(HttpResponse<Body> r) {
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = r.headers().firstValue("Location");
                if (location.isEmpty()) { finish(Outcome.status(status, "redirect without a Location header", chain)); return; }
                URI next;
                try {
                    next = Target.withoutFragment(current.resolve(new URI(location.get().strip().replace(" ", "%20"))));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    finish(Outcome.failed(REDIRECT, "redirects to an invalid Location '" + location.get() + "'"));
                    return;
                }
                if (!settings.allowPrivateRedirects() && PrivateAddresses.intoPrivate(doc.uri, next)) {
                    // Server-side request forgery: a public page must not make the checker ask the CI machine's own network.
                    finish(Outcome.failed(PRIVATE_REDIRECT, "redirects to " + next + ", a loopback, link-local or private address; not followed "
                            + "(set links: allow_private_redirects: true in site.yaml if the site needs it)"));
                    return;
                }
                if (status == 301 || status == 308) permanent = true;
                chain.add(next);
                if (!visited.add(next)) { finish(Outcome.failed(REDIRECT, "redirect loop: " + chainText(doc.uri, chain))); return; }
                if (chain.size() > settings.maxRedirects()) {
                    finish(Outcome.failed(REDIRECT, "more than " + settings.maxRedirects() + " redirects: " + chainText(doc.uri, chain)));
                    return;
                }
                current = next;
                submit(0);
                return;
            }
            if (status >= 200 && status < 400) {
                boolean keptBody = !head && !doc.fragments.isEmpty();
                finish(Outcome.ok(status, permanent ? current.toString() : null, keptBody ? parsePage(r) : null));
                return;
            }
            if (status == 429) {
                long wait = retryAfter(r.headers()).orElse(backoff());
                if (wait > settings.maxRetryAfterMs()) {
                    finish(Outcome.rateLimited("429 Too Many Requests, Retry-After " + (wait / 1000) + " s is longer than the "
                            + settings.maxRetryAfterMs() / 1000 + " s docsite waits", chain));
                } else if (retriesUsed >= settings.retries()) {
                    finish(Outcome.rateLimited("429 Too Many Requests after " + (retriesUsed + 1) + " attempts", chain));
                } else {
                    retriesUsed++;
                    scheduler.pause(host(current), wait);   // the whole host: its other URLs wait too
                    submit(wait);
                }
                return;
            }
            if (head && status != 502 && status != 503 && status != 504) {
                // Many servers refuse or mishandle HEAD (405, 501, 403, even 404): GET decides.
                head = false;
                submit(0);
                return;
            }
            if (status >= 500 && retriesUsed < settings.retries()) {
                long wait = retryAfter(r.headers()).filter(w -> w <= settings.maxRetryAfterMs()).orElse(backoff());
                retriesUsed++;
                submit(wait);
                return;
            }
            finish(Outcome.status(status, reason(status) + (retriesUsed > 0 ? " after " + (retriesUsed + 1) + " attempts" : ""), chain));
        }

        void onFailure(Throwable t) {
            if (t instanceof HttpTimeoutException) {
                if (retriesUsed < settings.retries()) { retriesUsed++; submit(backoff(retriesUsed - 1)); return; }
                finish(Outcome.failed(TIMEOUT, "no answer within " + settings.timeoutMs() + " ms (" + (retriesUsed + 1) + " attempts)"));
            } else if (cause(t, UnresolvedAddressException.class) || cause(t, UnknownHostException.class)) {
                finish(Outcome.failed(UNREACHABLE, "host " + current.getHost() + " not found"));
            } else if (t instanceof ConnectException) {
                finish(Outcome.failed(UNREACHABLE, "connection refused" + (chain.isEmpty() ? "" : " at " + current)));
            } else if (cause(t, SSLException.class)) {
                finish(Outcome.failed(UNREACHABLE, "TLS failed: " + t.getMessage()));
            } else if (t instanceof IOException) {
                // Connection reset, closed before the answer: worth another try.
                if (retriesUsed < settings.retries()) { retriesUsed++; submit(backoff(retriesUsed - 1)); return; }
                finish(Outcome.failed(UNREACHABLE, "connection failed (" + t.getMessage() + ") after " + (retriesUsed + 1) + " attempts"));
            } else {
                finish(Outcome.failed(UNREACHABLE, String.valueOf(t)));
            }
        }

        long backoff() { return backoff(retriesUsed); }

        long backoff(int retry) { return settings.backoffMs() << Math.min(retry, 16); }

        void finish(Outcome o) { result.complete(o.withChain(chain)); }
    }

    /** Ids and name anchors of an HTML answer; null when the answer is not HTML. */
    private static Page parsePage(HttpResponse<Body> r) {
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase();
        if (!type.contains("html")) return null;
        Body body = r.body();
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(body.bytes()), null, r.uri().toString());
            Set<String> anchors = new HashSet<>();
            for (Element e : doc.select("[id]")) anchors.add(e.id());
            for (Element e : doc.select("a[name]")) anchors.add(e.attr("name"));
            // A page whose text is made in the browser has its anchors made there too.
            boolean scripted = doc.body() != null && doc.body().text().length() < 200 && !doc.select("script").isEmpty();
            return new Page(anchors, scripted, body.truncated());
        } catch (IOException e) {
            return null;
        }
    }

    // ---- results -----------------------------------------------------------------------------------

    private void report(Doc d, List<Finding> findings, long now) {
        Outcome o = d.outcome;
        if (!o.ok()) {
            Severity sev = o.rule().equals(RATE_LIMITED) || o.rule().equals(UNCHECKED) ? Severity.WARNING : Severity.ERROR;
            for (Map.Entry<String, List<Usage>> e : d.usages.entrySet())
                for (Usage u : e.getValue()) findings.add(finding(u, sev, o.rule(), u.url() + ": " + o.detail() + via(o)));
            return;
        }
        if (!d.fromCache) cache.put(d.url, new LinkCache.Entry(now, o.status(), o.movedTo()));
        for (Map.Entry<String, List<Usage>> e : d.usages.entrySet()) {
            String fragment = e.getKey();
            for (Usage u : e.getValue())
                if (o.movedTo() != null) findings.add(finding(u, Severity.NOTE, MOVED, u.url() + ": moved permanently to " + o.movedTo() + " (update the link)"));
            if (fragment == null || !d.fragments.contains(fragment)) continue;
            Page page = o.page();
            // Not HTML (a PDF's #page=2): nothing to look for.
            if (page == null || hasFragment(page.anchors(), d.uri, fragment)) {
                cache.put(d.url + "#" + fragment, new LinkCache.Entry(now, o.status(), o.movedTo()));
                continue;
            }
            for (Usage u : e.getValue()) {
                if (page.scripted() || page.truncated())
                    findings.add(finding(u, Severity.WARNING, ANCHOR_UNVERIFIED, u.url() + ": anchor '" + fragment + "' not found, "
                            + (page.scripted() ? "but the page builds its content with JavaScript" : "but only the first " + (settings.maxBodyBytes() >> 20) + " MiB were read")));
                else
                    findings.add(finding(u, Severity.ERROR, ANCHOR, u.url() + ": the page has no id or name '" + fragment + "'"));
            }
        }
    }

    /** Fragments made by browsers or scripts are not looked for in the HTML: they would be false alarms. */
    static boolean checkable(URI uri, String fragment) {
        if (fragment.isEmpty() || fragment.startsWith(":~:") || fragment.startsWith("/") || fragment.startsWith("!")) return false;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase();
        return !(host.equals("github.com") || host.endsWith(".github.com")) || !GITHUB_LINE.matcher(fragment).matches();
    }

    static boolean hasFragment(Set<String> anchors, URI uri, String fragment) {
        int text = fragment.indexOf(":~:");
        if (text >= 0) fragment = fragment.substring(0, text);
        String decoded = Links.decodeFragment(fragment);
        if (anchors.contains(fragment) || anchors.contains(decoded)) return true;
        // GitHub renders Markdown headings with a "user-content-" prefix that its script maps back.
        return anchors.contains("user-content-" + decoded);
    }

    private static String via(Outcome o) {
        return o.chain().isEmpty() ? "" : " (after redirects to " + String.join(" → ", o.chain().stream().map(URI::toString).toList()) + ")";
    }

    private static String chainText(URI start, List<URI> chain) {
        List<String> parts = new ArrayList<>();
        parts.add(start.toString());
        for (URI u : chain) parts.add(u.toString());
        return String.join(" → ", parts);
    }

    private static Finding finding(Usage u, Severity sev, String rule, String message) {
        return new Finding(u.pos(), sev, rule, message, List.of(u.version()));
    }

    /** Retry-After as seconds or as an HTTP date, in milliseconds from now. */
    static Optional<Long> retryAfter(HttpHeaders h) {
        Optional<String> v = h.firstValue("Retry-After");
        if (v.isEmpty()) return Optional.empty();
        String s = v.get().strip();
        try {
            return Optional.of(Math.max(0, Long.parseLong(s)) * 1000);
        } catch (NumberFormatException e) {
            try {
                long at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Optional.of(Math.max(0, at - System.currentTimeMillis()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static String reason(int status) {
        String r = switch (status) {
            case 400 -> "Bad Request"; case 401 -> "Unauthorized"; case 403 -> "Forbidden"; case 404 -> "Not Found";
            case 405 -> "Method Not Allowed"; case 406 -> "Not Acceptable"; case 408 -> "Request Timeout"; case 410 -> "Gone";
            case 451 -> "Unavailable For Legal Reasons"; case 500 -> "Internal Server Error"; case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway"; case 503 -> "Service Unavailable"; case 504 -> "Gateway Timeout";
            default -> "";
        };
        return r.isEmpty() ? "HTTP " + status : status + " " + r;
    }

    private static String host(URI u) { return u.getHost() == null ? "" : u.getHost().toLowerCase(); }

    private static boolean cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    // ---- data --------------------------------------------------------------------------------------

    /** A URL split into the document to fetch and the fragment to find in it. */
    record Target(URI uri, String document, String fragment) {
        static Target parse(String url) throws URISyntaxException {
            String u = url.startsWith("//") ? "https:" + url : url;
            int hash = u.indexOf('#');
            String fragment = hash < 0 ? null : u.substring(hash + 1);
            URI uri = withoutFragment(new URI(hash < 0 ? u : u.substring(0, hash)));
            if (uri.getHost() == null) throw new URISyntaxException(url, "no host");
            return new Target(uri, uri.toString(), fragment);
        }

        /** Lower-case scheme and host, no default port, "/" for an empty path, no fragment: one key per document. */
        static URI withoutFragment(URI u) throws URISyntaxException {
            String scheme = u.getScheme() == null ? "https" : u.getScheme().toLowerCase();
            int port = u.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
            String host = u.getHost() == null ? null : u.getHost().toLowerCase();
            StringBuilder b = new StringBuilder(scheme).append("://");
            if (u.getRawUserInfo() != null) b.append(u.getRawUserInfo()).append('@');
            if (host != null) b.append(host);
            if (port != -1) b.append(':').append(port);
            b.append(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
            if (u.getRawQuery() != null) b.append('?').append(u.getRawQuery());
            return new URI(b.toString());
        }
    }

    /** One document and the usages of each of its fragments (key null: the URL without fragment). */
    private static final class Doc {
        final String url;
        final URI uri;
        final Map<String, List<Usage>> usages = new LinkedHashMap<>();
        final Set<String> fragments = new LinkedHashSet<>();   // fragments to look for in this run
        Outcome outcome;
        boolean fromCache;
        Doc(String url, URI uri) { this.url = url; this.uri = uri; }
    }

    record Page(Set<String> anchors, boolean scripted, boolean truncated) {}

    record Outcome(boolean ok, int status, String rule, String detail, String movedTo, Page page, List<URI> chain) {
        static Outcome ok(int status, String movedTo, Page page) { return new Outcome(true, status, null, null, movedTo, page, List.of()); }
        static Outcome status(int status, String detail, List<URI> chain) { return new Outcome(false, status, STATUS, detail, null, null, List.copyOf(chain)); }
        static Outcome rateLimited(String detail, List<URI> chain) { return new Outcome(false, 429, RATE_LIMITED, detail, null, null, List.copyOf(chain)); }
        static Outcome failed(String rule, String detail) { return new Outcome(false, 0, rule, detail, null, null, List.of()); }

        Outcome withChain(List<URI> c) {
            // Loops and hop limits already spell out the chain.
            return ok || rule.equals(REDIRECT) ? this : new Outcome(ok, status, rule, detail, movedTo, page, List.copyOf(c));
        }
    }

    /** What was read of a body: the bytes (when kept) and whether the read stopped at the limit. */
    record Body(byte[] bytes, boolean truncated) {}

    /** Reads at most {@code limit} bytes, keeping them or not, then cancels: a large download is never fetched whole. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<Body> {
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private final boolean keep;
        private Flow.Subscription subscription;
        private long seen;

        LimitedBody(int limit, boolean keep) { this.limit = limit; this.keep = keep; }

        @Override public CompletionStage<Body> getBody() { return result; }

        @Override public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                int remaining = b.remaining();
                int n = (int) Math.min(remaining, Math.max(0, limit - seen));
                if (keep && n > 0) {
                    byte[] chunk = new byte[n];
                    b.get(chunk);
                    kept.write(chunk, 0, n);
                }
                seen += remaining;
                b.position(b.limit());
            }
            if (seen >= limit) {
                subscription.cancel();
                result.complete(new Body(kept.toByteArray(), true));
            }
        }

        @Override public void onError(Throwable t) {
            if (!result.isDone()) result.completeExceptionally(t);
        }

        @Override public void onComplete() {
            result.complete(new Body(kept.toByteArray(), false));
        }
    }
}
