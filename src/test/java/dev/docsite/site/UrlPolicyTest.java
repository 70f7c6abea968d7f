package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.rules.SecurityRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** URLs a page body may not hold, as a browser reads them, each reported at the line that wrote it. */
class UrlPolicyTest {
    @TempDir Path dir;

    @Test void schemesAreReadAsBrowsersReadThem() {
        assertEquals("javascript:", UrlPolicy.refusedScheme("JavaScript:alert(1)", "a", "href"));
        assertEquals("javascript:", UrlPolicy.refusedScheme(" java\tscript:alert(1)", "a", "href"), "white space and controls dropped");
        assertEquals("vbscript:", UrlPolicy.refusedScheme("vbscript:x", "a", "href"));
        assertEquals("data:", UrlPolicy.refusedScheme("data:text/html,<b>x</b>", "a", "href"));
        assertEquals("data:", UrlPolicy.refusedScheme("data:image/png;base64,AAAA", "a", "href"), "a data image is safe in an img only");
        assertEquals("data:", UrlPolicy.refusedScheme("data:image/svg+xml,<svg/>", "img", "src"), "SVG can run script");
        assertEquals("data:", UrlPolicy.refusedScheme("data:image/png;base64,AAAA", "img", "poster"));
        assertNull(UrlPolicy.refusedScheme("data:image/png;base64,AAAA", "img", "src"));
        assertNull(UrlPolicy.refusedScheme("data:image/webp,AAAA", "img", "src"));
        assertNull(UrlPolicy.refusedScheme("https://example.com/javascript:", "a", "href"));
        assertNull(UrlPolicy.refusedScheme("guide.html", "a", "href"));
        assertEquals("javascript:", UrlPolicy.refusedScheme("a.png 1x, javascript:x 2x", "img", "srcset"));
        assertNull(UrlPolicy.refusedScheme("a.png 1x, b.png 2x", "img", "srcset"));
    }

    @Test void aRenderedPageReportsEachRefusedUrlOnceAtItsLine() throws Exception {
        Path c = Fixture.clean(dir);
        Path page = Fixture.write(c, "pages/admin/urls.yaml", """
                title: URLs
                audience: admin
                summary: URLs.
                body: |
                  Fine: https://example.com[web] and image:data:image/png;base64,AAAA[dot].

                  ++++
                  <video poster="javascript&#58;&#97;&#108;&#101;&#114;&#116;(4)"></video>
                  ++++

                  Bad: link:javascript:alert(1)[click] and again link:javascript:alert(1)[click].

                  ++++
                  <img src="data:text/html;base64,PHNjcmlwdD4=" alt="x">
                  <video poster="&#106;avascript:alert(2)"></video>
                  ++++
                """);
        SiteBuilder b = new SiteBuilder(Fixture.renderer(), RenderCache.memoryOnly(), new Layout(Fixture.TEMPLATES), 1);
        BuildResult r = b.render(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(c)), ContentRoot.of(c), List.of(), null));
        List<Finding> fs = r.findings().stream().filter(f -> f.rule().equals(SecurityRules.UNSAFE_URL.id())).toList();
        assertEquals(4, fs.size(), Fixture.text(fs));
        // Written with entities, a URL is found by what follows its scheme, else by the scheme's name.
        assertEquals(List.of(Fixture.lineOf(page, "<video poster=\"javascript&#58;"), Fixture.lineOf(page, "Bad:"), Fixture.lineOf(page, "<img src"),
                        Fixture.lineOf(page, "<video poster=\"&#106;")),
                fs.stream().map(f -> f.pos().line()).sorted().toList(), Fixture.text(fs));
        String text = Fixture.text(fs);
        assertEquals(true, text.contains("javascript: URL refused in a link: 'javascript:alert(1)'"), text);
        assertEquals(true, text.contains("data: URL refused in an image: 'data:text/html;base64,PHNjcmlwdD4='"), text);
        assertEquals(true, text.contains("javascript: URL refused in <video poster>: 'javascript:alert(2)'"), text);
        assertEquals(List.of("2.0", "1.0"), fs.get(0).versions());
    }

    /** The guard that spares most pages the parse lets through every spelling the full check refuses, in any case. */
    @Test void theGuardLetsEveryRefusableSpellingThrough() {
        for (String html : List.of("<a href=\"JavaScript:x()\">", "<a href=\"vbSCRIPT:x\">", "<img src=\"DATA:text/html,x\">",
                "<a href=\"&#106;avascript:x\">", "<a href=\"javascript&COLON;x\">", "<a href=\"java&#x09;script:x\">"))
            assertEquals(true, UrlPolicy.mayRefuse(html), html);
        assertEquals(false, UrlPolicy.mayRefuse("<p>Sign in with <a href=\"https://example.com/data\">the data page</a>.</p>"));
        // Java's case folding, which the full check uses, turns the dotted capital I into 'i'.
        assertEquals("javascript:", UrlPolicy.refusedScheme("javascr\u0130pt:x", "a", "href"));
        assertEquals(true, UrlPolicy.mayRefuse("<a href=\"javascr\u0130pt:x\">"));
    }
}
