package dev.docsite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docsite.catalog.ErrorCatalog;
import dev.docsite.catalog.ErrorEntry;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.render.Links;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Lays out and writes the site: per version the home page, audience landing pages, pages, alias
 * redirects, errors.json and the search index; at the top the version redirect, versions.json, sitemap.xml, 404 page
 * and the shared assets. Navigation HTML is rendered once per version and audience, not per page.
 */
final class SiteWriter {
    static final String ASSETS = "_";
    private static final String PAGES = "pages";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final RenderCache cache;
    private final SiteConfig config;
    private final String banner;
    private final Path out;
    private final String assetVersion;
    private final Map<String, String> navCache = new ConcurrentHashMap<>();

    SiteWriter(Layout layout, SiteConfig config, String banner, Path out, RenderCache cache) throws IOException {
        this.cache = cache;
        this.layout = layout;
        this.config = config;
        this.banner = banner;
        this.out = out;
        this.assetVersion = assetVersion();
    }

    void write(List<BuildResult.VersionBuild> builds, Outputs outputs) throws IOException, Layout.LayoutException {
        try {
            if (outputs.indexes()) copyAssets();
            for (BuildResult.VersionBuild b : builds) writeVersion(b, builds, outputs);
            if (!outputs.indexes()) return;
            String latest = builds.get(0).name();
            for (BuildResult.VersionBuild b : builds) if (b.content().latest()) latest = b.name();
            writeTop(builds, latest);
        } catch (LayoutFailure f) {
            throw f.cause;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // ---- per version ------------------------------------------------------------------------------

    private void writeVersion(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all, Outputs outputs) throws IOException, Layout.LayoutException {
        VersionContent v = b.content();
        if (outputs.indexes()) copyPageAssets(v);
        List<RenderedPage> pages = b.pages().stream().filter(rp -> outputs.page(v.name(), rp.page().id())).toList();
        pages.parallelStream().forEach(rp -> {
            try {
                writeFile(v.name() + "/" + rp.outputPath(), layout.render("page.ftlh", pageModel(rp, b, all)));
            } catch (Layout.LayoutException e) {
                throw new LayoutFailure(e);
            }
        });
        if (outputs.searchIndex(v.name())) {
            String index = SearchIndex.json(b, config, cache);
            writeFile(v.name() + "/" + SearchIndex.JSON_FILE, index);
            writeFile(v.name() + "/" + SearchIndex.JS_FILE, SearchIndex.script(index));
        }
        if (!outputs.indexes()) return;
        writeFile(v.name() + "/index.html", layout.render("home.ftlh", homeModel(b, all)));
        for (SiteConfig.Audience a : config.audiences()) {
            writeFile(v.name() + "/" + a.id() + "/index.html", layout.render("audience.ftlh", audienceModel(a, b, all)));
        }
        for (Page p : v.pages()) {
            for (String alias : p.aliases()) {
                String from = alias + ".html";
                Map<String, Object> m = new HashMap<>();
                m.put("site", siteModel());
                m.put("title", p.title());
                m.put("target", Links.relative(from, p.outputPath()));
                m.put("canonical", url(v.name() + "/" + p.outputPath()));
                writeFile(v.name() + "/" + from, layout.render("redirect.ftlh", m));
            }
        }
        writeFile(v.name() + "/errors.json", JSON.writeValueAsString(errorsJson(v)));
    }

    /**
     * Content assets (images, downloads) live beside the pages: every file under content/pages/ that is
     * not a page is copied to the same place in the version folder, so {@code image::diagram.png[]} in
     * a page resolves relative to it as Asciidoctor writes it. Read from the version's own source, so a
     * version built from a git ref gets the assets of that ref.
     */
    private void copyPageAssets(VersionContent v) throws IOException {
        var source = v.content().source();
        for (String path : source.list(PAGES, "")) {
            String rel = path.substring(PAGES.length() + 1);
            if (path.endsWith(".yaml") || rel.startsWith(".") || rel.contains("/.")) continue;
            Path dest = out.resolve(v.name()).resolve(rel);
            Files.createDirectories(dest.getParent());
            Files.write(dest, source.readBytes(path));
        }
    }

    /** The machine-readable catalog of a version, for support tools and the app. */
    static Map<String, Object> errorsJson(VersionContent v) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ErrorCatalog c : v.input().catalogs()) {
            String page = v.input().tablePageByCatalog().get(c.id());
            for (ErrorEntry e : c.errors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("catalog", c.id());
                m.put("layer", e.layer().yaml);
                if (e.http() != null) m.put("http", e.http());
                m.put("scenario", e.scenario());
                if (e.userTitle() != null) m.put("user_title", e.userTitle());
                m.put("user_message", e.userMessage());
                // What each {name} in the text stands for, so the app and support tools can fill or explain it.
                if (!e.placeholders().isEmpty()) m.put("placeholders", e.placeholders());
                m.put("silent", e.silent());
                m.put("retry", e.retry().yaml);
                m.put("fallback", e.fallback().yaml);
                m.put("cause", e.cause());
                m.put("resolution", e.resolution());
                m.put("anchor", e.anchor());
                if (page != null) m.put("url", page + ".html#" + e.anchor());
                errors.add(m);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", v.name());
        root.put("errors", errors);
        return root;
    }

    private Map<String, Object> pageModel(RenderedPage rp, BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        Page p = rp.page();
        String path = p.outputPath();
        Map<String, Object> m = common(b, all, path, p.id(), p.audience());
        Map<String, Object> page = new HashMap<>();
        page.put("id", p.id());
        page.put("title", p.title());
        page.put("summary", p.summary());
        page.put("html", ReaderHtml.enhance(rp.html(), rp.raw().anchors()));
        page.put("toc", toc(rp.raw().headings()));
        // An admin error table needs the width of two columns: such a page lays out as a reference page.
        page.put("reference", rp.raw().tables().stream().anyMatch(t -> t.endsWith("|admin")));
        page.put("editUrl", config.editUrl() == null ? null : config.editUrl().replace("{path}", p.path()));
        page.put("lastUpdated", p.lastUpdated() == null ? null : DATE.format(p.lastUpdated()));
        page.put("lastUpdatedIso", p.lastUpdated() == null ? null : p.lastUpdated().toString());
        List<Page> siblings = b.content().pagesOf(p.audience());
        int i = indexOf(siblings, p);
        page.put("prev", i > 0 ? link(siblings.get(i - 1), path) : null);
        page.put("next", i >= 0 && i < siblings.size() - 1 ? link(siblings.get(i + 1), path) : null);
        m.put("page", page);
        m.put("title", p.title());
        m.put("description", p.summary());
        SiteConfig.Audience a = config.audience(p.audience()).orElseThrow();
        m.put("breadcrumbs", List.of(
                crumb(config.title(), Links.relative(path, "index.html")),
                crumb(a.title(), Links.relative(path, a.id() + "/index.html"))));
        return m;
    }

    /** Position by identity: Page.equals compares whole bodies. */
    private static int indexOf(List<Page> pages, Page p) {
        // By id, not identity: serve reuses the resolved page of the previous build, whose Page is an equal copy.
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).id().equals(p.id())) return i;
        return -1;
    }

