package dev.docsite.security;

import dev.docsite.TestSite;
import dev.docsite.site.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Publishing never loses the last good site: a build halted (Runtime.halt, as a kill would) at each step
 * of the swap, in its own JVM, then a fresh process that repairs the output folder. Before the new site
 * is in place the previous one is back; after, the new one stays; previews survive either way and no
 * leftover remains.
 */
class PublishCrashTest {
    static Stream<String> steps() { return Publisher.CRASH_STEPS.stream(); }

    @ParameterizedTest(name = "crash at {0}")
    @MethodSource("steps")
    void aCrashAtAnyStepOfTheSwapLosesNoSite(String step, @TempDir Path tmp) throws Exception {
        // The expected new site: the same content built without a crash in a folder of its own.
        TestSite ref = TestSite.valid(tmp.resolve("ref"));
        retitle(ref);
        assertEquals(0, ref.run("build").exit());
        addPreview(ref);
        Map<String, String> newSite = TestSite.snapshot(ref.out);

        TestSite t = TestSite.valid(tmp.resolve("site"));
        assertEquals(0, t.run("build").exit());
        addPreview(t);
        Map<String, String> oldSite = TestSite.snapshot(t.out);
        retitle(t);

        TestSite.Run crashed = Child.run(t, "crash-" + step, List.of("-Ddocsite.crashAt=" + step), "build");
        assertEquals(99, crashed.exit(), "the child must halt at " + step + ": " + crashed.err());

        // A fresh process takes the lock and repairs what the crash left.
        new Publisher(t.out).close();

        boolean swapped = Publisher.CRASH_STEPS.indexOf(step) >= Publisher.CRASH_STEPS.indexOf("swapped");
        Matrix.assertSameTree(swapped ? newSite : oldSite, TestSite.snapshot(t.out), "after a crash at " + step);
        try (Stream<Path> s = Files.list(t.root)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".docsite-")).toList(), "leftovers after " + step);
        }
    }

    /** The case the issue found: killed between the two renames, the next build failed and deleted the last copy. */
    @Test void aFailedBuildAfterACrashBetweenTheRenamesRestoresTheSite(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());
        Map<String, String> good = TestSite.snapshot(t.out);
        retitle(t);
        assertEquals(99, Child.run(t, "crash", List.of("-Ddocsite.crashAt=old-moved"), "build").exit());
        assertFalse(Files.exists(t.out), "the crash left no site/ (the state the issue describes)");

        // A build that fails after rendering (a broken xref) still repairs the folder first.
        t.write("pages/admin/setup.yaml", Files.readString(t.content.resolve("pages/admin/setup.yaml")).replace("end-user/start.adoc", "end-user/gone.adoc"));
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        Matrix.assertSameTree(good, TestSite.snapshot(t.out), "after the failed build");
    }

    static void retitle(TestSite t) throws Exception {
        // Only the layout changes: the child JVM renders nothing (the cache has every page) and starts fast.
        t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("title: Test Docs", "title: Test Docs Two"));
    }

    static void addPreview(TestSite t) throws Exception {
        Files.createDirectories(t.out.resolve("preview/abc1234"));
        Files.writeString(t.out.resolve("preview/abc1234/index.html"), "a preview");
    }
}
