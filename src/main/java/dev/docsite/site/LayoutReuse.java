package dev.docsite.site;

import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderedPage;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Lets a build take a page from the published site instead of laying it out again. A page's layout key names
 * everything its HTML is made of: the page itself (all but its body), its render (cache key and included files),
 * the version, and what its layout and link resolution read of the rest of the site (every version's pages without
 * their bodies, the section tree, alias owners; for a page with an xref written without text, every page's headings
 * too), with {@code base} for what the content does not show (docsite, options, templates, site.yaml). A published
 * page whose key is the one the last build recorded, and whose file is as that build left it, is the same bytes.
 */
public final class LayoutReuse {
    static final String FORMAT = "layout-1";
    /** Sorted keys: a page's maps (field positions, anchors) iterate in a per-process order otherwise. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final String base;
    private final Map<String, String> last;                  // site path -> key of the published file
    private final BiPredicate<String, BasicFileAttributes> untouched;   // the published file is as the last build left it
    private final Map<String, String> made = new ConcurrentHashMap<>();

    /**
     * @param base      a hash of what the layout reads beyond the content (docsite, options, templates, site.yaml)
     * @param last      the layout keys the last build recorded, by site path (empty: nothing is reused)
     * @param untouched whether the published file at a site path, with these attributes, is as the last build left it
     */
    public LayoutReuse(String base, Map<String, String> last, BiPredicate<String, BasicFileAttributes> untouched) {
        this.base = base;
        this.last = last == null ? Map.of() : last;
        this.untouched = untouched;
    }

    /** The keys of the pages this build wrote, by site path, for the next build. */
    public Map<String, String> keys() { return new TreeMap<>(made); }

    /** The shape of the site a page's layout reads: every version's name, pages without bodies and dates, and sections. */
    static String shape(String banner, String assetVersion, List<BuildResult.VersionBuild> all) {
        StringBuilder b = new StringBuilder(FORMAT).append('\0').append(banner).append('\0').append(assetVersion);
        for (BuildResult.VersionBuild v : all) {
            b.append("\0v:").append(v.name()).append('\0').append(v.content().latest());
            for (var p : v.content().pages()) b.append('\0').append(json(p.withoutBody().withLastUpdated(null)));
            b.append('\0').append(v.content().sections().describe());
        }
        return RenderCache.sha(b.toString());
    }

    /** Headings of every page of a version, for pages whose xrefs without text show them. */
    static String headings(BuildResult.VersionBuild v) {
        StringBuilder b = new StringBuilder();
        for (RenderedPage rp : v.pages()) b.append(rp.page().id()).append('\0').append(json(rp.raw().anchors())).append('\0');
        return RenderCache.sha(b.toString());
    }

    /** A page's key given the site's shape, or null when it has no render key (nothing names its render). */
    String key(String shape, RenderedPage rp, java.util.function.Supplier<String> headings) {
        if (rp.renderKey() == null) return null;
        String links = LinkResolver.hasTextlessXref(rp.raw()) ? headings.get() : "";
        // The render key names a page's source and inputs; an included file that changed renders it again under the
        // same key, so the included files' hashes name the render too.
        // The page's other fields are in the shape already; its date is not (no other page shows it).
        return RenderCache.sha(base + "\0" + shape + "\0" + rp.version() + "\0" + rp.page().id() + "\0" + rp.page().lastUpdated() + "\0"
                + rp.renderKey() + "\0" + new TreeMap<>(rp.raw().includes()) + "\0" + links);
    }

    /** Whether the published file at {@code rel} ({@code previous} is the published site) has this key and is as left. */
    boolean reusable(Path previous, String rel, String key) {
        if (key == null || !key.equals(last.get(rel))) return false;
        try {
            BasicFileAttributes a = Files.readAttributes(previous.resolve(rel), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && untouched.test(rel, a);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void made(String rel, String key) { if (key != null) made.put(rel, key); }
}
