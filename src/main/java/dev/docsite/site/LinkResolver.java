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
 * URLs, and every link the writer wrote is listed with the source line it came from.
 */
final class LinkResolver {
    private static final Pattern HREF = Pattern.compile("(href|src)=\"([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private LinkResolver() {}

    static RenderedPage resolve(Page page, String version, RenderResult raw) {
        String from = page.outputPath();
        List<PageLink> links = new ArrayList<>();
        SourceLinks source = null;   // scanned on the first link that needs a line
        String html = raw.html();
        StringBuilder out = new StringBuilder(html.length() + 256);
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String attr = m.group(1), href = org.jsoup.parser.Parser.unescapeEntities(m.group(2), true);
            String replacement = m.group(0);
            if (href.startsWith(Links.MARKER)) {
                String rest = href.substring(Links.MARKER.length());
                int hash = rest.indexOf('#');
                String path = hash < 0 ? rest : rest.substring(0, hash);
                String anchor = hash < 0 || hash == rest.length() - 1 ? null : rest.substring(hash + 1);
                String id = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
                String url = Links.relative(from, id + ".html") + (anchor == null ? "" : "#" + anchor);
                List<String> keys = anchor != null && anchor.startsWith("err-")
                        ? List.of(SourceLinks.pageKey(id, anchor), SourceLinks.errorKey(anchor)) : List.of(SourceLinks.pageKey(id, anchor));
                if (source == null) source = new SourceLinks(page.body());
                links.add(new PageLink(url, LinkKind.PAGE, id, anchor, page.bodyPos(source.claim(keys, id, anchor))));
                replacement = attr + "=\"" + escAttr(url) + "\"";
            } else if (href.startsWith("#")) {
                String anchor = href.substring(1);
                // Links to an id of the page itself (heading self-links, footnotes) are valid by
                // construction; only the ones pointing elsewhere are kept for the checks.
                if (!anchor.isEmpty() && !raw.anchors().containsKey(anchor)) {
                    if (source == null) source = new SourceLinks(page.body());
                    List<String> keys = anchor.startsWith("err-")
                            ? List.of(SourceLinks.fragmentKey(anchor), SourceLinks.errorKey(anchor)) : List.of(SourceLinks.fragmentKey(anchor));
                    links.add(new PageLink(href, LinkKind.FRAGMENT, page.id(), anchor, page.bodyPos(source.claim(keys, anchor, null))));
                }
            } else if (!href.isEmpty()) {
                LinkKind kind = kindOf(href);
                if (source == null) source = new SourceLinks(page.body());
                links.add(new PageLink(href, kind, null, null, page.bodyPos(source.claim(List.of(SourceLinks.urlKey(href)), href, null))));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new RenderedPage(page, version, out.toString(), raw, List.copyOf(links));
    }

    /** http(s) and protocol-relative URLs are external; other schemes (mailto:, tel:, data:, ...) are not checked; the rest are files of the site. */
    static LinkKind kindOf(String href) {
        if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")) return LinkKind.EXTERNAL;
        if (SCHEME.matcher(href).find()) return LinkKind.OTHER;
        return LinkKind.ASSET;
    }

    static String escAttr(String s) { return s.replace("&", "&amp;").replace("\"", "&quot;"); }
}
