package dev.docsite.external;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * External URLs that answered well, with when they were checked: a JSON file (by default
 * .docsite-cache/links.json beside the render cache) so a run within the TTL requests nothing again.
 * Only successes are kept: a broken link is asked again on every run, so a fix shows at once.
 */
public final class LinkCache {
    /** Bump when the meaning of an entry changes; older files are ignored. */
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param checked epoch milliseconds of the check
     * @param movedTo where a permanent redirect led (kept so the note is repeated from the cache), or null
     */
    public record Entry(long checked, int status, String movedTo) {}

    record FileFormat(int format, Map<String, Entry> links) {}

    private final Path file;   // null: nothing is read or written
    private final long ttlMillis;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private LinkCache(Path file, long ttlMillis) {
        this.file = file;
        this.ttlMillis = ttlMillis;
    }

    /** A cache kept in {@code file}; a missing or damaged file is an empty cache. A TTL of 0 disables it. */
    public static LinkCache open(Path file, int ttlHours) {
        LinkCache c = new LinkCache(ttlHours <= 0 ? null : file, ttlHours * 3_600_000L);
        if (c.file != null && Files.isRegularFile(file)) {
            try {
                FileFormat f = JSON.readValue(file.toFile(), FileFormat.class);
                if (f.format() == FORMAT && f.links() != null) c.entries.putAll(f.links());
            } catch (IOException | RuntimeException e) {
                // A damaged cache only costs requests.
            }
        }
        return c;
    }

    /** No cache: every run requests every URL. */
    public static LinkCache none() { return new LinkCache(null, 0); }

    /** The entry for {@code url} if it was checked less than the TTL ago. */
    public Entry fresh(String url, long nowMillis) {
        if (file == null) return null;
        Entry e = entries.get(url);
        return e != null && nowMillis - e.checked() < ttlMillis && nowMillis >= e.checked() ? e : null;
    }

    public void put(String url, Entry e) {
        if (file != null) entries.put(url, e);
    }

    /** Writes the cache (atomically), leaving out entries past their TTL. Failing to write never fails a check. */
    public void save(long nowMillis) {
        if (file == null) return;
        Map<String, Entry> keep = new TreeMap<>();
        entries.forEach((k, e) -> { if (nowMillis - e.checked() < ttlMillis) keep.put(k, e); });
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".links-", ".json");
            JSON.writeValue(tmp.toFile(), new FileFormat(FORMAT, keep));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache is an optimisation.
        }
    }

    public Path file() { return file; }
}
