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
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted().toList();
        }
    }

    @Override public boolean exists(String path) { return Files.isRegularFile(root.resolve(path)); }

    @Override public String read(String path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    @Override public byte[] readBytes(String path) throws IOException { return Files.readAllBytes(root.resolve(path)); }

    @Override public String display(String path) { return displayRoot + "/" + path; }

    @Override public String describe() { return "work tree " + displayRoot; }

    @Override public Map<String, Instant> lastUpdated() {
        Map<String, Instant> m = lastUpdated;
        if (m == null) lastUpdated = m = GitHistory.lastUpdatedOrEmpty(root);
        return m;
    }
}
