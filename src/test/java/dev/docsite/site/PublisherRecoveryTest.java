package dev.docsite.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a publisher repairs when it starts: the folders an interrupted publish left beside the output
 * (written here as a killed docsite leaves them, named with the pid of a process that has ended).
 */
class PublisherRecoveryTest {
    @TempDir Path tmp;

    /** The pid of a process that has ended: its leftovers belong to no one. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.pid();
    }

    private static Path folder(Path dir, String file, String text) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
        return dir;
    }

    private List<String> names() throws Exception {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".site.lock")).sorted().toList();
        }
    }

    @Test void killedBetweenTheTwoRenamesThePreviousSiteIsPutBackAndOlderCopiesGo() throws Exception {
        long pid = deadPid();
        Path older = folder(tmp.resolve(".docsite-old-site-" + pid + "-a"), "index.html", "older");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        folder(tmp.resolve(".docsite-old-site-" + pid + "-b"), "index.html", "previous");
        folder(tmp.resolve(".docsite-staging-site-" + pid + "-c"), "index.html", "half written");   // no marker: incomplete
        Path out = tmp.resolve("site");
        try (Publisher pub = new Publisher(out)) {
            assertEquals("previous", Files.readString(out.resolve("index.html")), "the newest old copy");
        }
        assertEquals(List.of("site"), names(), "the other leftovers are gone");
    }

    @Test void aFirstBuildKilledBeforeItsRenameIsPublishedFromItsCompleteStaging() throws Exception {
        long pid = deadPid();
        Path staged = folder(tmp.resolve(".docsite-staging-site-" + pid + "-a"), "index.html", "complete");
        Files.writeString(tmp.resolve(".docsite-staging-site-" + pid + "-a.complete"), "\n");
        Path out = tmp.resolve("site");
        try (Publisher pub = new Publisher(out)) {
            assertEquals("complete", Files.readString(out.resolve("index.html")));
            assertFalse(Files.exists(staged));
        }
        assertEquals(List.of("site"), names());
    }

    @Test void foldersCarriedOverByAnInterruptedSwapGoBackIntoTheSite() throws Exception {
        long pid = deadPid();
        Path out = folder(tmp.resolve("site"), "index.html", "current");
        // Killed after "kept": the previews had moved into the staging folder, which is complete.
        Path staged = folder(tmp.resolve(".docsite-staging-site-" + pid + "-a"), "index.html", "new");
        folder(staged.resolve("preview/abc1234"), "index.html", "a preview");
        Files.writeString(tmp.resolve(".docsite-staging-site-" + pid + "-a.complete"), "preview\n\n");
        try (Publisher pub = new Publisher(out)) {
            assertEquals("a preview", Files.readString(out.resolve("preview/abc1234/index.html")), "the preview is back");
            assertEquals("current", Files.readString(out.resolve("index.html")));
        }
        assertEquals(List.of("site"), names(), "the output stands for the complete copy, which goes");
    }

    @Test void aMarkerWithoutItsStagingFolderIsRemovedAndALiveOwnersFolderIsLeftAlone() throws Exception {
        Path out = folder(tmp.resolve("site"), "index.html", "current");
        Files.writeString(tmp.resolve(".docsite-staging-site-" + deadPid() + "-a.complete"), "\n");
        long alive = ProcessHandle.current().parent().orElseThrow().pid();   // the test's launcher, alive throughout
        Path busy = folder(tmp.resolve(".docsite-staging-site-" + alive + "-b"), "index.html", "being written");
        folder(tmp.resolve(".docsite-staging-other-" + deadPid() + "-c"), "index.html", "another output's");
        try (Publisher pub = new Publisher(out)) {
            assertTrue(Files.exists(pub.staging()));
        }
        assertEquals(List.of(".docsite-staging-other-", ".docsite-staging-site-" + alive + "-b", "site"),
                names().stream().map(n -> n.startsWith(".docsite-staging-other-") ? ".docsite-staging-other-" : n).toList());
        assertTrue(Files.exists(busy.resolve("index.html")));
    }

    @Test void anAbortedFirstPreviewLeavesNoPreviewFolderBehind() throws Exception {
        Path site = folder(tmp.resolve("site"), "index.html", "current");
        Path out = site.resolve("preview/abc1234");
        try (Publisher pub = new Publisher(out, site)) {
            assertTrue(pub.staging().startsWith(site.resolve("preview")));
            Files.writeString(pub.staging().resolve("index.html"), "never published");
        }
        assertFalse(Files.exists(site.resolve("preview")), "the folder made to hold the staging folder is gone too");
        assertEquals(List.of("index.html"), Files.list(site).map(p -> p.getFileName().toString()).toList());
    }

    @Test void anAbortedPreviewKeepsAPreviewsFolderThatHoldsFiles() throws Exception {
        Path site = folder(tmp.resolve("site"), "index.html", "current");
        Path out = site.resolve("preview/abc1234");
        try (Publisher pub = new Publisher(out, site)) {
            folder(site.resolve("preview/other"), "index.html", "published meanwhile");
        }
        assertEquals("published meanwhile", Files.readString(site.resolve("preview/other/index.html")));
    }
}
