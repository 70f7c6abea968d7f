package dev.docsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.render.Links;
import dev.docsite.render.RenderedPage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a site that are not pages, as text by path: per version the alias redirects, errors.json
 * and the live examples' data; at the top the version redirect, versions.json, sitemap.xml, robots.txt
 * and the 404 page. {@link SiteWriter} decides when to write them.
 */
final class SiteFiles {
    /** Per version: the schemas live examples are checked against, and the catalog for "Paste a response". */
    static final String LIVE_SCHEMAS = "_schemas", LIVE_ERRORS_JS = "errors.js";
    /** Sorted keys: versions.json and errors.json are the same bytes in every JVM (Map.of iterates in a per-JVM order). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper COMPACT = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Layout layout;
    private final SiteConfig config;
    private final PageModels models;

    SiteFiles(Layout layout, SiteConfig config, PageModels models) {
        this.layout = layout;
        this.config = config;
        this.models = models;
    }

    /** A redirect page for every alias of every page of the version, by path relative to the site. */
    Map<String, String> redirects(VersionContent v) throws Layout.LayoutException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Page p : v.pages()) {
            for (String alias : p.aliases()) {
                String from = alias + ".html";
                Map<String, Object> m = new HashMap<>();
                m.put("site", models.site());
                m.put("title", p.title());
                m.put("target", Links.relative(from, p.outputPath()));
                m.put("canonical", models.url(v.name() + "/" + p.outputPath()));
                out.put(v.name() + "/" + from, layout.render("redirect.ftlh", m));
            }
        }
        return out;
    }

    /**
     * errors.json and what live examples read in the browser: each schema of the version as
     * {@code _schemas/NAME.json} (for tools) and {@code _schemas/NAME.js}, and the catalog as
     * {@code errors.js}. Scripts setting a global, because a page opened from file:// may load a script
     * but not fetch JSON.
     */
    Map<String, String> versionData(VersionContent v) throws JsonProcessingException {
        Map<String, String> out = new LinkedHashMap<>();
        String errors = JSON.writeValueAsString(errorsJson(v));
        out.put(v.name() + "/errors.json", errors);
        out.put(v.name() + "/" + LIVE_ERRORS_JS, "window.docsiteErrors=" + errors + ";\n");
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> s : new TreeMap<>(v.input().schemas()).entrySet()) {
            String json = JSON.writeValueAsString(s.getValue());
            out.put(v.name() + "/" + LIVE_SCHEMAS + "/" + s.getKey() + ".json", json + "\n");
            out.put(v.name() + "/" + LIVE_SCHEMAS + "/" + s.getKey() + ".js", "(window.docsiteSchemas=window.docsiteSchemas||{})["
                    + COMPACT.writeValueAsString(s.getKey()) + "]=" + COMPACT.writeValueAsString(s.getValue()) + ";\n");
        }
        return out;
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
                else if (e.httpUnknown()) m.put("http", "unknown");
                m.put("scenario", e.scenario());
                if (e.userTitle() != null) m.put("user_title", e.userTitle());
                m.put("user_message", e.userMessage());
                if (e.userMeaning() != null) m.put("user_meaning", e.userMeaning());
                if (e.userAction() != null) m.put("user_action", e.userAction());
                // What each {name} in the text stands for, so the app and support tools can fill or explain it.
                if (!e.placeholders().isEmpty()) m.put("placeholders", e.placeholders());
                m.put("silent", e.silent());
                m.put("retry", e.retry().yaml);
                if (!e.userOptions().isEmpty()) m.put("user_options", e.userOptions().stream().map(o -> o.yaml).toList());
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

    /** index.html (to the latest version), versions.json and versions.html, 404.html, sitemap.xml and robots.txt. */
    Map<String, String> top(List<BuildResult.VersionBuild> builds, String latest) throws Layout.LayoutException, JsonProcessingException {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> m = new HashMap<>();
        m.put("site", models.site());
        m.put("title", config.title());
        m.put("target", latest + "/index.html");
        m.put("canonical", models.url(latest + "/index.html"));
        out.put("index.html", layout.render("redirect.ftlh", m));

        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("latest", latest);
        versions.put("versions", builds.stream().map(b -> Map.of("name", b.name(), "url", b.name() + "/index.html", "latest", b.name().equals(latest))).toList());
        out.put("versions.json", JSON.writeValueAsString(versions));
        // The same list as a page: the footer links it and it works without JavaScript.
        Map<String, Object> vp = new HashMap<>();
        vp.put("site", models.site());
        vp.put("title", "All versions");
        vp.put("latest", latest);
        vp.put("versions", versions.get("versions"));
        vp.put("assetVersion", models.assetVersion());
        out.put("versions.html", layout.render("versions.ftlh", vp));

        Map<String, Object> nf = new HashMap<>();
        nf.put("site", models.site());
        nf.put("title", "Page not found");
        nf.put("latest", latest);
        nf.put("basePath", config.basePath());
        nf.put("assetVersion", models.assetVersion());
        out.put("404.html", layout.render("404.ftlh", nf));
        out.put("sitemap.xml", sitemap(builds, latest));
        out.put("robots.txt", "User-agent: *\nAllow: /\n" + (config.baseUrl() == null ? "" : "Sitemap: " + config.baseUrl() + "sitemap.xml\n"));
        return out;
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
}
