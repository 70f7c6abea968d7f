package dev.docsite.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches folders recursively (java.nio WatchService registers single folders, so every sub-folder is
 * registered, including ones created later) and reports changed paths in batches. Editors save in steps
 * (truncate then write; write a temporary file then rename it; vim's rename to {@code file~}, write,
 * delete), with pauses between them on a busy machine, so a batch is delivered only once its files are
 * stable: no event and no change of size, modification time or identity for {@code quietMillis}. A file
 * that is then missing, empty or unparsable ({@code complete} says no) gets one longer wait for the rest
 * of the save before it is reported as it is. Settling is bounded, so a file that never stops changing
 * is still reported. When events were lost (overflow) the watched root itself is reported.
 */
public final class Watcher implements AutoCloseable {
    /** Longest a batch waits for its files to settle. */
    static final long MAX_SETTLE_MILLIS = 3_000;
    /** How long a missing, empty or unparsable file is given to become whole, once. */
    static final long RECHECK_MILLIS = 1_000;

    private final WatchService ws;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Map<Path, Path> rootOf = new ConcurrentHashMap<>();
    private final long quietMillis;
    private final Predicate<Path> complete;
    private final Consumer<Set<Path>> onBatch;
    private final Thread thread;

    public Watcher(List<Path> roots, long quietMillis, Consumer<Set<Path>> onBatch) throws IOException {
        this(roots, quietMillis, p -> true, onBatch);
    }

    /**
     * @param complete whether a settled file looks whole (exists, not empty, parses); false gives it one
     *                 more wait of {@link #RECHECK_MILLIS}
     */
    public Watcher(List<Path> roots, long quietMillis, Predicate<Path> complete, Consumer<Set<Path>> onBatch) throws IOException {
        this.ws = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        this.complete = complete;
        this.onBatch = onBatch;
        for (Path r : roots) {
            Path root = r.toAbsolutePath().normalize();
            if (Files.isDirectory(root)) registerTree(root, root, null);
        }
        this.thread = new Thread(this::loop, "docsite-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path start, Path root, Set<Path> found) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                WatchKey key = dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                dirs.put(key, dir);
                rootOf.put(dir, root);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Files already inside a folder that appeared: their events may have come before we watched it.
                if (found != null && !ignored(file)) found.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                Set<Path> batch = new LinkedHashSet<>();
                collect(ws.take(), batch);
                settle(batch);
                if (!batch.isEmpty()) onBatch.accept(batch);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Collects further events into {@code batch} until its files are stable (see the class comment). */
    private void settle(Set<Path> batch) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_SETTLE_MILLIS * 1_000_000;
        Map<Path, List<Object>> seen = snapshot(batch);
        boolean rechecked = false;
        while (System.nanoTime() < deadline) {
            WatchKey key = ws.poll(quietMillis, TimeUnit.MILLISECONDS);
            if (key != null) {
                collect(key, batch);
                seen = snapshot(batch);
                rechecked = false;
                continue;
            }
            Map<Path, List<Object>> now = snapshot(batch);
            if (!now.equals(seen)) {      // written to without an event yet: wait for it to stop
                seen = now;
                continue;
            }
            if (rechecked || batch.stream().allMatch(complete)) return;
            rechecked = true;
            key = ws.poll(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (key == null) return;      // it stays that way: report it as it is
            collect(key, batch);
            seen = snapshot(batch);
        }
    }

    /** Size, modification time and identity of each path (null when missing): what a write changes. */
    private static Map<Path, List<Object>> snapshot(Set<Path> paths) {
        Map<Path, List<Object>> m = new HashMap<>();
        for (Path p : paths) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                m.put(p, Arrays.asList(a.size(), a.lastModifiedTime(), a.fileKey()));
            } catch (IOException e) {
                m.put(p, null);
            }
        }
        return m;
    }

    private void collect(WatchKey key, Set<Path> batch) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (dir == null) continue;
            if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                batch.add(rootOf.get(dir));
                continue;
            }
            Path child = dir.resolve((Path) ev.context());
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child, rootOf.get(dir), batch);
                } catch (IOException e) {
                    batch.add(rootOf.get(dir));
                }
            }
            if (!ignored(child)) batch.add(child);
        }
        if (!key.reset()) {
            dirs.remove(key);
            if (dir != null) rootOf.remove(dir);
        }
    }

    /** Editor droppings: swap and backup files, vim's write test, hidden temporary files. */
    static boolean ignored(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".swx") || n.equals("4913");
    }

    /**
     * Stops watching, and waits for the batch being applied (a search index of many files may still be
     * written): after close nothing writes into the site folder, and an update in flight finishes first.
     */
    @Override public void close() throws IOException {
        ws.close();   // wakes the thread from take/poll
        if (Thread.currentThread() == thread) return;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
