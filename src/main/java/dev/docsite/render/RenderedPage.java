package dev.docsite.render;

import dev.docsite.content.Page;
import dev.docsite.content.SourcePos;

import java.util.List;

/**
 * A page of one version with its links resolved: what the layout wraps and what the checks inspect.
 *
 * @param html      body HTML with relative URLs
 * @param raw       the render it was resolved from
 * @param renderKey the render cache key of {@code raw}: with raw's includes, what its HTML is made of
 * @param links     every link of the body, with the source line it was written on
 */
public record RenderedPage(Page page, String version, String html, RenderResult raw, String renderKey, List<PageLink> links) {

    public enum LinkKind { PAGE, FRAGMENT, EXTERNAL, ASSET, OTHER }

    /**
     * @param href       as written into the HTML
     * @param targetPage page id for PAGE links (null otherwise)
     * @param anchor     fragment without '#', or null
     */
    public record PageLink(String href, LinkKind kind, String targetPage, String anchor, SourcePos pos) {}

    public String outputPath() { return page.outputPath(); }
}
