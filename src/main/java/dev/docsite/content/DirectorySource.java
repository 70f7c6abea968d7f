package dev.docsite.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Content read from a folder of the work tree. */
public final class DirectorySource implements ContentSource {
    private final Path root;
    private final String displayRoot;
    private volatile Map<String, Instant> lastUpdated;

    public DirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = this.root.startsWith(cwd) ? cwd.relativize(this.root).toString() : this.root.toString();
        this.displayRoot = shown.isEmpty() ? "." : shown;
    }

    public Path root() { return root; }

    @Override public List<String> list(String dir, String suffix) throws IOException {
        Path base = root.resolve(dir);
        if (!Files.isDirectory(base)) return List.of();
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile).filter(this::isInside)   // a link pointing out is not content
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted().toList();
        }
    }

    @Override public boolean exists(String path) { return Files.isRegularFile(root.resolve(path)); }

    @Override public String read(String path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    @Override public byte[] readBytes(String path) throws IOException { return Files.readAllBytes(inside(path)); }

    /**
     * The file a content path names, refused when it resolves outside the content folder (a symbolic link
     * pointing out, or "..") : content may come from a stranger, and what is read can end up in the site
     * (includes, embedded images, files beside pages).
     */
    private Path inside(String path) throws IOException {
        Path real = root.resolve(path).toRealPath();
        Path realRoot = this.realRoot;
        if (realRoot == null) this.realRoot = realRoot = root.toRealPath();
        if (!real.startsWith(realRoot)) throw new IOException(display(path) + " resolves outside the content folder (a symbolic link?)");
        return real;
    }

    private volatile Path realRoot;

    private boolean isInside(Path p) {
        try {
            inside(root.relativize(p).toString());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override public String display(String path) { return displayRoot + "/" + path; }

    @Override public String describe() { return "work tree " + displayRoot; }

    @Override public Map<String, Instant> lastUpdated() {
        Map<String, Instant> m = lastUpdated;
        if (m == null) lastUpdated = m = GitHistory.lastUpdatedOrEmpty(root);
        return m;
    }
}
