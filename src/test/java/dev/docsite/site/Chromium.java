package dev.docsite.site;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both at fixed paths so Selenium never
 * looks for (or downloads) a browser or driver of its own. A fresh profile per instance.
 */
final class Chromium implements AutoCloseable {
    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final int WIDTH = 1280, HEIGHT = 900;

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER)))
            fail("the browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run does this)");
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("docsite-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    Object cdp(String command, Map<String, Object> params) { return driver.executeCdpCommand(command, params); }

    /** Emulates a phone-sized viewport (CSS pixels), or the desktop window again with width 0. */
    void viewport(int width, int height) {
        if (width == 0) cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        else cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    void colorScheme(String scheme) {
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** A PNG of the viewport, or of the whole page with {@code fullPage}. */
    void screenshot(Path file, boolean fullPage) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] png;
        if (fullPage) {
            driver.executeScript("window.scrollTo(0, 0)");   // sticky columns would otherwise show where the view was
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            png = Base64.getDecoder().decode((String) r.get("data"));
        } else {
            png = driver.getScreenshotAs(OutputType.BYTES);
        }
        Files.write(file, png);
    }

    @Override public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
