package dev.docsite.serve;

import dev.docsite.site.Publisher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.docsite.catalog.ErrorHtml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves a site folder on 127.0.0.1 for writers. Only files inside the folder are served: a request
 * path is split on '/' before it is decoded, and a segment that decodes to "." or "..", holds a
 * separator (encoded or not), a drive colon or a control character is refused, as is a file whose
 * real path (symbolic links followed) lies outside. Into HTML responses (never the files) a small
 * script is added that listens for server-sent events and reloads the page when it changed; while the
 * build is broken, pages are replaced by an error page naming file and line.
 */
public final class SiteServer implements AutoCloseable {
    static final String PREFIX = "/_docsite/";
    static final String EVENTS = PREFIX + "events";
    static final String SCRIPT = PREFIX + "live.js";
    private static final String SCRIPT_TAG = "<script src=\"" + SCRIPT + "\"></script>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"));
    private static final String LIVE_JS = """
            // docsite serve: reload this page when the site changes under it (added by the server, not in the built files).
            (function () {
              var shown = null, events = new EventSource('%s');
              events.addEventListener('hello', function (e) {
                if (shown !== null && shown !== e.data) location.reload();   // the server restarted
                shown = e.data;
              });
              events.addEventListener('change', function (e) {
                var d = JSON.parse(e.data), path = decodeURI(location.pathname);
                if (path.endsWith('/')) path += 'index.html';
                if (d.all || d.urls.indexOf(path) >= 0) location.reload();
              });
            })();
            """.formatted(EVENTS);

    /** Seconds a client may take to send a whole request before it is dropped. */
    static final int REQUEST_TIMEOUT_SECONDS = 10;
    /** Workers at most: stalled clients up to this number cannot hold back a normal request. */
    static final int MAX_WORKERS = 256;

    private final Path root;
    private final Supplier<List<String>> problems;
    private final HttpServer http;
    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final String instance = Long.toString(System.currentTimeMillis(), 36);

    /**
     * @param root     the folder to serve
     * @param port     port on 127.0.0.1; 0 picks a free one
     * @param problems the build's current problems; non-empty replaces pages with the error page
     */
    public SiteServer(Path root, int port, Supplier<List<String>> problems) throws IOException {
        // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK hold every response back ~40 ms. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // A client that sends part of a request and stalls is dropped after this many seconds (the JDK
        // server's own request timeout; read once, when the first server of the process starts).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null)
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_TIMEOUT_SECONDS));
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        // A worker reads a request's headers with a blocking read, so a client that stalls mid-request holds
        // one until the request timeout: workers are made as needed (up to MAX_WORKERS) and end when idle.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("docsite-http"));
        workers.allowCoreThreadTimeOut(true);
        this.pool = workers;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("docsite-sse"));
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
        // A comment line now and then finds the event streams of closed tabs, so they do not pile up.
        heartbeat.scheduleAtFixedRate(() -> broadcast(": ping\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    public int port() { return http.getAddress().getPort(); }

    public URI url() { return URI.create("http://127.0.0.1:" + port() + "/"); }

    /** Tells open pages what an update changed; each reloads when it is one of them (or everything changed). */
    public void changed(LiveSite.Update u) {
        if (!u.changedAnything()) return;
        try {
            String data = JSON.writeValueAsString(Map.of("all", u.all(), "urls", u.urls()));
            broadcast("event: change\ndata: " + data + "\n\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void broadcast(String message) {
        for (Client c : clients) {
            if (!c.send(message)) clients.remove(c);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean keepOpen = false;
        try {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                text(ex, 405, "Method not allowed: docsite serve only reads files.");
                return;
            }
            if (!localHost(ex.getRequestHeaders().getFirst("Host"))) {
                // A page on another site that resolves its own name to 127.0.0.1 must not read these files.
                text(ex, 403, "Forbidden: unexpected Host header.");
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (EVENTS.equals(raw)) {
                keepOpen = openEvents(ex);
                return;
            }
            if (SCRIPT.equals(raw)) {
                send(ex, 200, TYPES.get("js"), LIVE_JS.getBytes(StandardCharsets.UTF_8));
                return;
            }
            serveFile(ex, raw);
        } finally {
            if (!keepOpen) ex.close();
        }
    }

    private void serveFile(HttpExchange ex, String raw) throws IOException {
        List<String> segments = segments(raw);
        if (segments == null) {
            text(ex, 403, "Forbidden: the path leaves the site folder or is not a plain path.");
            return;
        }
        Path file = root;
        for (String s : segments) file = file.resolve(s);
        if (Files.isDirectory(file) && !segments.isEmpty() && !raw.endsWith("/")) {
            // Relative links in an index page work only from the folder's URL with its slash.
            ex.getResponseHeaders().set("Location", "/" + String.join("/", segments) + "/");
            text(ex, 301, "Moved");
            return;
        }
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        Path real = Files.isRegularFile(file) ? file.toRealPath() : null;
        if (real != null && !real.startsWith(root.toRealPath())) {
            text(ex, 403, "Forbidden: the file links outside the site folder.");
            return;
        }
        String type = contentType(file);
        // A page (or a folder, e.g. "/" before the first good build) shows the problems; previews are other builds.
        boolean page = type.startsWith("text/html") || !file.getFileName().toString().contains(".");
        boolean preview = !segments.isEmpty() && segments.get(0).equals(Publisher.PREVIEWS);
        List<String> broken = problems.get();
        if (page && !preview && !broken.isEmpty()) {
            send(ex, 500, TYPES.get("html"), errorPage(broken).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (real == null) {
            Path notFound = root.resolve("404.html");
            byte[] body = Files.isRegularFile(notFound) ? servedAtRoot(Files.readAllBytes(notFound))
                    : "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".getBytes(StandardCharsets.UTF_8);
            send(ex, 404, TYPES.get("html"), withScript(body));
            return;
        }
        byte[] body = Files.readAllBytes(real);
        send(ex, 200, type, type.startsWith("text/html") ? withScript(body) : body);
    }

    private static final java.util.regex.Pattern BASE = java.util.regex.Pattern.compile("<base href=\"[^\"]*\">");

    /**
     * The 404 page as this server needs it: the page points its links at base_url's path with a base
     * element (it is served at any depth), and this server serves the site at "/".
     */
    static byte[] servedAtRoot(byte[] page) {
        String html = new String(page, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = BASE.matcher(html);
        return m.find() ? (html.substring(0, m.start()) + "<base href=\"/\">" + html.substring(m.end())).getBytes(StandardCharsets.UTF_8) : page;
    }

    /**
     * The decoded segments of a request path, or null when it must be refused. Splitting comes first,
     * so an encoded '/' cannot create a segment, and no segment may be "." or ".." once decoded.
     */
    static List<String> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return null;
        List<String> out = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (part.isEmpty()) continue;
            String s = decode(part);
            if (s == null || s.equals(".") || s.equals("..")) return null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f) return null;
            }
            out.add(s);
        }
        return out;
    }

    /** Strict percent-decoding to UTF-8; null for a malformed escape or byte sequence. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = s.indexOf('%', i);
                if (end < 0) end = s.length();
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean localHost(String host) {
        if (host == null) return true; // HTTP/1.0 clients send none; the socket is bound to loopback anyway
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) h = h.substring(0, h.indexOf(']') + 1);
        else if (h.indexOf(':') >= 0) h = h.substring(0, h.indexOf(':'));
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]");
    }

    static String contentType(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** Adds the reload script before {@code </body>} (or at the end). */
    static byte[] withScript(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        int at = s.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? s + SCRIPT_TAG : s.substring(0, at) + SCRIPT_TAG + s.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    static String errorPage(List<String> problems) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Build failed | docsite serve</title>
                <style>
                body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #2b0f0d; color: #fff; }
                main { max-width: 70rem; margin: 0 auto; padding: 2rem; }
                h1 { margin-top: 0; color: #ffb4ab; }
                li { margin: .5rem 0; }
                code { font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
                </style></head>
                <body><main class="docsite-build-error" role="alert">
                <h1>The build is broken</h1>
                <p>docsite keeps the last good pages but does not show them while the build fails. Fix the problem below and
                save: this page reloads by itself.</p>
                <ol>
                """);
        for (String p : problems) b.append("<li><code>").append(ErrorHtml.esc(p)).append("</code></li>\n");
        return b.append("</ol>\n</main>").append(SCRIPT_TAG).append("</body></html>\n").toString();
    }

    private boolean openEvents(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        Client c = new Client(ex);
        if (!c.send("retry: 1000\nevent: hello\ndata: " + instance + "\n\n")) return false;
        clients.add(c);
        return true;
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, TYPES.get("txt"), (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) { os.write(body); }
        }
    }

    /** An open event stream; writes are serialised per stream. */
    private static final class Client {
        private final HttpExchange ex;

        Client(HttpExchange ex) { this.ex = ex; }

        synchronized boolean send(String message) {
            try {
                OutputStream os = ex.getResponseBody();
                os.write(message.getBytes(StandardCharsets.UTF_8));
                os.flush();
                return true;
            } catch (IOException e) {
                ex.close();
                return false;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override public void close() {
        for (Client c : clients) c.ex.close();
        clients.clear();
        http.stop(0);
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }
}
