package dev.docsite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Locked, recoverable publishing. One writer at a time: an OS file lock on {@code .<out>.lock} beside the
 * output folder (released by the OS when the process dies) is held from the start of a build to its end;
 * a second build waits for it, or fails at once when told not to wait. The build writes into a staging
 * folder beside the output; {@link #commit} marks it complete (a marker file written last), then swaps it
 * in with renames ({@code out -> .docsite-old-…}, {@code staging -> out}). A crash at any step is repaired
 * by the next publisher: when the output is missing it restores the previous site (or, on a first build,
 * the complete staged one), folders carried over are put back, and only copies no live process owns and
 * that are not the last complete site are deleted. {@code -Ddocsite.crashAt=<step>} halts the process at a
 * step of the swap, for the crash tests.
 */
public final class Publisher implements AutoCloseable {
    /** The sub-folder of the output where previews go; publishing the main site keeps it. */
    public static final String PREVIEWS = "preview";
    private static final String STAGING = ".docsite-staging-";
    private static final String OLD = ".docsite-old-";
    private static final String COMPLETE = ".complete";
    /** Steps of the swap a crash test can stop at, in order. */
    public static final List<String> CRASH_STEPS = List.of("marked", "kept", "old-moved", "swapped", "deleting", "deleted");

    /** Whether a publisher waits for a build holding the lock (false: --no-wait). Set by the command line. */
    private static volatile boolean waitForLock = true;
    /** Lock files held in this JVM: the OS lock is per process, and two channels on one file must not both be open. */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Set<Path> ACTIVE_STAGING = ConcurrentHashMap.newKeySet();

    private final Path out;
    private final Path staging;
    private final Path lockFile;
    private final Semaphore inProcess;
    private FileChannel channel;
    private FileLock lock;
    private boolean holdsInProcess;
    private Path createdParent;   // the first folder this publisher had to create, removed again on abort
    private boolean done;

    /** Another build holds the lock and this one was told not to wait. */
    public static final class LockedException extends IOException {
        public LockedException(String message) { super(message); }
    }

    public static void waitForLock(boolean wait) { waitForLock = wait; }

    /** Whether {@code p} is one of the files publishing keeps beside the output folder {@code out}: its lock, staging and old folders. */
    public static boolean besideOutput(Path out, Path p) {
        Path abs = out.toAbsolutePath().normalize(), q = p.toAbsolutePath().normalize();
        if (!Objects.equals(q.getParent(), abs.getParent())) return false;
        String name = q.getFileName().toString(), site = abs.getFileName().toString();
        return name.equals("." + site + ".lock") || name.startsWith(STAGING + site + "-") || name.startsWith(OLD + site + "-");
    }

    public Publisher(Path out) throws IOException { this(out, out); }

    /**
     * @param lockOf the output folder whose lock is taken: {@code out} itself, or the site a preview is
     *               published inside (site/preview/abc1234 takes site/'s lock: a build of site/ moves
     *               site/preview, and no lock file should be published inside a site)
     */
    public Publisher(Path out, Path lockOf) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        Path parent = this.out.getParent();
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) createdParent = p;
        Files.createDirectories(parent);
        String name = this.out.getFileName().toString();
        Path locked = lockOf.toAbsolutePath().normalize();
        Files.createDirectories(locked.getParent());
        this.lockFile = locked.resolveSibling("." + locked.getFileName() + ".lock");   // see besideOutput
        this.inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new Semaphore(1));
        acquire(locked.getFileName().toString());
        try {
            recover(parent, name);
            this.staging = Files.createDirectory(parent.resolve(STAGING + name + "-" + pid() + "-" + Long.toString(System.nanoTime(), 36)));
            ACTIVE_STAGING.add(staging);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Where the build writes. */
    public Path staging() { return staging; }

    public Path out() { return out; }

    /**
     * Makes the staged build the output. Sub-folders named in {@code keep} (e.g. "preview") are carried
     * over from the previous output so publishing the main site does not delete previews.
     */
    public void commit(List<String> keep) throws IOException {
        if (done) throw new IllegalStateException("already published or aborted");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new IOException(out + " exists and is not a folder; refusing to replace it");
        // Written last, before anything moves: from here on the staging folder is a complete site.
        Path marker = markerOf(staging);
        Files.writeString(marker, String.join("\n", keep) + "\n", StandardCharsets.UTF_8);
        crashPoint("marked");
        if (Files.isDirectory(out)) {
            for (String k : keep) {
                Path old = out.resolve(k);
                if (Files.exists(old) && !Files.exists(staging.resolve(k))) move(old, staging.resolve(k));
            }
            crashPoint("kept");
            // Two renames, never a delete first: at every moment the output is the old site or the new one,
            // complete (or, between the renames, briefly absent, which the next publisher repairs); the old one
            // is deleted once the new one is in place.
            Path trash = out.resolveSibling(OLD + out.getFileName() + "-" + pid() + "-" + Long.toString(System.nanoTime(), 36));
            move(out, trash);
            crashPoint("old-moved");
            try {
                move(staging, out);
            } catch (IOException | RuntimeException e) {
                move(trash, out);   // the new site could not be put in place: the old one goes back
                throw e;
            }
            crashPoint("swapped");
            deleteTree(trash);
        } else {
            move(staging, out);
            crashPoint("swapped");
        }
        Files.deleteIfExists(marker);
        crashPoint("deleted");
        ACTIVE_STAGING.remove(staging);
        done = true;
    }

    public void abort() {
        if (done) return;
        done = true;
        try {
            deleteTree(staging);
            Files.deleteIfExists(markerOf(staging));
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover is removed by the next publisher
        } finally {
            ACTIVE_STAGING.remove(staging);
        }
        // An aborted publish leaves no trace, not even the folders made to hold the staging folder.
        if (createdParent != null) {
            try (var left = Files.walk(createdParent)) {
                if (left.allMatch(Files::isDirectory)) deleteTree(createdParent);
            } catch (IOException | UncheckedIOException ignored) {
                // an empty folder is harmless
            }
        }
    }

    @Override public void close() {
        try {
            abort();
        } finally {
            release();
        }
    }

    // ---- the lock ----------------------------------------------------------------------------------

    private void acquire(String name) throws IOException {
        boolean told = false;
        if (!inProcess.tryAcquire()) {
            if (!waitForLock) throw locked(name, pid());
            told = tellWaiting(name, pid());
            try {
                inProcess.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another docsite build of " + name + "/");
            }
        }
        holdsInProcess = true;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            while ((lock = tryLock()) == null) {
                long holder = holder();
                if (!waitForLock) throw locked(name, holder);
                if (!told) told = tellWaiting(name, holder);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for another docsite build of " + name + "/");
                }
            }
            // Who holds it, for the message of a build that has to wait.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    private FileLock tryLock() throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private long holder() {
        try {
            return Long.parseLong(Files.readString(lockFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean tellWaiting(String name, long pid) {
        System.err.println("waiting for another docsite build of " + name + "/ (pid " + (pid > 0 ? pid : "unknown") + ")…");
        System.err.flush();
        return true;
    }

    private static LockedException locked(String name, long pid) {
        return new LockedException("another docsite build of " + name + "/ is running (pid " + (pid > 0 ? pid : "unknown")
                + "); not waiting for it (--no-wait)");
    }

    private void release() {
        try {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        lock = null;
        channel = null;
        if (holdsInProcess) {
            holdsInProcess = false;
            inProcess.release();
        }
    }

    // ---- recovery ----------------------------------------------------------------------------------

    private record Leftover(Path path, long pid, boolean staging) {}

    /**
     * Repairs what an interrupted publish left, under the lock. A leftover whose owner process is still
     * alive (a build without the lock, e.g. an older docsite) is left alone.
     */
    private void recover(Path parent, String name) throws IOException {
        List<Leftover> staged = new ArrayList<>(), olds = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                boolean isStaging = n.startsWith(STAGING + name + "-"), isOld = n.startsWith(OLD + name + "-");
                if (!isStaging && !isOld) continue;
                if (n.endsWith(COMPLETE)) {
                    // A marker whose staging folder is gone: the swap finished.
                    if (!Files.exists(p.resolveSibling(n.substring(0, n.length() - COMPLETE.length())))) Files.deleteIfExists(p);
                    continue;
                }
                String rest = n.substring((isStaging ? STAGING : OLD).length() + name.length() + 1);
                long pid = parsePid(rest);
                if (ACTIVE_STAGING.contains(p) || (pid > 0 && pid != pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)))
                    continue;
                (isStaging ? staged : olds).add(new Leftover(p, pid, isStaging));
            }
        }
        List<Leftover> complete = staged.stream().filter(s -> Files.exists(markerOf(s.path()))).toList();
        if (!Files.exists(out) && (!olds.isEmpty() || !complete.isEmpty())) {
            if (!olds.isEmpty()) {
                // Killed between the two renames: the previous site is put back.
                Leftover newest = olds.stream().max(Comparator.comparing(o -> modified(o.path()))).orElseThrow();
                move(newest.path(), out);
                olds.remove(newest);
                System.err.println("restored " + name + "/ from an interrupted publish (" + newest.path().getFileName() + ")");
            } else {
                // A first build killed just before its rename: its complete staging is the only site there is.
                Leftover newest = complete.stream().max(Comparator.comparing(o -> modified(o.path()))).orElseThrow();
                move(newest.path(), out);
                Files.deleteIfExists(markerOf(newest.path()));
                staged.remove(newest);
                System.err.println("restored " + name + "/ from the complete staged build of an interrupted publish");
            }
        }
        // Folders carried over from the old output (previews) go back before their staging folder is removed.
        for (Leftover s : staged) {
            Path marker = markerOf(s.path());
            if (Files.exists(marker) && Files.isDirectory(out)) {
                for (String k : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                    if (k.isBlank()) continue;
                    Path kept = s.path().resolve(k);
                    if (Files.exists(kept) && !Files.exists(out.resolve(k))) move(kept, out.resolve(k));
                }
            }
        }
        // A complete copy is deleted only when the output stands in for it; half-written staging always goes.
        boolean outComplete = Files.isDirectory(out);
        for (Leftover l : staged) {
            if (!outComplete && Files.exists(markerOf(l.path()))) continue;
            deleteTree(l.path());
            Files.deleteIfExists(markerOf(l.path()));
        }
        if (outComplete) for (Leftover l : olds) deleteTree(l.path());
    }

    private static long parsePid(String rest) {
        int dash = rest.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;   // a leftover of an older docsite: no owner recorded
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Path markerOf(Path staging) { return staging.resolveSibling(staging.getFileName() + COMPLETE); }

    private static long pid() { return ProcessHandle.current().pid(); }

    /** The fault-injection seam of the crash tests: halts the process, as a kill would, at the named step. */
    private static void crashPoint(String step) {
        if (step.equals(System.getProperty("docsite.crashAt"))) Runtime.getRuntime().halt(99);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    if (root.getFileName().toString().startsWith(OLD)) crashPoint("deleting");
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
