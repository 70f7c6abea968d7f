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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (java.nio WatchService registers single folders, so every sub-folder is
 * registered, including ones created later) and reports changed paths in batches: a batch is delivered
 * once no event has arrived for {@code quietMillis}, so an editor's save (temporary file, rename,
 * write) becomes one rebuild. When events were lost (overflow) the watched root itself is reported.
 */
public final class Watcher implements AutoCloseable {
    private static final long MAX_BATCH_MILLIS = 500;

    private final WatchService ws;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Map<Path, Path> rootOf = new ConcurrentHashMap<>();
    private final long quietMillis;
    private final Consumer<Set<Path>> onBatch;
    private final Thread thread;

    public Watcher(List<Path> roots, long quietMillis, Consumer<Set<Path>> onBatch) throws IOException {
        this.ws = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
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
                WatchKey key = ws.take();
                long first = System.nanoTime();
                while (key != null) {
                    collect(key, batch);
                    long waited = (System.nanoTime() - first) / 1_000_000;
                    key = waited >= MAX_BATCH_MILLIS ? null : ws.poll(quietMillis, TimeUnit.MILLISECONDS);
                }
                if (!batch.isEmpty()) onBatch.accept(batch);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
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
     * written): after close nothing writes into the site folder. Interrupting first could cut a write short.
     */
    @Override public void close() throws IOException {
        ws.close();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
