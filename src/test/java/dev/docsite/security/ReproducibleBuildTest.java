package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Same content, templates and docsite version give byte-identical trees, across JVMs: two cold builds in
 * two child processes (hash iteration order differs per JVM; the clock differs per run).
 */
class ReproducibleBuildTest {
    @Test void twoBuildsInTwoJvmsAreByteIdentical(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000");
        List<Process> running = new ArrayList<>();
        for (String name : List.of("a", "b"))
            running.add(Child.start(tmp, name, List.of(), env, List.of("build", "--content", t.content.toString(),
                    "--out", tmp.resolve("site-" + name).toString(), "--templates", Path.of("templates").toAbsolutePath().toString(), "--no-cache")));
        TestSite.Run a = Child.finish(tmp, "a", running.get(0)), b = Child.finish(tmp, "b", running.get(1));
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        Map<String, String> first = TestSite.snapshot(tmp.resolve("site-a")), second = TestSite.snapshot(tmp.resolve("site-b"));
        assertTrue(first.size() > 30, first.keySet().toString());
        Matrix.assertSameTree(first, second, "two builds of the same content");
        // Content outside git takes its date from SOURCE_DATE_EPOCH, not from the clock.
        String page = java.nio.file.Files.readString(tmp.resolve("site-a/2.0/admin/setup.html"));
        assertTrue(page.contains("2023-11-14"), "the page's date comes from SOURCE_DATE_EPOCH");
    }
}
