package dev.docsite.content;

import java.io.IOException;
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
    private final Confinement confinement;
    private volatile Map<String, Instant> lastUpdated;

    private final Path historyCache;   // where git last-updated dates are kept between runs, or null

    public DirectorySource(Path root) { this(root, null); }

    /** @param historyCache a folder to keep git last-updated dates in between runs (by commit), or null */
    public DirectorySource(Path root, Path historyCache) {
        this.historyCache = historyCache;
        this.root = root.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = this.root.startsWith(cwd) ? cwd.relativize(this.root).toString() : this.root.toString();
        this.displayRoot = shown.isEmpty() ? "." : shown;
        this.confinement = new Confinement(this.root, displayRoot);
    }

    public Path root() { return root; }

    @Override public List<String> list(String dir, String suffix) throws IOException {
        Path base = root.resolve(dir);
        if (!Files.isDirectory(base)) return List.of();
        try (Stream<Path> s = Files.walk(base)) {
            // A link pointing out of the folder is listed: reading it is refused, and reported (security/outside-content).
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted().toList();
        }
    }

    @Override public boolean exists(String path) { return Files.isRegularFile(root.resolve(path)); }

    /** Strict UTF-8 (see {@link Utf8}): a Latin-1 file is an error at its line, not replacement characters. */
    @Override public String read(String path) throws IOException { return Utf8.decode(readBytes(path)); }

    /** Every read goes through here: a file whose real path leaves the content folder is refused (security/outside-content). */
    @Override public byte[] readBytes(String path) throws IOException {
        return Files.readAllBytes(confinement.check(root.resolve(path).normalize()));
    }

    @Override public void checkInside(String path) throws IOException { confinement.check(root.resolve(path).normalize()); }

    @Override public String display(String path) { return displayRoot + "/" + path; }

    @Override public Map<String, Instant> lastUpdated() {
        Map<String, Instant> m = lastUpdated;
        if (m == null) lastUpdated = m = GitHistory.lastUpdatedOrEmpty(root, historyCache);
        return m;
    }
}
