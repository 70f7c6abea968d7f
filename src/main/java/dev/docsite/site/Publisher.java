package dev.docsite.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Atomic publish: the build writes into a staging folder beside the output folder; {@link #commit}
 * swaps it in with renames only when the build succeeded, {@link #abort} throws it away. A failed or
 * interrupted build therefore leaves the previous output exactly as it was.
 */
public final class Publisher implements AutoCloseable {
    private static final String STAGING = ".docsite-staging-";
    private static final String OLD = ".docsite-old-";

    private final Path out;
    private final Path staging;
    private boolean done;

    public Publisher(Path out) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        Path parent = this.out.getParent();
        Files.createDirectories(parent);
        sweepLeftovers(parent, this.out.getFileName().toString());
        this.staging = Files.createTempDirectory(parent, STAGING + this.out.getFileName() + "-");
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
        if (Files.isDirectory(out)) {
            for (String k : keep) {
                Path old = out.resolve(k);
                if (Files.exists(old) && !Files.exists(staging.resolve(k))) move(old, staging.resolve(k));
            }
            // Two renames, never a delete first: at every moment the output is the old site or the new one,
            // complete (or, between the renames, briefly absent); the old one is deleted once the new is in place.
            Path trash = out.resolveSibling(OLD + out.getFileName() + "-" + System.nanoTime());
            move(out, trash);
            try {
                move(staging, out);
            } catch (IOException | RuntimeException e) {
                move(trash, out);   // the new site could not be put in place: the old one goes back
                throw e;
            }
            deleteTree(trash);
        } else {
            if (Files.exists(out)) throw new IOException(out + " exists and is not a folder; refusing to replace it");
            move(staging, out);
        }
        done = true;
    }

    public void abort() {
        if (done) return;
        done = true;
        deleteTree(staging);
    }

    @Override public void close() { abort(); }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Staging folders of interrupted builds and old outputs of interrupted swaps are removed. */
    private static void sweepLeftovers(Path parent, String name) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(STAGING + name + "-") || n.startsWith(OLD + name + "-");
        })) {
            for (Path p : ds) deleteTree(p);
        } catch (IOException ignored) {
            // leftovers are harmless; a later build tries again
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
