package dev.docsite.site;

import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.render.LiveExampleHtml;
import dev.docsite.render.Links;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each template gets: the page, home, audience and section landing models with the parts every
 * page of a version shares (navigation, breadcrumbs, previous/next, version switcher, asset paths).
 *
 * <p>The navigation lists the audience's top-level pages and section headings, and opens only the
 * current page's branch: a page's weight does not grow with the site, and every page stays reachable
 * without JavaScript through the section landing pages. Its HTML is rendered once per version, branch
 * and folder depth, not per page.
 */
final class PageModels {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final SiteConfig config;
    private final String banner;
    private final String assetVersion;
    private final Map<String, String> navCache = new ConcurrentHashMap<>();

    PageModels(Layout layout, SiteConfig config, String banner, String assetVersion) {
        this.layout = layout;
        this.config = config;
        this.banner = banner;
        this.assetVersion = assetVersion;
    }

    Map<String, Object> page(RenderedPage rp, BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        Page p = rp.page();
        String path = p.outputPath();
        SectionTree.Node holder = b.content().sections().holder(p);
        Map<String, Object> m = common(b, all, path, p.id(), p.audience(), holder);
        Map<String, Object> page = new HashMap<>();
        page.put("id", p.id());
        page.put("title", p.title());
        page.put("summary", p.summary());
        page.put("html", ReaderHtml.enhance(rp.html(), rp.raw().anchors()));
        page.put("toc", toc(rp.raw().headings()));
        // Only pages with a "Try it" or "Paste a response" control load live.css and live.js.
        page.put("live", rp.html().contains(LiveExampleHtml.MARKER));
        page.put("editUrl", config.editUrl() == null ? null : config.editUrl().replace("{path}", p.path()));
        page.put("lastUpdated", p.lastUpdated() == null ? null : DATE.format(p.lastUpdated()));
        page.put("lastUpdatedIso", p.lastUpdated() == null ? null : p.lastUpdated().toString());
        // Previous and next follow the reading order: sections in order, their pages in order.
        List<Page> siblings = b.content().pagesOf(p.audience());
        int i = indexOf(siblings, p);
        page.put("prev", i > 0 ? link(siblings.get(i - 1), path) : null);
        page.put("next", i >= 0 && i < siblings.size() - 1 ? link(siblings.get(i + 1), path) : null);
        m.put("page", page);
        m.put("title", p.title());
        m.put("description", p.summary());
        m.put("breadcrumbs", breadcrumbs(holder, path, true));
        return m;
    }

