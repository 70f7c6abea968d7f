package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** One writer per output folder: an OS lock beside it; a second build waits and says so, or fails at once with --no-wait. */
class PublishLockTest {
    @Test void aSecondBuildWaitsForTheLockOrFailsAtOnceWithNoWait(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());   // fills the render cache: the child JVMs render nothing
        long me = ProcessHandle.current().pid();
        try (FileChannel ch = FileChannel.open(tmp.resolve(".site.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.lock();   // this process stands for a build in progress
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.US_ASCII)), 0);

            TestSite.Run refused = Child.run(t, "nowait", List.of(), "build", "--no-wait");
            assertEquals(2, refused.exit(), refused.err());
            assertTrue(refused.err().contains("another docsite build of site/ is running (pid " + me + ")"), refused.err());
            Matrix.assertNoStackTrace(refused.err());

            Process waiting = Child.start(tmp, "wait", List.of(), Map.of(), Child.siteArgs(t, "build"));
            String expected = "waiting for another docsite build of site/ (pid " + me + ")…";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(tmp.resolve("wait.err")).contains(expected)) {
                assertTrue(waiting.isAlive(), "the second build ended instead of waiting: " + Files.readString(tmp.resolve("wait.err")));
                assertTrue(System.nanoTime() < deadline, "the second build never said it was waiting");
                Thread.onSpinWait();
                waiting.waitFor(50, TimeUnit.MILLISECONDS);
            }
            assertTrue(waiting.isAlive(), "it waits while the lock is held");
            lock.release();
            TestSite.Run done = Child.finish(tmp, "wait", waiting);
            assertEquals(0, done.exit(), done.err());
            assertTrue(done.out().contains("Built "), done.out());
        }
    }

    @Test void theStartUpSweepLeavesWhatALiveProcessOwns(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        Process owner = new ProcessBuilder("sleep", "300").start();
        try {
            Path live = tmp.resolve(".docsite-staging-site-" + owner.pid() + "-x");
            Path dead = tmp.resolve(".docsite-staging-site-4194399-y");   // above any Linux pid_max: no such process
            Files.createDirectories(live);
            Files.createDirectories(dead);
            assertEquals(0, t.run("build").exit());
            assertTrue(Files.exists(live), "a folder of a running process is not swept");
            assertFalse(Files.exists(dead), "a folder of a dead process is swept");
            owner.destroy();
            assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, t.run("build").exit());
            assertFalse(Files.exists(live), "swept once its process is gone");
        } finally {
            owner.destroyForcibly();
        }
    }
}
