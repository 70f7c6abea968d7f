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
        String body = page.body();
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
                        page.bodyPos(lineOf(body, id, anchor))));
                replacement = attr + "=\"" + escAttr(url) + "\"";
            } else if (href.startsWith("#")) {
                // Links to an id of the page itself (heading anchors, footnotes, tables of contents) are
                // valid by construction; only the ones pointing nowhere are kept for the checks.
                if (href.length() > 1 && !raw.anchors().containsKey(href.substring(1)))
                    links.add(new PageLink(href, LinkKind.FRAGMENT, page.id(), href.substring(1), page.bodyPos(lineOf(body, href.substring(1), null))));
            } else if (href.startsWith("http://") || href.startsWith("https://")) {
                links.add(new PageLink(href, LinkKind.EXTERNAL, null, null, page.bodyPos(lineOf(body, href, null))));
            } else if (href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("data:")) {
                links.add(new PageLink(href, LinkKind.OTHER, null, null, page.bodyPos(lineOf(body, href, null))));
            } else if (!href.isEmpty()) {
                links.add(new PageLink(href, LinkKind.ASSET, null, null, page.bodyPos(lineOf(body, href, null))));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new RenderedPage(page, version, out.toString(), raw, List.copyOf(links));
    }

    /** The body line where a link was most likely written: the first naming its target and anchor, else its target. */
    static int lineOf(String body, String target, String anchor) {
        int at = -1;
        if (anchor != null) {
            at = body.indexOf(target + ".adoc#" + anchor);
            if (at < 0) at = body.indexOf("#" + anchor);
        }
        if (at < 0) at = body.indexOf(target);
        if (at < 0) return 1;
        int line = 1;
        for (int k = body.lastIndexOf('\n', at); k >= 0; k = body.lastIndexOf('\n', k - 1)) line++;
        return line;
    }

    static String escAttr(String s) { return s.replace("&", "&amp;").replace("\"", "&quot;"); }
}
