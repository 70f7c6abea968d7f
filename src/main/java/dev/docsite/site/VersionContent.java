package dev.docsite.site;

import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ContentSet;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.RenderInput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The content as it stands in one version: pages and catalog entries filtered by since/until. */
public record VersionContent(String name, boolean latest, SiteConfig config, ContentSet content, List<Page> pages,
                             RenderInput input, Map<String, Page> byId, Map<String, List<Page>> byAudience,
                             Map<String, Page> byAlias, SectionTree sections) {
    private static final Pattern TABLE_MACRO = Pattern.compile("^error-table::([^\\[\\s]+)\\[([^\\]]*)]", Pattern.MULTILINE);

    public static VersionContent of(SiteConfig config, ContentSet content, String version) {
        List<Page> pages = content.pages().stream()
                .filter(p -> config.inVersion(p.since(), p.until(), version))
                .sorted(Comparator.comparing(Page::audience).thenComparingInt(Page::order).thenComparing(Page::title))
                .toList();
        List<ErrorCatalog> catalogs = new ArrayList<>();
        for (ErrorCatalog c : content.catalogs()) {
            List<ErrorEntry> entries = c.errors().stream().filter(e -> config.inVersion(e.since(), e.until(), version)).toList();
            catalogs.add(new ErrorCatalog(c.id(), c.title(), c.path(), c.pos(), entries));
        }
        RenderInput input = new RenderInput(version, List.copyOf(catalogs), tablePages(pages), content.schemas(), content.source(),
                content.hasBrokenCatalog(), config.attributesFor(version));
        // Indexes: layout asks for pages by id, audience and alias once per page, so lookups must not scan.
        Map<String, Page> byId = new LinkedHashMap<>();
        Map<String, List<Page>> byAudience = new LinkedHashMap<>();
        Map<String, Page> byAlias = new LinkedHashMap<>();
        SectionTree tree = SectionTree.of(config, pages, content.sections());
        for (Page p : tree.readingOrder()) byAudience.computeIfAbsent(p.audience(), k -> new ArrayList<>()).add(p);
        for (Page p : pages) {
            byId.put(p.id(), p);
            for (String a : p.aliases()) byAlias.putIfAbsent(a, p);
        }
        byAudience.replaceAll((k, v) -> List.copyOf(v));
        return new VersionContent(version, config.versionIndex(version) == 0, config, content, pages, input,
                Map.copyOf(byId), Map.copyOf(byAudience), Map.copyOf(byAlias), tree);
    }

    /** For each catalog, the page whose error table error: links point to: an admin table first, any table otherwise. */
    static Map<String, String> tablePages(List<Page> pages) {
        Map<String, String> admin = new LinkedHashMap<>(), any = new LinkedHashMap<>();
        for (Page p : pages) {
            for (TableMacro t : tableMacros(p.body())) {
                any.putIfAbsent(t.catalog(), p.id());
                if (!t.endUser()) admin.putIfAbsent(t.catalog(), p.id());
            }
        }
        any.putAll(admin);
        return Map.copyOf(any);
    }

    private record TableMacro(String catalog, boolean endUser) {}

    // The error-table macros of a body, by body text. Scanning every body of every version is the
    // slow part of filtering, and serve filters after each edit while nearly all bodies stay the
    // same strings. Weak keys: an entry goes with its page.
    private static final Map<String, List<TableMacro>> TABLE_MACROS = Collections.synchronizedMap(new WeakHashMap<>());

    private static List<TableMacro> tableMacros(String body) {
        return TABLE_MACROS.computeIfAbsent(body, b -> {
            if (!b.contains("error-table::")) return List.of();
            List<TableMacro> out = new ArrayList<>();
            Matcher m = TABLE_MACRO.matcher(b);
            while (m.find()) out.add(new TableMacro(m.group(1), m.group(2).contains("end-user")));
            return List.copyOf(out);
        });
    }

    public Optional<Page> page(String id) { return Optional.ofNullable(byId.get(id)); }

    /** Pages of an audience in reading order (sections depth first, see {@link SectionTree}). */
    public List<Page> pagesOf(String audience) { return byAudience.getOrDefault(audience, List.of()); }

    /** The page that lists {@code alias} among its old ids, if any. */
    public Optional<Page> aliasTarget(String alias) { return Optional.ofNullable(byAlias.get(alias)); }

    /**
     * Where the version switcher sends a reader of {@code path} (a page, or a home/audience page when
     * {@code pageId} is null) in this version: the page itself, else a page that lists it as an alias,
     * else the audience landing page, else this version's home. Relative to the version folder.
     */
    public String switchTarget(String path, String pageId, String audience) {
        if (pageId == null) {
            // A section's landing page: the same section, else its nearest parent that this version has.
            if (audience != null && path.endsWith("/index.html") && !path.equals(audience + "/index.html")) {
                String id = path.substring(0, path.length() - "/index.html".length());
                while (id.contains("/") && sections.section(id).isEmpty()) id = id.substring(0, id.lastIndexOf('/'));
                return id + "/index.html";
            }
            return path;
        }
        if (byId.containsKey(pageId)) return pageId + ".html";
        Optional<Page> moved = aliasTarget(pageId);
        if (moved.isPresent()) return moved.get().outputPath();
        if (audience != null && !pagesOf(audience).isEmpty()) return audience + "/index.html";
        return "index.html";
    }
}
