package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** What the HTML and URL policy lets through: verbatim examples, safe data: images, and raw HTML when site.yaml allows it. */
class HtmlPolicyTest {
    static final String PAGE = "title: New thing\naudience: admin\nsummary: S\nsince: \"2.0\"\nbody: |\n";

    @Test void passthroughsShownAsExamplesAreNotRawHtml(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/new-thing.yaml", PAGE + """
                  == Examples
                  ----
                  ++++
                  <script>shown, not run</script>
                  ++++
                  Text pass:[<b>x</b>] and +++<i>y</i>+++
                  ----

                  // a comment with pass:[<b>]
                  Escaped pass:c[<b>kept as text</b>] and `code`.
                """);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        String html = t.read("2.0/admin/new-thing.html");
        assertTrue(html.contains("&lt;script&gt;shown, not run&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;kept as text&lt;/b&gt;"), html);
    }

    @Test void rasterDataImagesAreAllowedAndSvgIsNot(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        t.write("pages/admin/new-thing.yaml", PAGE + "  == Dot\n  image::" + png + "[dot]\n");
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        assertTrue(t.read("2.0/admin/new-thing.html").contains("src=\"" + png + "\""));
    }

    @Test void aTrustedProjectMayAllowRawHtmlButNotScriptUrls(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")) + "allow_raw_html: true\n");
        t.write("pages/admin/new-thing.yaml", PAGE + "  == Widget\n  ++++\n  <div class=\"widget\">raw</div>\n  ++++\n\n  Inline pass:[<kbd>K</kbd>].\n");
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        String html = t.read("2.0/admin/new-thing.html");
        assertTrue(html.contains("<div class=\"widget\">raw</div>") && html.contains("<kbd>K</kbd>"), html);

        // Raw HTML is allowed; a script URL in it is still refused, however it is spelt.
        t.write("pages/admin/new-thing.yaml", PAGE + "  == Widget\n  ++++\n  <a href='&#106;ava&#x73;cript:alert(1)'>x</a>\n  ++++\n");
        r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("new-thing.yaml:8: error security/unsafe-url: javascript: URL refused in a link"), r.err());
    }

    @Test void rawHtmlIsRefusedByDefault(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/new-thing.yaml", PAGE + "  == Widget\n  ++++\n  <div class=\"widget\">raw</div>\n  ++++\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("new-thing.yaml:7: error security/raw-html: raw HTML passthrough block refused"), r.err());
    }

    /** :data-uri: would make Asciidoctor read an image file itself (outside content/, through links) and embed it. */
    @Test void theDataUriAttributeCannotEmbedFilesFromOutsideContent(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        // A file of the working folder (the project), outside the content folder.
        t.write("pages/admin/new-thing.yaml", PAGE + "  :data-uri:\n\n  == Picture\n  image::docs/screenshots/home.png[home]\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("error link/missing-file"), "an image is a file beside the page, never read from elsewhere: " + r.err());
        assertFalse(r.err().contains("base64"), r.err());
    }
}
