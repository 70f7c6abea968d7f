package dev.docsite.render;

import java.util.List;
import java.util.Set;

/**
 * What a part of the renderer (an extension, a document attribute) reads beyond the page's id, path and
 * body, and which body text makes it act. The render cache key is derived from these declarations
 * ({@link AsciidocRenderer#DEPENDENCIES}): a page's key holds every input read by any part that acts on
 * it, so a new macro that declares what it reads cannot be served from a stale cache entry.
 */
public interface RenderDependency {
    /** Inputs of a version that a render can read (see {@link RenderInput}). */
    enum Input { VERSION, CATALOGS, TABLE_PAGES, SCHEMAS, ATTRIBUTES }

    /** Body text that makes this part act on a page; empty: it acts on every page. */
    List<String> markers();

    /** The inputs its output depends on. */
    Set<Input> reads();

    default boolean actsOn(String body) {
        if (markers().isEmpty()) return true;
        for (String m : markers()) if (body.contains(m)) return true;
        return false;
    }

    /** A dependency that is not an extension, e.g. a document attribute the renderer sets. */
    static RenderDependency of(List<String> markers, Set<Input> reads) {
        return new RenderDependency() {
            @Override public List<String> markers() { return markers; }
            @Override public Set<Input> reads() { return reads; }
        };
    }
}