    /** Home, audience, then each section down to {@code node} (itself included when {@code withNode}). */
    private List<Map<String, Object>> breadcrumbs(SectionTree.Node node, String path, boolean withNode) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(crumb(config.title(), Links.relative(path, "index.html")));
        if (node == null) return out;
        for (SectionTree.Node n : node.path()) if (withNode || n != node) out.add(crumb(n.title(), Links.relative(path, n.url())));
        return out;
    }

    /**
     * Position by id: Page.equals compares whole bodies, and serve reuses an unchanged page's previous parse,
     * an equal copy rather than the same object.
     */
    private static int indexOf(List<Page> pages, Page p) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).id().equals(p.id())) return i;
        return -1;
    }

    Map<String, Object> home(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        String path = "index.html";
        Map<String, Object> m = common(b, all, path, null, null, null);
        List<Map<String, Object>> audiences = new ArrayList<>();
        for (SiteConfig.Audience a : config.audiences()) {
            Map<String, Object> am = new HashMap<>();
            am.put("id", a.id());
            am.put("title", a.title());
            am.put("url", a.id() + "/index.html");
            // Top-level pages and sections: a large audience's card stays short.
            am.put("pages", items(b.content().sections().audience(a.id()), path));
            audiences.add(am);
        }
        m.put("audiences", audiences);
        m.put("title", config.title());
        m.put("description", config.title() + ": documentation for " + String.join(", ", config.audiences().stream().map(SiteConfig.Audience::title).toList()));
        m.put("breadcrumbs", List.of());
        return m;
    }

    Map<String, Object> audience(SiteConfig.Audience a, BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        String path = a.id() + "/index.html";
        SectionTree.Node node = b.content().sections().audience(a.id());
        Map<String, Object> m = common(b, all, path, null, a.id(), node);
        m.put("audience", Map.of("id", a.id(), "title", a.title()));
        m.put("pages", items(node, path));
        m.put("title", a.title());
        m.put("description", a.title() + " — " + config.title());
        m.put("breadcrumbs", List.of(crumb(config.title(), Links.relative(path, "index.html"))));
        return m;
    }

    /** A section's landing page: its summary, then its pages and sections with their summaries. */
    Map<String, Object> section(SectionTree.Node s, BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        String path = s.url();
        Map<String, Object> m = common(b, all, path, null, s.audience(), s);
        Map<String, Object> section = new HashMap<>();
        section.put("id", s.id());
        section.put("title", s.title());
        section.put("summary", s.summary());
        m.put("section", section);
        m.put("audience", Map.of("id", s.audience(), "title", config.audience(s.audience()).map(SiteConfig.Audience::title).orElse(s.audience())));
        m.put("pages", items(s, path));
        m.put("title", s.title());
        m.put("description", s.summary().isEmpty() ? s.title() + " — " + config.title() : s.summary());
        m.put("breadcrumbs", breadcrumbs(s, path, false));
        return m;
    }

    /** The pages and sections a landing page lists, in order, each with its summary. */
    private static List<Map<String, Object>> items(SectionTree.Node node, String from) {
        if (node == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : node.items()) {
            if (o instanceof Page p) out.add(link(p, from));
            else {
                SectionTree.Node s = (SectionTree.Node) o;
                Map<String, Object> m = new HashMap<>();
                m.put("id", s.id());
                m.put("title", s.title());
                m.put("summary", s.summary());
                m.put("url", Links.relative(from, s.url()));
                m.put("section", true);
                m.put("count", countPages(s));
                out.add(m);
            }
        }
        return out;
    }

    private static int countPages(SectionTree.Node n) {
        int c = n.pages().size();
        for (SectionTree.Node s : n.sections()) c += countPages(s);
        return c;
    }

    /** Model entries every version page shares: site, version switcher, navigation, asset paths. */
    private Map<String, Object> common(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all, String path, String pageId,
                                       String audience, SectionTree.Node branch) {
        Map<String, Object> m = new HashMap<>();
        String root = Links.toRoot(path);
        String siteRoot = root + "../";
        m.put("site", site());
        m.put("root", root);
        m.put("siteRoot", siteRoot);
        m.put("assets", siteRoot + SiteWriter.ASSETS + "/");
        m.put("assetVersion", assetVersion);
        m.put("banner", banner);
        m.put("version", version(b));
        m.put("versions", switcher(b, all, path, pageId, audience));
        m.put("nav", nav(b, audience, path, pageId, branch));
        m.put("canonical", url(b.name() + "/" + path));
        m.put("pagePath", path);
        m.put("audienceId", audience);
        return m;
    }

    Map<String, Object> site() {
        Map<String, Object> s = new HashMap<>();
        s.put("title", config.title());
        s.put("baseUrl", config.baseUrl());
        s.put("audiences", config.audiences().stream().map(a -> Map.of("id", a.id(), "title", a.title())).toList());
        return s;
    }

    private Map<String, Object> version(BuildResult.VersionBuild b) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", b.name());
        v.put("latest", b.content().latest());
        v.put("latestName", config.latest().name());
        return v;
    }

    /** The version switcher keeps the reader on the same page where it can (see {@link VersionContent#switchTarget}). */
    static List<Map<String, Object>> switcher(BuildResult.VersionBuild current, List<BuildResult.VersionBuild> all, String path, String pageId, String audience) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BuildResult.VersionBuild other : all) {
            String target = other.content().switchTarget(path, pageId, audience);
            Map<String, Object> m = new HashMap<>();
            m.put("name", other.name());
            m.put("latest", other.content().latest());
            m.put("current", other == current);
            m.put("exact", pageId == null ? target.equals(path) : other.content().page(pageId).isPresent());
            m.put("url", "../".repeat((int) path.chars().filter(c -> c == '/').count() + 1) + other.name() + "/" + target);
            out.add(m);
        }
        return out;
    }

    /**
     * Navigation HTML: every audience; the reader's own lists its top-level pages and sections, and
     * only the sections on {@code branch} list theirs (open); the others are closed headings whose
     * content is a link to their landing page.
     */
    private String nav(BuildResult.VersionBuild b, String audience, String path, String pageId, SectionTree.Node branch) {
        String root = Links.toRoot(path);
        String key = b.name() + "|" + audience + "|" + root + "|" + (branch == null ? "" : branch.id());
        String html = navCache.computeIfAbsent(key, k -> {
            Map<String, Object> m = new HashMap<>();
            List<Map<String, Object>> groups = new ArrayList<>();
            List<SectionTree.Node> open = branch == null ? List.of() : branch.path();
            for (SiteConfig.Audience a : config.audiences()) {
                Map<String, Object> g = new HashMap<>();
                g.put("id", a.id());
                g.put("title", a.title());
                g.put("url", root + a.id() + "/index.html");
                g.put("open", a.id().equals(audience));
                // Only the reader's own audience lists its pages: the others link to their landing pages.
                g.put("items", !a.id().equals(audience) ? List.of() : navItems(b.content().sections().audience(a.id()), root, open));
                groups.add(g);
            }
            m.put("groups", groups);
            m.put("root", root);
            try {
                return layout.render("nav.ftlh", m);
            } catch (Layout.LayoutException e) {
                throw new SiteWriter.LayoutFailure(e);
            }
        });
        // A landing page has no page id: its entry in the navigation is "<audience or section>/index".
        String current = pageId != null ? pageId : branch != null && path.equals(branch.url()) ? branch.id() + "/index" : null;
        if (current != null) html = html.replace("data-page=\"" + current + "\"", "data-page=\"" + current + "\" aria-current=\"page\"");
        return html;
    }

    private static List<Map<String, Object>> navItems(SectionTree.Node node, String root, List<SectionTree.Node> open) {
        if (node == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : node.items()) {
            Map<String, Object> m = new HashMap<>();
            if (o instanceof Page p) {
                m.put("id", p.id());
                m.put("title", p.title());
                m.put("url", root + p.outputPath());
                m.put("section", false);
            } else {
                SectionTree.Node s = (SectionTree.Node) o;
                boolean expanded = open.contains(s);
                m.put("id", s.id());
                m.put("title", s.title());
                m.put("url", root + s.url());
                m.put("section", true);
                m.put("open", expanded);
                m.put("items", expanded ? navItems(s, root, open) : List.of());
            }
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> link(Page p, String from) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("summary", p.summary());
        m.put("url", Links.relative(from, p.outputPath()));
        m.put("section", false);
        return m;
    }

    private static Map<String, Object> crumb(String title, String url) { return Map.of("title", title, "url", url); }

    private static List<Map<String, Object>> toc(List<RenderResult.Heading> headings) {
        return headings.stream().map(h -> Map.<String, Object>of("level", h.level(), "id", h.id(), "title", h.title())).toList();
    }

    String url(String path) { return config.baseUrl() == null ? null : config.baseUrl() + path; }

    String assetVersion() { return assetVersion; }
}
