package dev.docsite.site;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader-facing touches to a page body before it goes into the layout, done in the HTML itself so they
 * hold without JavaScript: section anchors get an accessible name, and tables get a container that
 * scrolls sideways on narrow screens instead of the whole page.
 */
final class ReaderHtml {
    /** What Asciidoctor's sectanchors emits: an empty link, which a screen reader announces as just "link". */
    private static final Pattern SECTION_ANCHOR = Pattern.compile("<a class=\"anchor\" href=\"#([^\"]+)\"></a>");
    private static final Pattern CLASS_ATTR = Pattern.compile("\\bclass=\"([^\"]*)\"");

    private ReaderHtml() {}

    /** @param headings heading text by id (the page's anchors); ids without text get a generic label */
    static String enhance(String html, Map<String, String> headings) {
        return wrapTables(labelAnchors(html, headings));
    }

    static String labelAnchors(String html, Map<String, String> headings) {
        Matcher m = SECTION_ANCHOR.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 512);
        while (m.find()) {
            String title = headings.getOrDefault(m.group(1), "");
            String label = title.isBlank() ? "Link to this section" : "Link to this section: " + title;
            m.appendReplacement(out, Matcher.quoteReplacement("<a class=\"anchor\" href=\"#" + m.group(1) + "\" aria-label=\""
                    + LinkResolver.escAttr(label).replace("<", "&lt;") + "\"></a>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Wraps each outermost Asciidoctor table ({@code table.tableblock}) in {@code div.table-scroll}. Error
     * tables are left alone: their {@code div.error-table} already is that container.
     */
    static String wrapTables(String html) {
        // A scan for "table" rather than a regular expression: this runs over every page of every build, and a
        // pattern that starts with '<' is tried at every '<' of the page. Same tags as <(/?)table\b([^>]*)>.
        StringBuilder out = null;
        int depth = 0;
        boolean wrapping = false;
        int last = 0;
        for (int i = html.indexOf("table"); i >= 0; i = html.indexOf("table", i)) {
            boolean closing = i >= 2 && html.charAt(i - 1) == '/' && html.charAt(i - 2) == '<';
            boolean opening = !closing && i >= 1 && html.charAt(i - 1) == '<';
            int after = i + "table".length();
            if (!(opening || closing) || (after < html.length() && isWord(html.codePointAt(after)))) {
                i = after;
                continue;
            }
            int end = html.indexOf('>', after);
            if (end < 0) break;   // no tag can close after this point either
            int start = closing ? i - 2 : i - 1;
            if (out == null) out = new StringBuilder(html.length() + 256);
            out.append(html, last, start);
            if (opening) {
                if (depth == 0 && wraps(html.substring(after, end))) {
                    out.append("<div class=\"table-scroll\">");
                    wrapping = true;
                }
                depth++;
                out.append(html, start, end + 1);
            } else {
                depth = Math.max(0, depth - 1);
                out.append(html, start, end + 1);
                if (depth == 0 && wrapping) {
                    out.append("</div>");
                    wrapping = false;
                }
            }
            last = end + 1;
            i = last;
        }
        if (out == null) return html;
        out.append(html, last, html.length());
        return out.toString();
    }

    /** A word character as {@code \b} in a regular expression sees one. */
    private static boolean isWord(int c) { return c == '_' || Character.isLetterOrDigit(c); }

    private static boolean wraps(String attrs) {
        Matcher c = CLASS_ATTR.matcher(attrs);
        if (!c.find()) return false;
        String classes = " " + c.group(1) + " ";
        return classes.contains(" tableblock ") && !classes.contains(" errors ");
    }
}
