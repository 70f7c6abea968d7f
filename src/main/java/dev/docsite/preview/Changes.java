package dev.docsite.preview;

import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ContentSet;
import dev.docsite.render.RenderedPage;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a revision changes for readers: the rendered pages of two builds compared version by version
 * (title, summary and body HTML: a catalog, include or template-macro change shows up on the pages it
 * reaches, a YAML reformatting does not), and the error catalogs compared entry by entry with the
 * pages whose error tables and live examples change with them.
 */
public record Changes(List<PageChange> pages, List<CatalogChange> catalogs, List<NewVersion> newVersions) {

    public enum Kind { ADDED, CHANGED, REMOVED }

    /**
     * One page's change, merged over the versions that have the same change.
     *
     * @param versions versions with this change, newest first
     * @param sections changed sections (of the newest such version), for CHANGED
     * @param diff     rendered-text diff (of the newest such version), for CHANGED
     */
    public record PageChange(Kind kind, String id, String title, String audience, List<String> versions,
                             List<Section> sections, RenderedText.Diff diff) {}

    /** A top-level section of a page body; {@code id} null for the text before the first section. */
    public record Section(Kind kind, String id, String title) {}

    /** A page and the versions in which something on it changed. */
    public record PageRef(String id, String title, String audience, List<String> versions) {}

    /**
     * An error catalog whose entries differ between base and revision.
     *
     * @param tables   pages whose rendered error table of this catalog changes
     * @param examples pages whose live examples (error-response, user-message) of its entries change
     */
    public record CatalogChange(String id, String title, Kind kind, List<String> added, List<String> changed,
                                List<String> removed, List<PageRef> tables, List<PageRef> examples) {}

    /**
     * A version the revision adds (site.yaml gained it): one entry instead of an "Added" line for each of its pages.
     *
     * @param follows the version it follows (the next older one), or null when it is the only one
     * @param pages   how many pages it has
     * @param differ  its pages that the version it follows lacks (ADDED) or shows differently (CHANGED)
     */
    public record NewVersion(String name, String follows, int pages, List<PageChange> differ) {}

    public Changes(List<PageChange> pages, List<CatalogChange> catalogs) { this(pages, catalogs, List.of()); }

    public boolean isEmpty() { return pages.isEmpty() && catalogs.isEmpty() && newVersions.isEmpty(); }

    public long count(Kind kind) { return pages.stream().filter(p -> p.kind() == kind).count(); }

    public static Changes between(ContentSet baseContent, BuildResult base, ContentSet revContent, BuildResult rev) {
        List<String> newNames = rev.versions().stream().map(BuildResult.VersionBuild::name).filter(n -> base.version(n).isEmpty()).toList();
        // A new version's pages are all new against the base: compared with the version it follows instead.
        List<String> versions = versionOrder(base, rev).stream().filter(n -> !newNames.contains(n)).toList();
        return new Changes(pageChanges(versions, base, rev), catalogChanges(versions, baseContent, base, revContent, rev), newVersions(newNames, rev));
    }

    private static List<NewVersion> newVersions(List<String> names, BuildResult rev) {
        List<String> all = rev.versions().stream().map(BuildResult.VersionBuild::name).toList();
        List<NewVersion> out = new ArrayList<>();
        for (String name : names) {
            int i = all.indexOf(name);
            String follows = i + 1 < all.size() ? all.get(i + 1) : null;
            Map<String, RenderedPage> mine = pages(rev, name), theirs = follows == null ? Map.of() : pages(rev, follows);
            List<PageChange> differ = new ArrayList<>();
            for (RenderedPage y : mine.values()) {
                RenderedPage x = theirs.get(y.page().id());
                if (follows != null && x != null && sameForReaders(x, y)) continue;
                if (follows == null) continue;
                Kind kind = x == null ? Kind.ADDED : Kind.CHANGED;
                differ.add(new PageChange(kind, y.page().id(), y.page().title(), y.page().audience(), List.of(name),
                        kind == Kind.CHANGED ? sections(x.html(), y.html()) : List.of(),
                        kind == Kind.CHANGED ? RenderedText.diff(text(x), text(y)) : null));
            }
            out.add(new NewVersion(name, follows, mine.size(), List.copyOf(differ)));
        }
        return List.copyOf(out);
    }

