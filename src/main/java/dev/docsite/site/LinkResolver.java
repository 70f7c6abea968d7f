package dev.docsite.site;

import dev.docsite.content.Page;
import dev.docsite.render.Links;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.LinkKind;
import dev.docsite.render.RenderedPage.PageLink;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a version-independent render into the page of one version: page-id links become relative
 * URLs, and every link is listed with the source line it came from.
 */
final class LinkResolver {
    private static final Pattern HREF = Pattern.compile("(href|src)=\"([^\"]*)\"");

    private LinkResolver() {}

    static RenderedPage resolve(Page page, String version, RenderResult raw) {
        String from = page.outputPath();
        List<PageLink> links = new ArrayList<>();
        String[] bodyLines = page.body().split("\n", -1);
        StringBuilder out = new StringBuilder(raw.html().length() + 256);
        Matcher m = HREF.matcher(raw.html());
        while (m.find()) {
            String attr = m.group(1), href = org.jsoup.parser.Parser.unescapeEntities(m.group(2), true);
            String replacement = m.group(0);
            if (href.startsWith(Links.MARKER)) {
                String rest = href.substring(Links.MARKER.length());
                int hash = rest.indexOf('#');
                String path = hash < 0 ? rest : rest.substring(0, hash);
                String anchor = hash < 0 ? null : rest.substring(hash + 1);
                String id = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
                String target = id;
                String url = Links.relative(from, target + ".html") + (anchor == null || anchor.isEmpty() ? "" : "#" + anchor);
                links.add(new PageLink(url, LinkKind.PAGE, target, anchor == null || anchor.isEmpty() ? null : anchor,
                        page.bodyPos(lineOf(bodyLines, id, anchor))));
                replacement = attr + "=\"" + escAttr(url) + "\"";
            } else if (href.startsWith("#")) {
                if (href.length() > 1 && !href.startsWith("#_footnote"))
                    links.add(new PageLink(href, LinkKind.FRAGMENT, page.id(), href.substring(1), page.bodyPos(lineOf(bodyLines, href.substring(1), null))));
            } else if (href.startsWith("http://") || href.startsWith("https://")) {
                links.add(new PageLink(href, LinkKind.EXTERNAL, null, null, page.bodyPos(lineOf(bodyLines, href, null))));
            } else if (href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("data:")) {
                links.add(new PageLink(href, LinkKind.OTHER, null, null, page.bodyPos(lineOf(bodyLines, href, null))));
            } else if (!href.isEmpty()) {
                links.add(new PageLink(href, LinkKind.ASSET, null, null, page.bodyPos(lineOf(bodyLines, href, null))));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new RenderedPage(page, version, out.toString(), raw, List.copyOf(links));
    }

    /** The body line where a link was most likely written: the first line naming its target (and anchor). */
    static int lineOf(String[] lines, String target, String anchor) {
        String withAnchor = anchor == null ? null : target + ".adoc#" + anchor;
        if (withAnchor != null) for (int i = 0; i < lines.length; i++) if (lines[i].contains(withAnchor)) return i + 1;
        if (anchor != null) for (int i = 0; i < lines.length; i++) if (lines[i].contains(target) && lines[i].contains("#" + anchor)) return i + 1;
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(target)) return i + 1;
        return 1;
    }

    static String escAttr(String s) { return s.replace("&", "&amp;").replace("\"", "&quot;"); }
}
