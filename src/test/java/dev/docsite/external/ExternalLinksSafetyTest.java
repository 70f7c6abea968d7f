package dev.docsite.external;

import dev.docsite.report.Finding;
import dev.docsite.rules.Severity;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The external check's limits: a whole-run deadline, and no redirect from a public host into the machine's own network. */
class ExternalLinksSafetyTest {
    @Test void urlsNotAnsweredByTheDeadlineAreReportedUncheckedAsWarnings() throws Exception {
        // A server that accepts connections and never answers: each request would wait its full timeout, with retries.
        try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             LinkTestServer ok = new LinkTestServer("127.0.0.2")) {   // another host: its own per-host slots
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();   // the acceptor thread adds while the test closes them
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) accepted.add(hole.accept());
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<ExternalLinks.Usage> usages = new ArrayList<>();
            for (int i = 0; i < 6; i++) usages.add(ExternalLinksTest.use("http://127.0.0.1:" + hole.getLocalPort() + "/dead/" + i, 10 + i, "2.0"));
            usages.add(ExternalLinksTest.use(ok.url("/ok"), 20, "2.0"));
            ExternalLinks.Settings s = new ExternalLinks.Settings(20_000, 4, 2, 2, List.of(), 20, 5_000, 10, 1 << 20).withDeadline(1500, false);
            long start = System.nanoTime();
            ExternalLinks.Result r = new ExternalLinks(s, LinkCache.none()).check(usages, false);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 10_000, "the check must end near its 1.5 s deadline, not after the 20 s timeouts: " + ms + " ms");
            List<Finding> unchecked = r.findings().stream().filter(f -> f.rule().equals("link/external-unchecked")).toList();
            assertEquals(6, unchecked.size(), r.findings().toString());
            for (Finding f : unchecked) {
                assertEquals(Severity.WARNING, f.severity());
                assertTrue(f.message().contains("deadline of 1.5 s ran out"), f.message());
            }
            assertTrue(r.findings().stream().noneMatch(f -> f.message().startsWith(ok.url("/ok"))), "the answered URL is checked: " + r.findings());
            for (Socket sock : accepted) sock.close();
        }
    }

    @Test void aRedirectFromAPublicHostIntoAPrivateAddressIsRefused() {
        URI publicHost = URI.create("http://93.184.216.34/page");
        for (String target : List.of("http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://172.16.5.4/", "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/",
                "http://localhost:9000/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"))
            assertTrue(PrivateAddresses.intoPrivate(publicHost, URI.create(target)), target);
        assertFalse(PrivateAddresses.intoPrivate(publicHost, URI.create("http://8.8.8.8/")), "public to public is followed");
        assertFalse(PrivateAddresses.intoPrivate(URI.create("http://127.0.0.1:1/"), URI.create("http://127.0.0.1:2/")),
                "a link the writer pointed at a private address may redirect within it");
    }

    @Test void aLoopbackLinkRedirectingOnLoopbackIsStillFollowed() throws Exception {
        try (LinkTestServer server = new LinkTestServer("127.0.0.1")) {
            ExternalLinks.Result r = new ExternalLinks(ExternalLinksTest.settings(2, 2, 0), LinkCache.none())
                    .check(List.of(ExternalLinksTest.use(server.url("/r1"), 7, "2.0")), false);
            assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), "a link the writer aimed at 127.0.0.1 is their choice: " + r.findings());
        }
    }

    /**
     * End to end through a proxy that stands for the internet: the link names a public address, the "public
     * host" answers with a redirect to 127.0.0.1. The redirect is refused and reported at the link; with the
     * switch it is followed.
     */
    @Test void aPublicHostRedirectingToLoopbackIsNotFollowedUnlessAllowed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger privateHits = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        proxy.createContext("/", ex -> {
            URI asked = ex.getRequestURI();   // absolute form: the proxy is asked for the full URL
            if ("93.184.216.34".equals(asked.getHost())) {
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + proxy.getAddress().getPort() + "/internal-admin");
                ex.sendResponseHeaders(302, -1);
            } else {
                privateHits.incrementAndGet();
                ex.sendResponseHeaders(200, -1);
            }
            ex.close();
        });
        proxy.start();
        java.net.ProxySelector previous = java.net.ProxySelector.getDefault();
        java.net.ProxySelector.setDefault(java.net.ProxySelector.of(proxy.getAddress()));
        try {
            List<ExternalLinks.Usage> usages = List.of(ExternalLinksTest.use("http://93.184.216.34/start", 12, "2.0"));
            ExternalLinks.Result refused = new ExternalLinks(ExternalLinksTest.settings(2, 2, 0), LinkCache.none()).check(usages, false);
            Finding f = refused.findings().stream().filter(x -> x.rule().equals("link/external-private-redirect")).findFirst()
                    .orElseThrow(() -> new AssertionError(refused.findings().toString()));
            assertEquals(12, f.pos().line());
            assertTrue(f.message().contains("redirects to http://127.0.0.1:"), f.message());
            assertEquals(0, privateHits.get(), "the private address was never asked");

            ExternalLinks.Result allowed = new ExternalLinks(ExternalLinksTest.settings(2, 2, 0).withDeadline(120_000, true), LinkCache.none()).check(usages, false);
            assertTrue(allowed.findings().stream().noneMatch(x -> x.severity() == Severity.ERROR), allowed.findings().toString());
            assertEquals(1, privateHits.get(), "with allow_private_redirects the redirect is followed");
        } finally {
            java.net.ProxySelector.setDefault(previous);
            proxy.stop(0);
        }
    }
}
