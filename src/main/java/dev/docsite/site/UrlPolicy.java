package dev.docsite.site;

import dev.docsite.content.SourcePos;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.rules.SecurityRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The URL policy of page bodies: no javascript:, vbscript: or data: URL in a link, image or any other
 * URL attribute, except data: images of raster types browsers never run (PNG, JPEG, GIF, WebP) in an
 * img src. Checked on the rendered HTML's real elements (jsoup), so entity tricks and odd quoting in
 * raw HTML are seen as the browser sees them; each finding is placed at the body line that wrote it.
 */
final class UrlPolicy {
    private UrlPolicy() {}

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "xlink:href", "action", "formaction", "poster",
            "background", "cite", "data", "srcset", "longdesc", "manifest", "codebase", "lowsrc", "dynsrc", "ping");
    private static final Pattern SAFE_DATA_IMAGE = Pattern.compile("^data:image/(png|jpeg|jpg|gif|webp)[;,].*", Pattern.DOTALL);

    static List<Finding> check(RenderedPage rp) {
        String html = rp.raw().html();
        if (!mayRefuse(html)) return List.of();
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (!URL_ATTRIBUTES.contains(name)) continue;
                String value = a.getValue();
                String scheme = refusedScheme(value, e.normalName(), name);
                if (scheme == null || !seen.add(name + "\u0000" + value)) continue;
                out.add(Finding.of(SecurityRules.UNSAFE_URL, lineOf(rp, value, scheme),
                        scheme + " URL refused in " + describe(e.normalName(), name) + ": '" + shorten(value)
                                + "' (expected an http(s) address, a page of the site or a file beside the page)"));
            }
        }
        return out;
    }

    /**
     * Cheap guard, one pass and no lower-case copy of the page: a page without "script", "data:", "&#" or "&colon"
     * (in any case) cannot hold a refused URL.
     */
    static boolean mayRefuse(String html) {
        for (int i = 0, n = html.length(); i < n; i++) {
            switch (html.charAt(i)) {
                case 's', 'S' -> { if (html.regionMatches(true, i, "script", 0, 6)) return true; }
                case 'd', 'D' -> { if (html.regionMatches(true, i, "data:", 0, 5)) return true; }
                case '&' -> { if (html.startsWith("&#", i) || html.regionMatches(true, i, "&colon", 0, 6)) return true; }
                default -> { }
            }
        }
        return false;
    }

    /** The refused scheme ("javascript:") of a URL as a browser reads it, or null when it is allowed. */
    static String refusedScheme(String url, String element, String attribute) {
        // Browsers drop ASCII whitespace and control characters anywhere in the scheme ("java\tscript:").
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < url.length() && b.length() < 64; i++) {
            char c = url.charAt(i);
            if (c > ' ' ) b.append(Character.toLowerCase(c));
        }
        String u = b.toString();
        if (attribute.equals("srcset")) {
            for (String candidate : u.split(",")) {
                String s = refusedScheme(candidate.strip(), element, "src");
                if (s != null) return s;
            }
            return null;
        }
        if (u.startsWith("javascript:")) return "javascript:";
        if (u.startsWith("vbscript:")) return "vbscript:";
        if (u.startsWith("data:")) {
            if (element.equals("img") && attribute.equals("src") && SAFE_DATA_IMAGE.matcher(u).matches()) return null;
            return "data:";
        }
        return null;
    }

    private static String describe(String element, String attribute) {
        return switch (element) {
            case "a" -> "a link";
            case "img" -> "an image";
            default -> "<" + element + " " + attribute + ">";
        };
    }

    private static String shorten(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /**
     * The body line the URL was written on: the first line naming it; written with entities or odd spacing,
     * the first naming what follows the scheme; else the line the link checks placed the link on, else the
     * first line naming the scheme.
     */
    private static SourcePos lineOf(RenderedPage rp, String value, String scheme) {
        String[] lines = rp.page().body().split("\n", -1);
        String head = value.length() > 40 ? value.substring(0, 40) : value;
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(head)) return rp.page().bodyPos(i + 1);
        int colon = value.indexOf(':');
        String rest = colon < 0 ? "" : value.substring(colon + 1, Math.min(value.length(), colon + 41)).strip();
        if (rest.length() >= 3)
            for (int i = 0; i < lines.length; i++) if (lines[i].contains(rest)) return rp.page().bodyPos(i + 1);
        for (RenderedPage.PageLink l : rp.links()) if (l.href().equals(value)) return l.pos();
        String bare = scheme.substring(0, scheme.length() - 1);
        for (int i = 0; i < lines.length; i++) if (lines[i].toLowerCase(Locale.ROOT).contains(bare)) return rp.page().bodyPos(i + 1);
        return rp.page().bodyPos(1);
    }
}
