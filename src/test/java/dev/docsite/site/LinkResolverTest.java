package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.Layout;
import dev.docsite.render.Links;
import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.LinkKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** How xrefs become relative URLs and link text in a real render (no checks, no writing). */
class LinkResolverTest {
    @TempDir Path dir;

    static String page(String title, String extra, String body) {
        return "title: " + title + "\naudience: admin\nsummary: About " + title + ".\n" + extra + "body: |\n" + body.indent(2);
    }

    private RenderedPage render(String fromBody) throws Exception {
        Path c = dir.resolve("content");
        Fixture.write(c, "site.yaml", "title: Links\naudiences:\n  - id: admin\n    title: Admins\nversions:\n  - name: \"1.0\"\n");
        Fixture.write(c, "pages/admin/other.yaml", page("Other page", "aliases: [admin/old-other]\n",
                "== First section\n\nText.\n\n=== A deeper one\n\nMore.\n"));
        Fixture.write(c, "pages/admin/guide/from.yaml", page("From", "", fromBody));
        SiteBuilder b = new SiteBuilder(Fixture.renderer(), RenderCache.memoryOnly(), new Layout(Fixture.TEMPLATES), 1);
        BuildResult r = b.render(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null));
        return r.version("1.0").orElseThrow().page("admin/guide/from").orElseThrow();
    }

    /**
     * A builder's first render (serve's start) knows for every page whether its render has xrefs without text, so its
     * next render (the first edit) asks no page again; a page with such an xref still shows the new title of its target.
     */
    @Test void theFirstRenderKnowsWhichPagesShowAnotherPagesTitle() throws Exception {
        Path c = dir.resolve("content");
        Fixture.write(c, "site.yaml", "title: Links\naudiences:\n  - id: admin\n    title: Admins\nversions:\n  - name: \"1.0\"\n");
        Fixture.write(c, "pages/admin/other.yaml", page("Other page", "", "Text.\n"));
        Fixture.write(c, "pages/admin/from.yaml", page("From", "", "See xref:admin/other.adoc[].\n"));
        Fixture.write(c, "pages/admin/plain.yaml", page("Plain", "", "No links.\n"));
        SiteBuilder b = new SiteBuilder(Fixture.renderer(), RenderCache.memoryOnly(), new Layout(Fixture.TEMPLATES), 1);
        BuildResult first = b.render(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null));
        for (RenderedPage p : first.version("1.0").orElseThrow().pages()) assertEquals(true, b.knowsTextless(p.raw()), p.page().id());
        Fixture.write(c, "pages/admin/other.yaml", page("Renamed page", "", "Text.\n"));
        BuildResult next = b.render(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null));
        assertEquals(List.of("other.html Renamed page"), hrefsAndTexts(next.version("1.0").orElseThrow().page("admin/from").orElseThrow()));
    }

    private static List<String> hrefsAndTexts(RenderedPage p) {
        Document d = Jsoup.parseBodyFragment(p.html());
        return d.select("a[href]").stream().filter(a -> !a.hasClass("anchor")).map((Element a) -> a.attr("href") + " " + a.text()).toList();
    }

    @Test void xrefsWithoutTextShowTheTitleOfTheirTarget() throws Exception {
        RenderedPage p = render("""
                See xref:admin/other.adoc[]. And xref:admin/other.adoc#first-section[].
                And <<admin/other.adoc#a-deeper-one>>. And xref:admin/other.adoc[its own text].
                And xref:admin/none.adoc#x[].
                """);
        assertEquals(List.of("../other.html Other page", "../other.html#first-section First section", "../other.html#a-deeper-one A deeper one",
                "../other.html its own text", "../none.html#x admin/none#x"), hrefsAndTexts(p));
        assertFalse(p.html().contains(Links.MARKER), "no link code is left");
        assertEquals(List.of("admin/other", "admin/other", "admin/other", "admin/other", "admin/none"),
                p.links().stream().map(RenderedPage.PageLink::targetPage).toList());
        assertEquals(java.util.Arrays.asList(null, "first-section", "a-deeper-one", null, "x"), p.links().stream().map(RenderedPage.PageLink::anchor).toList());
    }

    @Test void anXrefToAnOldIdGoesStraightToThePageThatTookItOverWithItsFragment() throws Exception {
        RenderedPage p = render("""
                Old: xref:admin/old-other.adoc#first-section[old link] and xref:admin/old-other.adoc[].
                """);
        assertEquals(List.of("../other.html#first-section old link", "../other.html Other page"), hrefsAndTexts(p));
        RenderedPage.PageLink l = p.links().get(0);
        assertEquals(LinkKind.PAGE, l.kind());
        assertEquals("admin/old-other", l.targetPage(), "the link check still sees the old id, to warn");
        assertEquals("../other.html#first-section", l.href());
    }

    @Test void otherLinksAreSortedByKind() throws Exception {
        RenderedPage p = render("""
                https://example.com/a[web], mailto:a@example.com[mail],
                link:files/guide.pdf[pdf] and <<nowhere,a fragment>>.
                """);
        assertEquals(List.of(LinkKind.EXTERNAL, LinkKind.OTHER, LinkKind.ASSET, LinkKind.FRAGMENT),
                p.links().stream().map(RenderedPage.PageLink::kind).toList());
    }
}
