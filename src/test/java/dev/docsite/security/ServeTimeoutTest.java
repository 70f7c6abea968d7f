package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * serve drops a client that sends part of a request and stalls. Run in its own JVM: the JDK server reads
 * its request timeout once per process, and other tests start servers in this one.
 */
class ServeTimeoutTest {
    @Test void aPartialRequestIsDroppedAfterTheRequestTimeout(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());   // fills the render cache: the served build renders nothing
        Process serve = Child.start(tmp, "serve", List.of(), Map.of(), Child.siteArgs(t, "serve", "--port", "0"));
        try {
            Pattern serving = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int port = -1;
            while (port < 0) {
                Matcher m = serving.matcher(Files.readString(tmp.resolve("serve.out")));
                if (m.find()) port = Integer.parseInt(m.group(1));
                assertTrue(serve.isAlive(), "serve ended: " + Files.readString(tmp.resolve("serve.err")));
                assertTrue(System.nanoTime() < deadline, "serve did not start");
                serve.waitFor(50, TimeUnit.MILLISECONDS);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                long sent = System.nanoTime();
                s.setSoTimeout(45_000);
                InputStream in = s.getInputStream();
                int read;
                try {
                    read = in.read();
                } catch (SocketTimeoutException e) {
                    fail("the stalled connection was still open after 45 s");
                    return;
                } catch (java.net.SocketException e) {
                    read = -1;   // reset by the server: dropped as well
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sent);
                assertEquals(-1, read, "the server closes the connection without answering");
                assertTrue(seconds >= 5, "dropped after the request timeout, not at once: " + seconds + " s");
            }
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
