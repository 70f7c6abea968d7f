package dev.docsite.render;

import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document attributes of one page: docsite's own, the page's place in the content source
 * (docname, docfile, docdir, relative to the content root so output stays the same wherever the
 * content lives) and the site's attributes (site.yaml, with the version's own on top).
 *
 * <p>Asciidoctor itself never reads a file: includes come through {@link Extensions.ContentInclude},
 * and {@code data-uri} is done here, from the content source, relative to the page's folder (so it works
 * for git revisions too, and never reaches outside the content folder). Asciidoctor's base folder is an
 * empty private folder, so anything else that would read the disk (an inline SVG) finds nothing.
 */
final class PageAttributes {
    private PageAttributes() {}

    private static volatile Path emptyBase;

    /** An empty folder of this process: Asciidoctor's base_dir, where nothing can be read. */
    static Path emptyBase() {
        Path p = emptyBase;
        if (p == null) {
            synchronized (PageAttributes.class) {
                if ((p = emptyBase) == null) {
                    try {
                        p = Files.createTempDirectory("docsite-nofiles-");
                        p.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot create a temporary folder: " + e.getMessage(), e);
                    }
                    emptyBase = p;
                }
            }
        }
        return p;
    }

    /** The page's folder relative to the content root ("pages/admin"). */
    static String docdir(Page page) {
        int slash = page.path().lastIndexOf('/');
        return slash < 0 ? "" : page.path().substring(0, slash);
    }

    /** The page's file name without its extension ("setup"), as Asciidoctor and Antora define docname. */
    static String docname(Page page) {
        String name = page.path().substring(page.path().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Attributes as AsciidoctorJ takes them: site attributes first (a value ending in '@' is soft, null
     * unsets for good, false unsets softly: Asciidoctor's own API conventions, which Antora's follow), then
     * docsite's own, which nothing may replace.
     */
    static Map<String, Object> of(Page page, RenderInput input) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SiteConfig.Attribute a : input.attributes().values()) {
            if (a.name().equals("data-uri")) continue;   // embedded by docsite, see dataUri
            if (a.value() == null) out.put(a.name(), a.soft() ? Boolean.FALSE : null);
            else out.put(a.name(), a.soft() ? a.value() + "@" : a.value());
        }
        out.put("docsite-version", input.version());
        out.put("idprefix", out.getOrDefault("idprefix", ""));
        out.put("idseparator", out.getOrDefault("idseparator", "-"));
        out.put("relfileprefix", Links.MARKER);
        out.put("relfilesuffix", ".html");
        out.put("sectanchors", out.getOrDefault("sectanchors", ""));
        out.put("attribute-missing", out.getOrDefault("attribute-missing", "warn"));
        out.put("docsite-page", page.id());
        out.put("docname", docname(page));
        out.put("docfile", page.path());
        out.put("docfilesuffix", page.path().substring(page.path().lastIndexOf('.')));
        return out;
    }

    private static final Pattern DATA_URI_ENTRY = Pattern.compile("(?m)^:(!?)data-uri(!?):[ \\t]*(.*)$");

    /**
     * Whether images are embedded: a hard site attribute decides; otherwise the page's own last entry (in
     * the body, else in an included file such as a shared attributes file), then a soft site attribute.
     */
    static boolean dataUri(Page page, RenderInput input, Boolean fromIncludes) {
        SiteConfig.Attribute site = input.attributes().get("data-uri");
        if (site != null && !site.soft()) return site.value() != null;
        Boolean fromPage = lastEntry(page.body());
        if (fromPage != null) return fromPage;
        if (fromIncludes != null) return fromIncludes;
        return site != null && site.value() != null;
    }

    /** The last data-uri entry of a text: true set, false unset, null none. */
    static Boolean lastEntry(String text) {
        if (!text.contains("data-uri")) return null;
        Matcher m = DATA_URI_ENTRY.matcher(text);
        Boolean last = null;
        while (m.find()) last = m.group(1).isEmpty() && m.group(2).isEmpty();
        return last;
    }

    /** The body Asciidoctor sees: a data-uri entry renamed (same lines), so Asciidoctor does not try to read images itself. */
    static String body(Page page) { return withoutDataUri(page.body()); }

    /** A text with its data-uri entries renamed, line for line (bodies and included files). */
    static String withoutDataUri(String text) {
        if (!text.contains("data-uri")) return text;
        return DATA_URI_ENTRY.matcher(text).replaceAll(":$1docsite-data-uri$2: $3");
    }

    /**
     * Replaces the src of every real img element that names a file relative to the page with a data: URI
     * of that file, read from the content source. Missing files are reported as Asciidoctor would
     * ("image to embed not found or not readable") with the path looked for.
     */
    static String embedImages(String html, RenderInput.Current cur) {
        List<int[]> spans = new java.util.ArrayList<>();
        HtmlAttributes.scan(html, (tag, name, vs, ve) -> { if (tag.equals("img") && name.equals("src")) spans.add(new int[]{vs, ve}); });
        StringBuilder out = new StringBuilder(html.length() + 1024);
        int copied = 0;
        String dir = docdir(cur.page());
        for (int[] s : spans) {
            String src = org.jsoup.parser.Parser.unescapeEntities(html.substring(s[0], s[1]), true);
            if (src.isEmpty() || src.startsWith("/") || src.startsWith("#") || src.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) continue;
            String path = src.replaceAll("[?#].*$", "");
            String resolved = Path.of(dir).resolve(java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                    .normalize().toString().replace('\\', '/');
            String data;
            try {
                if (resolved.startsWith("..") || resolved.startsWith("/") || !cur.input().source().exists(resolved)) throw new IOException("missing");
                byte[] bytes = cur.input().source().readBytes(resolved);
                cur.includes().put(resolved, RenderCache.sha(bytes));   // an input of the render, like an include
                data = "data:" + mimeType(resolved) + ";base64," + Base64.getEncoder().encodeToString(bytes);
            } catch (IOException | IllegalArgumentException e) {
                cur.messages().add(new RenderResult.Message(dev.docsite.rules.RenderRules.ASCIIDOC_WARNING.id(), cur.lineOf(path, 1), 0,
                        "image to embed not found or not readable: " + cur.input().source().display(resolved), null));
                continue;
            }
            out.append(html, copied, s[0]).append(data);
            copied = s[1];
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    /** Asciidoctor's rule: image/ and the extension, image/svg+xml for .svg, application/octet-stream without one. */
    static String mimeType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "application/octet-stream";
        String ext = name.substring(dot + 1);
        return ext.equals("svg") ? "image/svg+xml" : "image/" + ext;
    }
}
