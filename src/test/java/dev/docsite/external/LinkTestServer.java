package dev.docsite.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback address with the answers link checkers meet in the wild: redirects,
 * loops, 404/410, 429 with Retry-After, a 503 that recovers, HEAD refused, slow answers, HTML with
 * anchors. Every request is counted (per "METHOD path") with its arrival time.
 */
public final class LinkTestServer implements AutoCloseable {
    public final HttpServer server;
    public final ExecutorService pool = Executors.newCachedThreadPool();
    public final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    public final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    public final AtomicInteger total = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public volatile long latencyMs = 0;

    public LinkTestServer(String address) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");   // no 40 ms Nagle/delayed-ACK stall per GET
        server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) { return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path; }

    int count(String methodAndPath) { AtomicInteger c = counts.get(methodAndPath); return c == null ? 0 : c.get(); }

    public int countPath(String path) { return count("HEAD " + path) + count("GET " + path); }

    /**
     * A request counts as in flight from its arrival until its answer starts. Not until the handler ends: the
     * client may take the answer and send its next request before this thread gets to run again, and that
     * request would be counted beside one the client already finished.
     */
    private void answered(HttpExchange ex) {
        // The handler's thread answers its own exchange (HttpExchange attributes are shared by the whole context).
        if (!ANSWERED.get()) {
            ANSWERED.set(true);
            inFlight.decrementAndGet();
        }
    }

    private static final ThreadLocal<Boolean> ANSWERED = ThreadLocal.withInitial(() -> false);

    private void handle(HttpExchange ex) throws IOException {
        ANSWERED.set(false);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String method = ex.getRequestMethod(), path = ex.getRequestURI().getPath();
            String key = method + " " + path;
            int n = counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            int nPath = countPath(path);
            times.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            total.incrementAndGet();
            if (latencyMs > 0) sleep(latencyMs);
            switch (path) {
                case "/ok" -> send(ex, 200, "text/plain", "ok");
                case "/r1" -> redirect(ex, 301, "/r2");
                case "/r2" -> redirect(ex, 302, "/ok");
                case "/loop-a" -> redirect(ex, 302, "/loop-b");
                case "/loop-b" -> redirect(ex, 302, "/loop-a");
                case "/missing" -> send(ex, 404, "text/plain", "no");
                case "/gone" -> send(ex, 410, "text/plain", "gone");
                case "/limited" -> {
                    if (nPath == 1) { ex.getResponseHeaders().add("Retry-After", "1"); send(ex, 429, "text/plain", "slow down"); }
                    else send(ex, 200, "text/plain", "ok");
                }
                case "/limited-date" -> {
                    if (nPath == 1) {
                        ex.getResponseHeaders().add("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)));
                        send(ex, 429, "text/plain", "slow down");
                    } else send(ex, 200, "text/plain", "ok");
                }
                case "/limited-forever" -> { ex.getResponseHeaders().add("Retry-After", "3600"); send(ex, 429, "text/plain", "go away"); }
                case "/flaky" -> send(ex, nPath == 1 ? 503 : 200, "text/plain", "flaky");
                case "/down" -> send(ex, 503, "text/plain", "down");
                case "/nohead" -> send(ex, method.equals("HEAD") ? 405 : 200, "text/plain", "get only");
                case "/slow" -> { sleep(1500); send(ex, 200, "text/plain", "late"); }
                case "/page.html" -> send(ex, 200, "text/html; charset=utf-8", """
                        <!DOCTYPE html><html><head><title>Page</title></head><body>
                        <h1 id="top">Page</h1><h2 id="present">Present</h2><p><a name="named"></a>Named anchor.</p>
                        <p>Enough text that this page is not mistaken for a script-built shell. Lorem ipsum dolor sit amet,
                        consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>
                        </body></html>""");
                case "/app.html" -> send(ex, 200, "text/html", "<html><body><div id=\"root\"></div><script src=\"app.js\"></script></body></html>");
                default -> {
                    if (path.startsWith("/hop/")) {
                        int i = Integer.parseInt(path.substring(5));
                        redirect(ex, 302, "/hop/" + (i + 1));
                    } else if (path.startsWith("/item/")) {
                        send(ex, 200, "text/plain", "item");
                    } else send(ex, 404, "text/plain", "unknown");
                }
            }
        } finally {
            answered(ex);
            ex.close();
        }
    }

    private void redirect(HttpExchange ex, int status, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        answered(ex);
        ex.sendResponseHeaders(status, -1);
    }

    private void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        answered(ex);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) { os.write(bytes); }
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** A port on which nothing listens: bound, then closed, so a connection is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** A raw socket server whose first connection is reset (RST) before any answer; later ones get 200. */
    public static final class ResetOnce implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final Thread thread;

        public ResetOnce() throws IOException {
            socket = new ServerSocket(0, 16, java.net.InetAddress.getByName("127.0.0.1"));
            thread = new Thread(this::serve, "reset-once");
            thread.setDaemon(true);
            thread.start();
        }

        public String url() { return "http://127.0.0.1:" + socket.getLocalPort() + "/reset"; }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    int n = connections.incrementAndGet();
                    readHead(s.getInputStream());
                    if (n == 1) {
                        s.setSoLinger(true, 0);   // close with RST: "connection reset"
                        continue;
                    }
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    if (socket.isClosed()) return;
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            int state = 0, c;
            while ((c = in.read()) >= 0) {
                state = (c == '\r' || c == '\n') ? state + 1 : 0;
                if (state == 4) return;
            }
        }

        @Override public void close() throws IOException { socket.close(); }
    }
}
