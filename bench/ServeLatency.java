import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures docsite serve the way a writer meets it: save a one-page edit, then wait until the server
 * serves the new page. For each edit: write the page file (a new first paragraph), wait for the
 * server's reload event (what the browser waits for), GET the page and check the new text is in it
 * (polling if the event came first). Prints median, 95th percentile, min and max, and the time to the
 * reload event alone. The first edit after the server started is counted (WARMUP 0 by default) and also
 * printed alone: it is the one a writer meets first.
 *
 * Usage: java bench/ServeLatency.java URL PAGE_FILE PAGE_ID [EDITS] [WARMUP]
 *   URL       the running server, e.g. http://127.0.0.1:8000/
 *   PAGE_FILE content/pages/admin/setup.yaml (a page of the served content)
 *   PAGE_ID   admin/setup
 * Only the JDK is needed; the page file is restored at the end.
 */
public class ServeLatency {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/ServeLatency.java URL PAGE_FILE PAGE_ID [EDITS] [WARMUP]");
            System.exit(2);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        Path file = Path.of(args[1]);
        String pageId = args[2];
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;

        HttpClient http = HttpClient.newHttpClient();
        String versions = http.send(HttpRequest.newBuilder(base.resolve("versions.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher lm = Pattern.compile("\"latest\"\\s*:\\s*\"([^\"]+)\"").matcher(versions);
        if (!lm.find()) throw new IllegalStateException("no latest version in versions.json: " + versions);
        URI page = base.resolve(lm.group(1) + "/" + pageId + ".html");

        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(base.resolve("_docsite/events")).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(line -> { if (line.startsWith("data:")) events.add(line); }));
        events.poll(10, TimeUnit.SECONDS); // hello

        String original = Files.readString(file);
        List<Double> times = new ArrayList<>(), toEvent = new ArrayList<>();
        double first = 0;
        try {
            for (int i = 0; i < warmup + edits; i++) {
                String marker = "Benchmark edit " + i + " at " + System.nanoTime() + ".";
                String edited = insertParagraph(original, marker);
                events.clear();
                long t0 = System.nanoTime();
                Files.writeString(file, edited, StandardCharsets.UTF_8);
                String ev = events.poll(30, TimeUnit.SECONDS);
                if (ev == null) throw new IllegalStateException("no reload event within 30 s after edit " + i);
                double eventMs = (System.nanoTime() - t0) / 1e6;
                while (true) {
                    String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (body.contains(marker)) break;
                    if ((System.nanoTime() - t0) > 30_000_000_000L) throw new IllegalStateException("edit " + i + " not served within 30 s");
                    Thread.sleep(2);
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i == 0) first = ms;
                if (i >= warmup) {
                    times.add(ms);
                    toEvent.add(eventMs);
                }
                Thread.sleep(150); // a writer does not save twice within the debounce window
            }
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
        }
        Collections.sort(times);
        Collections.sort(toEvent);
        System.out.printf("edits: %d (after %d warm-up)  median: %.0f ms  p95: %.0f ms  min: %.0f ms  max: %.0f ms  first edit: %.0f ms"
                        + "  (reload event: median %.0f ms, p95 %.0f ms)%n",
                times.size(), warmup, pct(times, 50), pct(times, 95), times.get(0), times.get(times.size() - 1), first,
                pct(toEvent, 50), pct(toEvent, 95));
        System.exit(0);
    }

    /** A new first paragraph of the body, indented like the body's first line. */
    static String insertParagraph(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].matches("body:\\s*[|>][-+]?\\s*")) {
                String next = lines[i + 1];
                String indent = next.substring(0, next.length() - next.stripLeading().length());
                if (indent.isEmpty()) indent = "  ";
                List<String> out = new ArrayList<>(List.of(lines));
                out.add(i + 1, indent + text);
                out.add(i + 2, "");
                return String.join("\n", out);
            }
        }
        throw new IllegalArgumentException("no 'body: |' line in the page file");
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
