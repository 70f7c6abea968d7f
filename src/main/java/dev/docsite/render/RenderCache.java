package dev.docsite.render;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Render results keyed by a hash of everything that can change them (body, version-dependent inputs,
 * renderer version). Kept in memory for the process (serve, several versions) and on disk between runs,
 * so a rebuild with nothing changed never starts Asciidoctor.
 */
public final class RenderCache {
    /** Bump when the renderer's output for the same input changes. */
    public static final String RENDERER_VERSION = "docsite-render-7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;   // null: memory only
    private final Map<String, RenderResult> memory = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    public RenderCache(Path dir) { this.dir = dir; }

    /**
     * SHA-256 of the texts joined, as hex ({@code sha(a + b + c)} without the joined copy): the cache's keys, and the
     * hashes that prove an input unchanged.
     */
    public static String sha(String... texts) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String t : texts) digest.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
    }

    /** SHA-256 of bytes as hex: what proves an included file or an embedded image unchanged. */
    public static String sha(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
    }

    public static RenderCache memoryOnly() { return new RenderCache(null); }

    public RenderResult get(String key) {
        RenderResult r = memory.get(key);
        if (r != null || dir == null) return r;
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try {
            r = JSON.readValue(f.toFile(), RenderResult.class);
            memory.put(key, r);
            return r;
        } catch (IOException e) {
            return null; // a damaged entry is simply rendered again
        }
    }

    public void put(String key, RenderResult r) {
        memory.put(key, r);
        if (dir == null) return;
        try {
            Path f = file(key);
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".tmp-", ".json");
            JSON.writeValue(tmp.toFile(), r);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache is an optimisation: failing to write it never fails a build.
        }
    }

    /**
     * Serializes {@code r} as {@link #put} would and throws the bytes away (serve's warm-up): the first put of a
     * process otherwise pays for Jackson making its serializer, about 10 ms of the writer's first edit.
     */
    public void warmUp(RenderResult r) {
        try {
            JSON.writeValueAsBytes(r);
        } catch (IOException e) {
            // Nothing is lost: the first put pays instead.
        }
    }

    /** Text derived from a render (e.g. a page's search entry), under its own key; null when absent. */
    public String getText(String key) {
        String t = texts.get(key);
        if (t != null || dir == null) return t;
        Path f = dir.resolve(key.substring(0, 2)).resolve(key + ".txt");
        try {
            t = Files.readString(f);
            texts.put(key, t);
            return t;
        } catch (IOException e) {
            return null;
        }
    }

    public void putText(String key, String text) {
        texts.put(key, text);
        if (dir == null) return;
        try {
            Path f = dir.resolve(key.substring(0, 2)).resolve(key + ".txt");
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".tmp-", ".txt");
            Files.writeString(tmp, text);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // an optimisation only, like renders
        }
    }

    private Path file(String key) { return dir.resolve(key.substring(0, 2)).resolve(key + ".json"); }
}
