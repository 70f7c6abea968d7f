package dev.docsite.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** serve survives clients that open a connection, send part of a request and stall. */
class SlowClientsTest {
    @Test void fiftyStalledClientsDoNotBlockANormalRequest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><title>ok</title><p>served</p>");
        List<Socket> stalled = new ArrayList<>();
        try (SiteServer server = new SiteServer(dir, 0, List::of)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest req = HttpRequest.newBuilder(server.url().resolve("index.html")).timeout(Duration.ofSeconds(1)).build();
            // The client's own start-up is not what is measured.
            assertEquals(200, http.send(HttpRequest.newBuilder(server.url().resolve("index.html")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                OutputStream o = s.getOutputStream();
                // A request line and one header, then nothing: the server waits for the rest.
                o.write(("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                stalled.add(s);
            }
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("served"), r.body());
            assertTrue(ms < 1000, "answered in " + ms + " ms");
        } finally {
            for (Socket s : stalled) s.close();
        }
    }
}