    private static List<String> versionOrder(BuildResult base, BuildResult rev) {
        Set<String> names = new LinkedHashSet<>();
        rev.versions().forEach(v -> names.add(v.name()));
        base.versions().forEach(v -> names.add(v.name()));
        return List.copyOf(names);
    }

    private static Map<String, RenderedPage> pages(BuildResult r, String version) {
        Map<String, RenderedPage> m = new LinkedHashMap<>();
        r.version(version).ifPresent(v -> v.pages().forEach(p -> m.put(p.page().id(), p)));
        return m;
    }

    /** Visits one page id of one version: {@code before} or {@code after} is null where it exists on one side only. */
    private interface PagePair {
        void visit(String version, String id, RenderedPage before, RenderedPage after);
    }

    /** Every page of the base or the revision, version by version, ids in order. */
    private static void pairs(List<String> versions, BuildResult base, BuildResult rev, PagePair visitor) {
        for (String version : versions) {
            Map<String, RenderedPage> before = pages(base, version), after = pages(rev, version);
            Set<String> ids = new TreeSet<>(before.keySet());
            ids.addAll(after.keySet());
            for (String id : ids) visitor.visit(version, id, before.get(id), after.get(id));
        }
    }

    private static List<PageChange> pageChanges(List<String> versions, BuildResult base, BuildResult rev) {
        Map<String, PageChange> byKey = new LinkedHashMap<>();
        pairs(versions, base, rev, (version, id, x, y) -> {
            Kind kind = x == null ? Kind.ADDED : y == null ? Kind.REMOVED : sameForReaders(x, y) ? null : Kind.CHANGED;
            if (kind == null) return;
            byKey.computeIfAbsent(kind + id, k -> {
                RenderedPage shown = y != null ? y : x;
                return new PageChange(kind, id, shown.page().title(), shown.page().audience(), new ArrayList<>(),
                        kind == Kind.CHANGED ? sections(x.html(), y.html()) : List.of(),
                        kind == Kind.CHANGED ? RenderedText.diff(text(x), text(y)) : null);
            }).versions().add(version);
        });
        return byKey.values().stream().map(c -> new PageChange(c.kind(), c.id(), c.title(), c.audience(), List.copyOf(c.versions()),
                c.sections(), c.diff())).toList();
    }

    private static boolean sameForReaders(RenderedPage x, RenderedPage y) {
        return x.html().equals(y.html()) && x.page().title().equals(y.page().title()) && x.page().summary().equals(y.page().summary());
    }

    /** Title, summary and body as a reader sees them. */
    private static List<String> text(RenderedPage p) {
        List<String> lines = new ArrayList<>();
        lines.add("= " + p.page().title());
        lines.add(p.page().summary());
        lines.addAll(RenderedText.lines(p.html()));
        return lines;
    }

    /** Top-level sections (Asciidoctor's div.sect1 with its h2) that were added, changed or removed. */
    static List<Section> sections(String beforeHtml, String afterHtml) {
        Map<String, Element> before = sectionsOf(beforeHtml), after = sectionsOf(afterHtml);
        List<Section> out = new ArrayList<>();
        for (Map.Entry<String, Element> e : after.entrySet()) {
            Element old = before.get(e.getKey());
            if (old == null) out.add(new Section(Kind.ADDED, e.getKey().isEmpty() ? null : e.getKey(), title(e.getValue())));
            else if (!old.outerHtml().equals(e.getValue().outerHtml())) out.add(new Section(Kind.CHANGED, e.getKey().isEmpty() ? null : e.getKey(), title(e.getValue())));
        }
        for (Map.Entry<String, Element> e : before.entrySet())
            if (!after.containsKey(e.getKey())) out.add(new Section(Kind.REMOVED, null, title(e.getValue())));
        return out;
    }

    /** Sections by heading id; "" holds everything before the first section. */
    private static Map<String, Element> sectionsOf(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        Map<String, Element> out = new LinkedHashMap<>();
        Element intro = body.shallowClone();
        for (Element child : body.children()) {
            Element h2 = child.hasClass("sect1") ? child.selectFirst("> h2[id]") : null;
            if (h2 != null) out.putIfAbsent(h2.id(), child);
            else intro.appendChild(child.clone());
        }
        if (!intro.children().isEmpty()) {
            Map<String, Element> withIntro = new LinkedHashMap<>();
            withIntro.put("", intro);
            withIntro.putAll(out);
            return withIntro;
        }
        return out;
    }

