package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs axe-core (vendored under src/test/resources/axe) in the page the browser shows. */
final class Axe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {}

    private static synchronized String source() throws IOException {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) throw new IOException("axe/axe.min.js is missing from the test resources");
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return source;
    }

    /** Violations of impact "serious" or "critical", one line each: rule, impact, help and the offending nodes. */
    static List<String> seriousViolations(WebDriver driver) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source());
        Object raw = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('ERROR ' + e); });");
        String text = String.valueOf(raw);
        if (text.startsWith("ERROR")) throw new IllegalStateException("axe failed: " + text);
        List<String> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            String impact = v.path("impact").asText();
            if (!impact.equals("serious") && !impact.equals("critical")) continue;
            List<String> nodes = new ArrayList<>();
            for (JsonNode n : v.path("nodes")) nodes.add(n.path("target").toString() + " " + n.path("failureSummary").asText().replace('\n', ' '));
            out.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " " + nodes);
        }
        return out;
    }
}
