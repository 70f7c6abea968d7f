package dev.docsite.site;

import dev.docsite.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The site built from src/test/resources/reader-site (two versions, three audiences, one error catalog)
 * with the real command line and the real templates, once per test JVM: the reader tests only read it.
 */
final class FixtureSite {
    static final Path CONTENT = Path.of("src/test/resources/reader-site");
    private static Path built;

    private FixtureSite() {}

    static synchronized Path dir() throws IOException {
        if (built == null) {
            Path tmp = Files.createTempDirectory("docsite-reader-fixture-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
            Path site = tmp.resolve("site");
            int exit = Main.run("build", "--content", CONTENT.toString(), "--templates", "templates", "--out", site.toString(),
                    "--no-cache", "--quiet");
            assertEquals(0, exit, "the fixture site builds");
            built = site;
        }
        return built;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
