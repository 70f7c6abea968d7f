package dev.docsite.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderHtmlTest {

    @Test
    void sectionAnchorsGetAnAccessibleName() {
        String html = "<h2 id=\"setup\"><a class=\"anchor\" href=\"#setup\"></a>Set &amp; go</h2>"
                + "<h4 id=\"deep\"><a class=\"anchor\" href=\"#deep\"></a>Deep</h4>";
        Document d = Jsoup.parseBodyFragment(ReaderHtml.labelAnchors(html, Map.of("setup", "Set & \"go\"")));
        assertEquals("Link to this section: Set & \"go\"", d.selectFirst("#setup a.anchor").attr("aria-label"));
        assertEquals("Link to this section", d.selectFirst("#deep a.anchor").attr("aria-label"), "a heading without known text");
        assertEquals("Set & go", d.selectFirst("#setup").text(), "the heading itself is unchanged");
    }

    @Test
    void outermostAsciidoctorTablesScrollInTheirOwnBox() {
        String html = "<p>x</p><table class=\"tableblock frame-all\"><tr><td><table class=\"tableblock inner\"><tr><td>n</td></tr></table></td></tr></table>"
                + "<div class=\"error-table\"><table class=\"tableblock frame-all grid-all stretch errors\"><tr><td>e</td></tr></table></div>"
                + "<div class=\"admonitionblock\"><table><tr><td>note</td></tr></table></div>";
        Document d = Jsoup.parseBodyFragment(ReaderHtml.wrapTables(html));
        assertEquals(1, d.select("div.table-scroll").size());
        assertTrue(d.selectFirst("div.table-scroll > table.tableblock.frame-all") != null);
        assertTrue(d.selectFirst("div.table-scroll table.inner") != null, "nested tables stay inside");
        assertTrue(d.selectFirst("div.error-table > table.errors") != null, "error tables already have their box");
        assertTrue(d.selectFirst("div.admonitionblock > table") != null, "layout tables are left alone");
        assertEquals(Jsoup.parseBodyFragment(html).text(), d.text());
    }

    @Test
    void theScrollBoxClosesRightAfterItsOutermostTable() {
        String inner = "<table class=\"tableblock inner\"><tr><td>n</td></tr></table>";
        String outer = "<table class=\"tableblock frame-all\"><tr><td>" + inner + "</td></tr></table>";
        String errors = "<div class=\"error-table\"><table class=\"tableblock errors\"><tr><td>e</td></tr></table></div>";
        assertEquals("<p>a</p><div class=\"table-scroll\">" + outer + "</div><p>b</p>" + errors + "<div class=\"table-scroll\">" + inner + "</div>",
                ReaderHtml.wrapTables("<p>a</p>" + outer + "<p>b</p>" + errors + inner));
        assertEquals("</table><p>stray</p>", ReaderHtml.wrapTables("</table><p>stray</p>"), "a stray end tag opens nothing");
    }
}
