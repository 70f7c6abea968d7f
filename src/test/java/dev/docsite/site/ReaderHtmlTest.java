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

    /** The scan finds the tags the regular expression it replaced found, on the edge cases of that expression. */
    @Test
    void theTableScanMatchesTheExpressionItReplaced() {
        java.util.regex.Pattern tag = java.util.regex.Pattern.compile("<(/?)table\\b([^>]*)>");
        String[] parts = {"<table class=\"tableblock\">", "</table>", "<tables>", "<tablex class=\"tableblock\">", "</table_x>",
                "<table>", "<table\nclass=\"tableblock a\">", "table", "<//table>", "< table class=\"tableblock\">", "<p>text</p>",
                "<code>&lt;table&gt;</code>", "<table class=\"tableblock errors\">", "<", "</", "<tableé>", "<table-x class=\"tableblock\">"};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) b.append(parts[random.nextInt(parts.length)]);
            if (random.nextBoolean()) b.append("<table class=\"tableblock\"");   // a tag never closed
            String html = b.toString();
            assertEquals(withExpression(tag, html), ReaderHtml.wrapTables(html), html);
        }
    }

    /** wrapTables as it was written with the expression. */
    private static String withExpression(java.util.regex.Pattern tag, String html) {
        java.util.regex.Matcher m = tag.matcher(html);
        StringBuilder out = new StringBuilder();
        int depth = 0, last = 0;
        boolean wrapping = false;
        while (m.find()) {
            out.append(html, last, m.start());
            if (m.group(1).isEmpty()) {
                java.util.regex.Matcher c = java.util.regex.Pattern.compile("\\bclass=\"([^\"]*)\"").matcher(m.group(2));
                String classes = c.find() ? " " + c.group(1) + " " : "";
                if (depth == 0 && classes.contains(" tableblock ") && !classes.contains(" errors ")) {
                    out.append("<div class=\"table-scroll\">");
                    wrapping = true;
                }
                depth++;
                out.append(m.group());
            } else {
                depth = Math.max(0, depth - 1);
                out.append(m.group());
                if (depth == 0 && wrapping) {
                    out.append("</div>");
                    wrapping = false;
                }
            }
            last = m.end();
        }
        return out.append(html, last, html.length()).toString();
    }
}
