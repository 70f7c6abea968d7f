package dev.docsite.site;

import dev.docsite.render.RenderedPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which files a write produces. A build writes everything. After an edit, serve writes only what the
 * edit changed: the pages whose own content changed and their version's search index (it holds every
 * page's text); the pages that show a retitled page or section (its branch's navigation, its neighbours'
 * previous/next); every page of a version when its structure (pages, sections, reading order) changed; the indexes (home
 * and audience pages, redirects, errors.json, versions.json, sitemap, 404, assets) when something they
 * show changed.
 *
 * @param pages         per version, the ids of the pages to write; null: every page
 * @param indexes       whether to write everything that is not a page or a search index
 * @param searchIndexes versions whose search index to write; null: every version
 */
public record Outputs(Map<String, Set<String>> pages, boolean indexes, Set<String> searchIndexes) {
    public static final Outputs ALL = new Outputs(null, true, null);

    public boolean all() { return pages == null && indexes && searchIndexes == null; }

    public boolean isEmpty() {
        return !indexes && pages != null && pages.values().stream().allMatch(Set::isEmpty) && searchIndexes != null && searchIndexes.isEmpty();
    }

    public boolean page(String version, String pageId) { return pages == null || pages.getOrDefault(version, Set.of()).contains(pageId); }

    public boolean searchIndex(String version) { return searchIndexes == null || searchIndexes.contains(version); }

    /** These outputs but the search indexes: the page a reader waits for first, the search data after it. */
    public Outputs withoutSearchIndexes() { return new Outputs(pages, indexes, Set.of()); }

    /** Only the search indexes of these outputs. */
    public Outputs searchIndexesOnly() { return new Outputs(Map.of(), false, searchIndexes); }

    /** Number of page files this write produces in {@code build}. */
    public int pageCount(BuildResult build) {
        if (pages == null) return build.stats().pages();
        return pages.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * What to rewrite so a folder holding {@code before} shows {@code after}, both laid out with the same
     * templates. {@link #ALL} when the shape of the site changed (configuration, versions, the pages and
     * aliases of any version): every page's version switcher depends on it, and files may have to go.
     */
    public static Outputs changed(BuildResult before, BuildResult after) {
        if (!shape(before).equals(shape(after))) return ALL;
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        boolean indexes = false;
        for (BuildResult.VersionBuild a : after.versions()) {
            BuildResult.VersionBuild b = before.version(a.name()).orElseThrow();
            Set<String> ids = new LinkedHashSet<>();
            if (!structure(b).equals(structure(a))) {
                a.pages().forEach(p -> ids.add(p.page().id()));
                indexes = true;
            } else {
                if (!navigation(b).equals(navigation(a))) {
                    ids.addAll(showingRetitled(b, a));
                    indexes = true;
                }
                // The same structure means the same pages in the same order.
                for (int i = 0; i < a.pages().size(); i++) {
                    RenderedPage x = b.pages().get(i), y = a.pages().get(i);
                    if (!x.page().equals(y.page()) || !x.html().equals(y.html())) ids.add(y.page().id());
                    if (!Objects.equals(x.page().summary(), y.page().summary()) || !Objects.equals(x.page().lastUpdated(), y.page().lastUpdated()))
                        indexes = true;
                }
            }
            // A section's summary shows on the landing pages only.
            if (!sectionSummaries(b).equals(sectionSummaries(a))) indexes = true;
            if (!b.content().input().catalogs().equals(a.content().input().catalogs())) indexes = true;
            // Live examples read the version's schemas (_schemas/), written with the indexes.
            if (!b.content().input().schemas().equals(a.content().input().schemas())) indexes = true;
            pages.put(a.name(), ids);
        }
        // A version's search index holds every page's title, summary and text.
        Set<String> search = new LinkedHashSet<>();
        pages.forEach((version, ids) -> { if (!ids.isEmpty()) search.add(version); });
        return new Outputs(pages, indexes, search);
    }

    /** Configuration, versions, and per version the page ids with their aliases. */
    private static List<Object> shape(BuildResult r) {
        List<Object> s = new ArrayList<>();
        if (!r.versions().isEmpty()) s.add(r.versions().get(0).content().config());
        for (BuildResult.VersionBuild v : r.versions()) {
            s.add(v.name());
            for (RenderedPage p : v.pages()) {
                s.add(p.page().id());
                s.add(p.page().aliases());
            }
        }
        return s;
    }

    /**
     * The pages whose navigation, breadcrumbs or previous/next show a page or section whose title
     * changed (same structure before and after): a page shows the items of its audience and of every
     * section on its branch, so a page retitled in section S is shown by the pages under S (all of the
     * audience when S is the audience itself) and its neighbours in the reading order; a retitled
     * section is shown in the navigation of every page of its audience.
     */
    private static Set<String> showingRetitled(BuildResult.VersionBuild before, BuildResult.VersionBuild after) {
        SectionTree was = before.content().sections(), is = after.content().sections();
        Set<String> out = new LinkedHashSet<>();
        Set<Object> shown = new java.util.HashSet<>();   // nodes whose direct items changed title
        Set<String> audiences = new LinkedHashSet<>();
        for (SectionTree.Node s : is.sections())
            if (!was.section(s.id()).map(SectionTree.Node::title).orElse("").equals(s.title())) audiences.add(s.audience());
        List<dev.docsite.content.Page> order = is.readingOrder(), old = was.readingOrder();
        for (int i = 0; i < order.size(); i++) {
            dev.docsite.content.Page p = order.get(i);
            if (p.title().equals(old.get(i).title())) continue;
            shown.add(is.holder(p));
            if (i > 0) out.add(order.get(i - 1).id());
            if (i < order.size() - 1) out.add(order.get(i + 1).id());
        }
        for (dev.docsite.content.Page p : order) {
            if (audiences.contains(p.audience()) || is.holder(p).path().stream().anyMatch(shown::contains)) out.add(p.id());
        }
        return out;
    }

    /** Pages (ids, audiences, reading order) and sections of a version, without titles. */
    private static List<String> structure(BuildResult.VersionBuild v) {
        List<String> n = new ArrayList<>();
        for (RenderedPage p : v.pages()) {
            n.add(p.page().id());
            n.add(p.page().audience());
        }
        for (dev.docsite.content.Page p : v.content().sections().readingOrder()) n.add(p.id());
        for (SectionTree.Node s : v.content().sections().sections()) n.add(s.id());
        return n;
    }

    /**
     * What pages of a version embed about the others: navigation (titles, sections and their titles),
     * previous/next links (the reading order, which page and section order decide). A change rewrites
     * every page of the version: a page title shows in its branch's navigation and its neighbours'
     * previous/next, a section title in the navigation of every page of its audience.
     */
    private static List<String> navigation(BuildResult.VersionBuild v) {
        List<String> n = new ArrayList<>();
        for (RenderedPage p : v.pages()) {
            n.add(p.page().id());
            n.add(p.page().audience());
            n.add(p.page().title());
        }
        for (dev.docsite.content.Page p : v.content().sections().readingOrder()) n.add(p.id());
        for (SectionTree.Node s : v.content().sections().sections()) {
            n.add(s.id());
            n.add(s.title());
        }
        return n;
    }

    private static List<String> sectionSummaries(BuildResult.VersionBuild v) {
        return v.content().sections().sections().stream().map(SectionTree.Node::summary).toList();
    }
}
