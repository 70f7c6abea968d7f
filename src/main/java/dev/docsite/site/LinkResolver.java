package dev.docsite.site;

import dev.docsite.content.Page;
import dev.docsite.render.HtmlAttributes;
import dev.docsite.render.Links;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.LinkKind;
import dev.docsite.render.RenderedPage.PageLink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a version-independent render into the page of one version: page-id links become relative
 * URLs, and every link the writer wrote is listed with the source line it came from.
 */
final class LinkResolver {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private LinkResolver() {}

    /**
     * What links of one version can point at: page titles and anchors (for xrefs written without text)
     * and old ids (aliases) with the page that took them over.
     *
     * @param titles      page id to page title
     * @param anchors     page id to its anchors (id to heading text, "" for other elements)
     * @param aliasOwner  alias to the id of the page that carries it
     */
    record Targets(Map<String, String> titles, Map<String, Map<String, String>> anchors, Map<String, String> aliasOwner) {}

    /** Whether a render shows an xref written without text, whose text {@link #resolve} fills in from the target. */
    static boolean hasTextlessXref(RenderResult raw) { return raw.html().contains(">" + Links.MARKER); }

    static RenderedPage resolve(Page page, String version, RenderResult raw, String renderKey, Targets targets) {
        String from = page.outputPath();
        List<PageLink> links = new ArrayList<>();
        SourceLinks source = null;   // scanned on the first link that needs a line
        String html = raw.html();
        StringBuilder out = new StringBuilder(html.length() + 256);
        // href and src of real elements only: code shown on the page is escaped text, not links.
        List<int[]> spans = new ArrayList<>();
        HtmlAttributes.scan(html, (tag, name, vs, ve) -> { if (name.equals("href") || name.equals("src")) spans.add(new int[]{vs, ve}); });
        List<Object[]> textEdits = new ArrayList<>();   // {int[] span of an xref's text, replacement HTML}
        int copied = 0;
        for (int[] span : spans) {
            String href = org.jsoup.parser.Parser.unescapeEntities(html.substring(span[0], span[1]), true);
            String replacement = null;
            if (href.startsWith(Links.MARKER)) {
                String rest = href.substring(Links.MARKER.length());
                int hash = rest.indexOf('#');
                String path = hash < 0 ? rest : rest.substring(0, hash);
                String anchor = hash < 0 || hash == rest.length() - 1 ? null : rest.substring(hash + 1);
                String id = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
                // An xref to an old id goes straight to the page that took it over, fragment and all (the
                // link check still warns); the redirect page would lose the fragment without JavaScript.
                String owner = targets.titles().containsKey(id) ? id : targets.aliasOwner().getOrDefault(id, id);
                String url = Links.relative(from, owner + ".html") + (anchor == null ? "" : "#" + anchor);
                int[] text = textlessXref(html, span[1], html.substring(span[0], span[1]));
                if (text != null) textEdits.add(new Object[]{text, linkText(targets, owner, anchor)});
                List<String> keys = anchor != null && anchor.startsWith("err-")
                        ? List.of(SourceLinks.pageKey(id, anchor), SourceLinks.errorKey(anchor)) : List.of(SourceLinks.pageKey(id, anchor));
                if (source == null) source = new SourceLinks(page.body());
                links.add(new PageLink(url, LinkKind.PAGE, id, anchor, page.bodyPos(source.claim(keys, id, anchor))));
                replacement = escAttr(url);
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
            if (replacement != null) {
                out.append(html, copied, span[0]).append(replacement);
                copied = span[1];
            }
            for (Object[] edit : textEdits) {
                int[] t = (int[]) edit[0];
                out.append(html, copied, t[0]).append((String) edit[1]);
                copied = t[1];
            }
            textEdits.clear();
        }
        out.append(html, copied, html.length());
        return new RenderedPage(page, version, out.toString(), raw, renderKey, List.copyOf(links));
    }

    /**
     * The span of an xref's text when Asciidoctor wrote the link code itself as the text (an xref written
     * without text, e.g. {@code xref:admin/setup.adoc[]}): the element's whole content is the href without
     * its fragment. Null otherwise.
     */
    private static int[] textlessXref(String html, int valueEnd, String rawHref) {
        int gt = html.indexOf('>', valueEnd);
        if (gt < 0) return null;
        int hash = rawHref.indexOf('#');
        String shown = hash < 0 ? rawHref : rawHref.substring(0, hash);
        int start = gt + 1;
        if (html.startsWith(shown, start) && html.startsWith("</a>", start + shown.length())) return new int[]{start, start + shown.length()};
        if (html.startsWith(rawHref, start) && html.startsWith("</a>", start + rawHref.length())) return new int[]{start, start + rawHref.length()};
        return null;
    }

    /**
     * As Antora: the title of the section a fragment names, else the page's title (HTML-escaped). A page
     * the version does not have shows its id (the link check reports it), never docsite's link code.
     */
    static String linkText(Targets targets, String pageId, String anchor) {
        String title = targets.titles().get(pageId);
        if (title == null) return org.jsoup.nodes.Entities.escape(pageId + (anchor == null ? "" : "#" + anchor));
        if (anchor != null) {
            String section = targets.anchors().getOrDefault(pageId, Map.of()).get(anchor);
            if (section != null && !section.isBlank()) title = section;
        }
        return org.jsoup.nodes.Entities.escape(title);
    }

    /** http(s) and protocol-relative URLs are external; other schemes (mailto:, tel:, data:, ...) are not checked; the rest are files of the site. */
    static LinkKind kindOf(String href) {
        if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")) return LinkKind.EXTERNAL;
        if (SCHEME.matcher(href).find()) return LinkKind.OTHER;
        return LinkKind.ASSET;
    }

    static String escAttr(String s) { return s.replace("&", "&amp;").replace("\"", "&quot;"); }
}
