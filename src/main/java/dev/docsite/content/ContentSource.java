package dev.docsite.content;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where content files come from: a folder on disk or a git revision. Paths are '/'-separated and
 * relative to the content root (e.g. "pages/admin/setup.yaml").
 */
public interface ContentSource {
    /** Files below {@code dir} whose names end with {@code suffix}, sorted. */
    List<String> list(String dir, String suffix) throws IOException;

    boolean exists(String path) throws IOException;

    String read(String path) throws IOException;

    byte[] readBytes(String path) throws IOException;

    /**
     * Refuses a file that would be read from outside the source (a {@link ContentReadException} with
     * security/outside-content), without reading it: for files the site copies later (assets beside pages).
     */
    default void checkInside(String path) throws IOException {}

    /** How a file is named in messages, e.g. "content/pages/admin/setup.yaml". */
    String display(String path);

    /** When each file under pages/ last changed, from git history where available. */
    default Map<String, Instant> lastUpdated() { return Map.of(); }
}