    private Map<String, Object> homeModel(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        String path = "index.html";
        Map<String, Object> m = common(b, all, path, null, null);
        List<Map<String, Object>> audiences = new ArrayList<>();
        for (SiteConfig.Audience a : config.audiences()) {
            Map<String, Object> am = new HashMap<>();
            am.put("id", a.id());
            am.put("title", a.title());
            am.put("url", a.id() + "/index.html");
            am.put("pages", b.content().pagesOf(a.id()).stream().map(p -> link(p, path)).toList());
            audiences.add(am);
        }
        m.put("audiences", audiences);
        m.put("title", config.title());
        m.put("description", config.title() + ": documentation for " + String.join(", ", config.audiences().stream().map(SiteConfig.Audience::title).toList()));
        m.put("breadcrumbs", List.of());
        return m;
    }

    private Map<String, Object> audienceModel(SiteConfig.Audience a, BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
        String path = a.id() + "/index.html";
        Map<String, Object> m = common(b, all, path, null, a.id());
        m.put("audience", Map.of("id", a.id(), "title", a.title()));
        m.put("pages", b.content().pagesOf(a.id()).stream().map(p -> link(p, path)).toList());
        m.put("title", a.title());
        m.put("description", a.title() + " — " + config.title());
        m.put("breadcrumbs", List.of(crumb(config.title(), Links.relative(path, "index.html"))));
        return m;
    }

