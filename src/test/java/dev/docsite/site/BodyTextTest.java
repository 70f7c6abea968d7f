package dev.docsite.site;

import dev.docsite.Fixture;
import dev.docsite.render.AsciidocFidelityTest;
import dev.docsite.render.RenderedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index's one-pass body text against jsoup, which it replaces where it reads: on every page of the default
 * documentation and of the Asciidoctor fidelity fixtures, and on generated HTML made to trip it. Wherever it answers,
 * the answer must be jsoup's text to the character; where the parser would build another tree than the tags say,
 * it must not answer.
 */
class BodyTextTest {
    @TempDir Path dir;

    /** What the search index took before: jsoup's body text with the live controls removed. */
    static String jsoupText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("." + SearchIndex.LIVE_TOOLS).remove();
        return doc.body().text();
    }

    @Test
    void everyRenderedPageOfTheDefaultDocumentationAndTheFidelityFixturesReadsAsJsoupReadsIt() throws Exception {
        List<RenderedPage> pages = new ArrayList<>();
        for (BuildResult.VersionBuild v : Fixture.build(Path.of("content"), dir.resolve("default")).versions()) pages.addAll(v.pages());
        Path fidelity = dir.resolve("fidelity");
        Fixture.write(fidelity, "site.yaml", AsciidocFidelityTest.SITE);
        AsciidocFidelityTest.writeFixtures(fidelity);
        for (BuildResult.VersionBuild v : Fixture.build(fidelity, dir.resolve("fidelity-site")).versions()) pages.addAll(v.pages());

        Set<String> left = new TreeSet<>();
        int live = 0;
        for (RenderedPage p : pages) {
            String text = BodyText.of(p.html(), SearchIndex.LIVE_TOOLS);
            if (text == null) { left.add(p.page().id()); continue; }
            if (p.html().contains("class=\"live-tools\"")) live++;
            assertEquals(jsoupText(p.html()), text, p.page().id() + " (" + p.version() + ")");
        }
        // The pass must be what the index uses, not a fallback that never runs. Only the fixture that passes an
        // unknown element through (<tag>) is left to jsoup.
        assertEquals(Set.of("admin/fidelity/attributes"), left);
        assertTrue(pages.size() >= 30 && live > 0, pages.size() + " pages, " + live + " with live controls");
    }

    @Test
    void anEntryIsTheSameWhicheverWayItsTextWasRead() throws Exception {
        BuildResult built = Fixture.build(Path.of("content"), dir.resolve("site"));
        int compared = 0;
        for (BuildResult.VersionBuild v : built.versions())
            for (RenderedPage p : v.pages()) {
                if (!p.raw().tables().isEmpty()) continue;   // pages with error tables are always jsoup's
                Map<String, Object> entry = SearchIndex.page(p);
                String text = SearchIndex.collapseSpaces(jsoupText(p.html())).strip();
                assertEquals(SearchIndex.head(text), entry.get("text"), p.page().id());
                assertEquals(SearchIndex.tailWords(text), entry.getOrDefault("more", ""), p.page().id());
                compared++;
            }
        assertTrue(compared > 10, compared + " pages compared");
    }

    @Test
    void spacesFollowJsoupsRules() {
        // a space at a block's start, none around inline elements, one after a block when text follows in its parent
        assertEquals("One Two three four", BodyText.of("<div>One</div>Two <em>th</em>ree <span><b>four</b></span>", "x"));
        assertEquals("a b c", BodyText.of("<p>a<br>b</p><p>c</p>", "x"));
        // a block ending its parent leaves no space if the parent is inline and text follows
        assertEquals("ab", BodyText.of("<span><div>a</div></span>b", "x"));
        // a comment after a block takes the place of the text that would have been its next sibling
        assertEquals("ab", BodyText.of("<div>a</div><!-- c -->b", "x"));
        // no-break space is white space, zero-width space and soft hyphen vanish, under <pre> all is kept as written
        assertEquals("a b cd", BodyText.of("<p>a&nbsp;\u00a0b c\u200bd\u00ad</p>", "x"));
        assertEquals("x\u00a0 y\n  z", BodyText.of("<pre>\nx\u00a0 y\n  z</pre>", "x"));
        // the left-out class and all it holds, in any case, among other classes
        assertEquals("kept also", BodyText.of("<p>kept</p><div class=\"a LIVE-tools\"><p>gone</p></div><p>also</p>", "live-tools"));
        assertEquals("Tom & Jerry <3", BodyText.of("<p>Tom &amp; Jerry &lt;3</p>", "x"));
        // rows written directly in a table are read as the parser reads them, inside a tbody
        assertEquals("a b", BodyText.of("<table>\n<tr><td>a</td><td>b</td></tr>\n</table>", "x"));
    }

    @Test
    void htmlWhoseTreeIsNotItsTagsIsLeftToJsoup() {
        for (String html : List.of(
                "<p>a<div>b</div></p>",              // a block start closes the paragraph
                "<a href=x>a</a>",                    // unquoted attribute
                "<a href=\"x\"><a href=\"y\">b</a></a>", // a link in a link
                "<table><tr><td>a</td></tr>text</table>", // text moved out of the table
                "<b><i>a</b></i>",                    // misnested
                "<div>a",                              // unclosed
                "<DIV>a</DIV>",                        // upper case
                "<custom-tag>a</custom-tag>",          // unknown element
                "<script>var a = '<p>';</script>",    // raw text
                "<p>a\r\nb</p>",                      // carriage return, which the parser rewrites
                "<div class=\"live&#45;tools\">a</div>", // a class written with a reference
                "<!-->a",                              // a comment the parser ends at once
                "<ul><li>a<li>b</ul>",                 // implied end tags
                "<div/>a"                              // self-closing syntax on an element that is not void
        )) assertNull(BodyText.of(html, SearchIndex.LIVE_TOOLS), html);
    }

    /**
     * Generated HTML from the elements Asciidoctor writes, with the parser's traps mixed in: whatever the pass reads
     * must equal jsoup's text, and both outcomes must be common, so neither side is tested by accident only.
     */
    @Test
    void generatedHtmlIsReadAsJsoupReadsItOrLeftToJsoup() {
        Random random = new Random(20261203);
        int read = 0, left = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            Generator g = new Generator(random, b);
            int blocks = 1 + random.nextInt(4);
            for (int k = 0; k < blocks; k++) g.block(0);
            String html = b.toString();
            String text = BodyText.of(html, SearchIndex.LIVE_TOOLS);
            if (text == null) { left++; continue; }
            read++;
            assertEquals(jsoupText(html), text, html);
        }
        assertTrue(read > 5_000 && left > 2_000, read + " read, " + left + " left to jsoup");
    }

    /** Random HTML: mostly well-formed Asciidoctor-like blocks, sometimes one of the parser's traps. */
    private record Generator(Random r, StringBuilder b) {
        static final String[] BLOCKS = {"div", "p", "pre", "ul", "ol", "dl", "table", "blockquote", "section", "figure", "details", "h2", "h3", "hr"};
        static final String[] INLINES = {"a", "em", "strong", "code", "span", "b", "i", "mark", "sup", "sub", "kbd", "br", "img", "wbr", "label", "button", "time"};
        static final String[] TEXTS = {"word", " ", "\n", "two words", "a\u00a0b", "zero\u200bwidth", "soft\u00adhyphen", "&amp;", "&lt;tag&gt;",
                "&#8217;", "&nbsp;", "&copy", "  \n  ", "\u00e9t\u00e9", "\ud83d\ude00", "x\ty", "&#8203;"};

        void text() { b.append(TEXTS[r.nextInt(TEXTS.length)]); }

        void trap() {
            switch (r.nextInt(9)) {
                case 0 -> b.append("<!-- note -->");
                case 1 -> b.append("<p>para<div>block</div>");
                case 2 -> b.append("<DIV>upper</DIV>");
                case 3 -> b.append("<x-y>custom</x-y>");
                case 4 -> b.append("<b><i>mis</b></i>");
                case 5 -> b.append("<li>loose");
                case 6 -> b.append("a\rb");
                case 7 -> b.append("<span class=live-tools>unquoted</span>");
                default -> b.append("<div class=\"live-tools\"><button type=\"button\">Try</button> <span>hint</span></div>");
            }
        }

        String attrs() {
            return switch (r.nextInt(6)) {
                case 0 -> " class=\"live-tools\"";
                case 1 -> " class=\"paragraph\" id=\"p" + r.nextInt(99) + "\"";
                case 2 -> " class='a  Live-Tools b'";
                case 3 -> " data-x=\"1 > 0\"";
                default -> "";
            };
        }

        void inline(int depth) {
            if (r.nextInt(150) == 0) { trap(); return; }
            if (depth > 4 || r.nextInt(3) == 0) { text(); return; }
            String tag = INLINES[r.nextInt(INLINES.length)];
            if (tag.equals("br") || tag.equals("img") || tag.equals("wbr")) { b.append('<').append(tag).append(attrs()).append(r.nextBoolean() ? ">" : "/>"); return; }
            b.append('<').append(tag).append(attrs()).append('>');
            for (int k = r.nextInt(3); k >= 0; k--) inline(depth + 1);
            b.append("</").append(tag).append('>');
        }

        void block(int depth) {
            if (r.nextInt(60) == 0) { trap(); return; }
            if (r.nextInt(4) == 0) text();
            String tag = depth > 3 ? "p" : BLOCKS[r.nextInt(BLOCKS.length)];
            switch (tag) {
                case "hr" -> b.append("<hr>");
                case "ul", "ol" -> {
                    b.append('<').append(tag).append(attrs()).append(">\n");
                    for (int k = r.nextInt(3); k >= 0; k--) { b.append("<li>"); block(depth + 1); b.append("</li>\n"); }
                    b.append("</").append(tag).append(">");
                }
                case "dl" -> {
                    b.append("<dl>");
                    for (int k = r.nextInt(2); k >= 0; k--) { b.append("<dt>"); inline(depth); b.append("</dt><dd>"); block(depth + 1); b.append("</dd>"); }
                    b.append("</dl>");
                }
                case "table" -> {
                    b.append("<table class=\"tableblock\">\n");
                    if (r.nextBoolean()) b.append("<colgroup>\n<col style=\"width: 50%;\">\n<col>\n</colgroup>\n");
                    boolean body = r.nextBoolean();
                    if (body) b.append("<tbody>\n");
                    for (int row = r.nextInt(3); row >= 0; row--) {
                        b.append("<tr>\n");
                        for (int cell = r.nextInt(3); cell >= 0; cell--) {
                            String c = r.nextBoolean() ? "td" : "th";
                            b.append('<').append(c).append('>');
                            if (r.nextBoolean()) inline(depth + 1); else block(depth + 1);
                            b.append("</").append(c).append(">\n");
                        }
                        b.append("</tr>\n");
                    }
                    if (body) b.append("</tbody>\n");
                    b.append("</table>");
                }
                case "pre" -> {
                    b.append("<pre").append(attrs()).append('>');
                    if (r.nextBoolean()) b.append('\n');
                    for (int k = r.nextInt(4); k >= 0; k--) inline(depth + 5);
                    if (r.nextBoolean()) { b.append("<code><span><em><b><i><span><mark>deep  \u00a0 text</mark></span></i></b></em></span></code>"); }
                    b.append("</pre>");
                }
                case "p", "h2", "h3" -> {
                    b.append('<').append(tag).append(attrs()).append('>');
                    for (int k = r.nextInt(4); k >= 0; k--) inline(depth + 1);
                    b.append("</").append(tag).append('>');
                }
                default -> {
                    b.append('<').append(tag).append(attrs()).append('>');
                    if (r.nextInt(5) == 0) b.append('\n');
                    for (int k = r.nextInt(3); k >= 0; k--) block(depth + 1);
                    b.append("</").append(tag).append('>');
                }
            }
            if (r.nextBoolean()) b.append('\n');
            if (r.nextInt(5) == 0) inline(depth);
        }
    }
}