    private static String title(Element section) {
        Element h2 = section.selectFirst("> h2");
        return h2 == null ? "Introduction" : h2.text();
    }

    // ---- catalogs ----------------------------------------------------------------------------------

    private static List<CatalogChange> catalogChanges(List<String> versions, ContentSet baseContent, BuildResult base,
                                                      ContentSet revContent, BuildResult rev) {
        Map<String, ErrorCatalog> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        baseContent.catalogs().forEach(c -> before.put(c.id(), c));
        revContent.catalogs().forEach(c -> after.put(c.id(), c));
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<CatalogChange> out = new ArrayList<>();
        for (String id : ids) {
            ErrorCatalog x = before.get(id), y = after.get(id);
            Map<String, List<Object>> xe = entries(x), ye = entries(y);
            List<String> added = new ArrayList<>(), changed = new ArrayList<>(), removed = new ArrayList<>();
            ye.forEach((eid, v) -> {
                if (!xe.containsKey(eid)) added.add(eid);
                else if (!xe.get(eid).equals(v)) changed.add(eid);
            });
            xe.keySet().forEach(eid -> { if (!ye.containsKey(eid)) removed.add(eid); });
            boolean titleChanged = x != null && y != null && !x.title().equals(y.title());
            if (x != null && y != null && added.isEmpty() && changed.isEmpty() && removed.isEmpty() && !titleChanged) continue;
            Set<String> entryIds = new LinkedHashSet<>(xe.keySet());
            entryIds.addAll(ye.keySet());
            List<PageRef> tables = affected(versions, base, rev,
                    p -> p.raw().tables().stream().anyMatch(t -> t.catalog().equals(id)),
                    "div.error-table[data-catalog]", e -> e.attr("data-catalog").equals(id));
            List<PageRef> examples = affected(versions, base, rev,
                    p -> p.raw().errorIds().stream().anyMatch(r -> entryIds.contains(r.target())),
                    ".live-example[data-error-id]", e -> entryIds.contains(e.attr("data-error-id")));
            out.add(new CatalogChange(id, (y != null ? y : x).title(), x == null ? Kind.ADDED : y == null ? Kind.REMOVED : Kind.CHANGED,
                    added, changed, removed, tables, examples));
        }
        return out;
    }

    /** Entries by id, each as the values readers can see (not where they were written). */
    private static Map<String, List<Object>> entries(ErrorCatalog c) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        if (c == null) return m;
        for (ErrorEntry e : c.errors())
            m.put(e.id(), Arrays.asList(e.layer(), e.http(), e.httpUnknown(), e.scenario(), e.userTitle(), e.userMessage(), e.userMeaning(),
                    e.userAction(), e.placeholders(), e.retry(), e.userOptions(), e.fallback(), e.cause(), e.resolution(), e.since(), e.until()));
        return m;
    }

    /** Pages (that use the catalog in base or revision) whose elements matching {@code selector} and {@code which} differ. */
    private static List<PageRef> affected(List<String> versions, BuildResult base, BuildResult rev, Predicate<RenderedPage> uses,
                                          String selector, Predicate<Element> which) {
        Map<String, PageRef> out = new LinkedHashMap<>();
        pairs(versions, base, rev, (version, id, x, y) -> {
            if (!(x != null && uses.test(x)) && !(y != null && uses.test(y))) return;
            if (Objects.equals(fragments(x, selector, which), fragments(y, selector, which))) return;
            RenderedPage shown = y != null ? y : x;
            out.computeIfAbsent(id, k -> new PageRef(id, shown.page().title(), shown.page().audience(), new ArrayList<>()))
                    .versions().add(version);
        });
        return out.values().stream().map(r -> new PageRef(r.id(), r.title(), r.audience(), List.copyOf(r.versions()))).toList();
    }

    private static List<String> fragments(RenderedPage p, String selector, Predicate<Element> which) {
        if (p == null) return List.of();
        return Jsoup.parseBodyFragment(p.html()).select(selector).stream().filter(which).map(Element::outerHtml).toList();
    }
}