    /** Model entries every version page shares: site, version switcher, navigation, asset paths. */
    private Map<String, Object> common(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all, String path, String pageId, String audience) {
        Map<String, Object> m = new HashMap<>();
        String root = Links.toRoot(path);
        String siteRoot = root + "../";
        m.put("site", siteModel());
        m.put("root", root);
        m.put("siteRoot", siteRoot);
        m.put("assets", siteRoot + ASSETS + "/");
        m.put("assetVersion", assetVersion);
        m.put("banner", banner);
        m.put("version", versionModel(b, all));
        m.put("versions", switcher(b, all, path, pageId, audience));
        m.put("nav", nav(b, audience, path, pageId));
        m.put("canonical", url(b.name() + "/" + path));
        m.put("pagePath", path);
        m.put("audienceId", audience);
        return m;
    }

    private Map<String, Object> siteModel() {
        Map<String, Object> s = new HashMap<>();
        s.put("title", config.title());
        s.put("baseUrl", config.baseUrl());
        s.put("audiences", config.audiences().stream().map(a -> Map.of("id", a.id(), "title", a.title())).toList());
        return s;
    }

    private Map<String, Object> versionModel(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all) {
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
            m.put("exact", pageId == null || other.content().page(pageId).isPresent());
            m.put("url", "../".repeat((int) path.chars().filter(c -> c == '/').count() + 1) + other.name() + "/" + target);
            out.add(m);
        }
        return out;
    }

    /** Navigation HTML for an audience, rendered once per version, audience and folder depth. */
    private String nav(BuildResult.VersionBuild b, String audience, String path, String pageId) {
        String root = Links.toRoot(path);
        String key = b.name() + "|" + audience + "|" + root;
        String html = navCache.computeIfAbsent(key, k -> {
            Map<String, Object> m = new HashMap<>();
            List<Map<String, Object>> groups = new ArrayList<>();
            for (SiteConfig.Audience a : config.audiences()) {
                Map<String, Object> g = new HashMap<>();
                g.put("id", a.id());
                g.put("title", a.title());
                g.put("url", root + a.id() + "/index.html");
                g.put("open", a.id().equals(audience));
                // Only the reader's own audience lists its pages: the others link to their landing pages,
                // which keeps every page's navigation small on large sites.
                g.put("pages", !a.id().equals(audience) ? List.of()
                        : b.content().pagesOf(a.id()).stream().map(p -> Map.of("id", p.id(), "title", p.title(), "url", root + p.outputPath())).toList());
                groups.add(g);
            }
            m.put("groups", groups);
            m.put("root", root);
            try {
                return layout.render("nav.ftlh", m);
            } catch (Layout.LayoutException e) {
                throw new LayoutFailure(e);
            }
        });
        // An audience landing page has no page id: its entry in the navigation is "<audience>/index".
        String current = pageId != null ? pageId : audience != null && path.equals(audience + "/index.html") ? audience + "/index" : null;
        if (current != null) html = html.replace("data-page=\"" + current + "\"", "data-page=\"" + current + "\" aria-current=\"page\"");
        return html;
    }

    private static Map<String, Object> link(Page p, String from) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("summary", p.summary());
        m.put("url", Links.relative(from, p.outputPath()));
        return m;
    }

    private static Map<String, Object> crumb(String title, String url) { return Map.of("title", title, "url", url); }

    private static List<Map<String, Object>> toc(List<RenderResult.Heading> headings) {
        return headings.stream().map(h -> Map.<String, Object>of("level", h.level(), "id", h.id(), "title", h.title())).toList();
    }

    private String url(String path) { return config.baseUrl() == null ? null : config.baseUrl() + path; }

    // ---- site level --------------------------------------------------------------------------------

    private void writeTop(List<BuildResult.VersionBuild> builds, String latest) throws IOException, Layout.LayoutException {
        Map<String, Object> m = new HashMap<>();
        m.put("site", siteModel());
        m.put("title", config.title());
        m.put("target", latest + "/index.html");
        m.put("canonical", url(latest + "/index.html"));
        writeFile("index.html", layout.render("redirect.ftlh", m));

        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("latest", latest);
        versions.put("versions", builds.stream().map(b -> Map.of("name", b.name(), "url", b.name() + "/index.html", "latest", b.name().equals(latest))).toList());
        writeFile("versions.json", JSON.writeValueAsString(versions));

        Map<String, Object> nf = new HashMap<>();
        nf.put("site", siteModel());
        nf.put("title", "Page not found");
        nf.put("latest", latest);
        nf.put("basePath", config.basePath());
        nf.put("assetVersion", assetVersion);
        writeFile("404.html", layout.render("404.ftlh", nf));
        writeFile("sitemap.xml", sitemap(builds, latest));
        writeFile("robots.txt", "User-agent: *\nAllow: /\n" + (config.baseUrl() == null ? "" : "Sitemap: " + config.baseUrl() + "sitemap.xml\n"));
    }

    private String sitemap(List<BuildResult.VersionBuild> builds, String latest) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = config.baseUrl() == null ? "" : config.baseUrl();
        for (BuildResult.VersionBuild b : builds) {
            String priority = b.name().equals(latest) ? "0.8" : "0.3";
            sb.append("  <url><loc>").append(xml(base + b.name() + "/index.html")).append("</loc><priority>").append(priority).append("</priority></url>\n");
            for (RenderedPage rp : b.pages()) {
                sb.append("  <url><loc>").append(xml(base + b.name() + "/" + rp.outputPath())).append("</loc>");
                if (rp.page().lastUpdated() != null) sb.append("<lastmod>").append(rp.page().lastUpdated().toString(), 0, 10).append("</lastmod>");
                sb.append("<priority>").append(priority).append("</priority></url>\n");
            }
        }
        return sb.append("</urlset>\n").toString();
    }

    private static String xml(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    /** A short hash of templates/assets, appended to asset URLs so browsers fetch changed assets. */
    private String assetVersion() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : assetFiles()) {
            byte[] bytes = Files.readAllBytes(f);
            all.append(f.getFileName()).append(bytes.length).append(java.util.Arrays.hashCode(bytes));
        }
        return SiteBuilder.hash(all.toString()).substring(0, 8);
    }

    /** Copies templates/assets to the shared asset folder. */
    private void copyAssets() throws IOException {
        Path src = layout.dir().resolve("assets");
        for (Path f : assetFiles()) {
            Path dest = out.resolve(ASSETS).resolve(src.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<Path> assetFiles() throws IOException {
        Path src = layout.dir().resolve("assets");
        if (!Files.isDirectory(src)) return List.of();
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void writeFile(String rel, String text) {
        try {
            // Written beside and renamed into place: serve writes into the folder it is serving.
            Path f = out.resolve(rel);
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(".tmp-" + Thread.currentThread().getId() + "-" + f.getFileName());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class LayoutFailure extends RuntimeException {
        final Layout.LayoutException cause;
        LayoutFailure(Layout.LayoutException cause) { super(cause.getMessage(), null, false, false); this.cause = cause; }
    }
}
