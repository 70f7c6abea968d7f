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
    private static final Pattern TABLE_TAG = Pattern.compile("<(/?)table\\b([^>]*)>");
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
        Matcher m = TABLE_TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int depth = 0;
        boolean wrapping = false;
        int last = 0;
        while (m.find()) {
            boolean closing = !m.group(1).isEmpty();
            out.append(html, last, m.start());
            if (!closing) {
                if (depth == 0 && wraps(m.group(2))) {
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
        out.append(html, last, html.length());
        return out.toString();
    }

    private static boolean wraps(String attrs) {
        Matcher c = CLASS_ATTR.matcher(attrs);
        if (!c.find()) return false;
        String classes = " " + c.group(1) + " ";
        return classes.contains(" tableblock ") && !classes.contains(" errors ");
    }
}
