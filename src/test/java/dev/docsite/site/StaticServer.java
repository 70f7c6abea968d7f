package dev.docsite.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A plain static file server on 127.0.0.1 for the browser tests: serves a built site folder the way
 * any static host would (files as they are, index.html for folders, 404.html for misses) and refuses
 * paths outside the folder. Records every requested path.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "xml", "application/xml", "txt", "text/plain; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png");

    private final HttpServer server;
    private final Path root;
    final List<String> requests = new CopyOnWriteArrayList<>();

    StaticServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Base URL ending with '/'. */
    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/"; }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            requests.add(path);
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                send(ex, 403, "txt", "forbidden".getBytes());
                return;
            }
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                send(ex, 404, "html", Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "not found".getBytes());
                return;
            }
            String name = file.getFileName().toString();
            send(ex, 200, name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange ex, int status, String ext, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) { out.write(body); }
    }

    @Override public void close() { server.stop(0); }
}
