package dev.docsite.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The attributes of the real start tags of an HTML fragment, with their positions. Text is skipped:
 * code shown on a page ({@code <div id="header">} in a listing or in backticks) is escaped text
 * ({@code &lt;div id="header"&gt;}), so it is never mistaken for an element; so are comments and the
 * contents of script, style, textarea and title. One linear pass, no DOM: the link checks run it on
 * every page of every version, and the positions let callers rewrite a value in place without
 * re-serialising the HTML (same input, same bytes).
 */
public final class HtmlAttributes {
    private HtmlAttributes() {}

    /** Receives each attribute: the tag and attribute names (lower case) and the value's span in the HTML (raw, entities not decoded). */
    public interface Visitor {
        void attribute(String tag, String name, int valueStart, int valueEnd);
    }

    public static void scan(String html, Visitor visitor) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) return;
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char c = html.charAt(lt + 1);
            if (!Character.isLetter(c)) {   // end tag, doctype, or a '<' that starts no tag
                i = lt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') j++;
            String tag = html.substring(lt + 1, j).toLowerCase(Locale.ROOT);
            // attributes until '>'
            while (j < n) {
                char ch = html.charAt(j);
                if (isSpace(ch) || ch == '/') { j++; continue; }
                if (ch == '>') { j++; break; }
                int nameStart = j;
                while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '=' && html.charAt(j) != '>' && html.charAt(j) != '/') j++;
                String name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
                int k = j;
                while (k < n && isSpace(html.charAt(k))) k++;
                if (k < n && html.charAt(k) == '=') {
                    k++;
                    while (k < n && isSpace(html.charAt(k))) k++;
                    int vs, ve;
                    if (k < n && (html.charAt(k) == '"' || html.charAt(k) == '\'')) {
                        char q = html.charAt(k);
                        vs = k + 1;
                        ve = html.indexOf(q, vs);
                        if (ve < 0) ve = n;
                        j = Math.min(n, ve + 1);
                    } else {
                        vs = k;
                        ve = k;
                        while (ve < n && !isSpace(html.charAt(ve)) && html.charAt(ve) != '>') ve++;
                        j = ve;
                    }
                    if (!name.isEmpty()) visitor.attribute(tag, name, vs, ve);
                } else {
                    if (!name.isEmpty()) visitor.attribute(tag, name, j, j);
                    if (j == nameStart) j++;   // a stray character: move on
                }
            }
            i = j;
            if (tag.equals("script") || tag.equals("style") || tag.equals("textarea") || tag.equals("title")) {
                int close = html.indexOf("</", i);
                while (close >= 0 && !html.regionMatches(true, close + 2, tag, 0, tag.length())) close = html.indexOf("</", close + 2);
                i = close < 0 ? n : close;
            }
        }
    }

    private static boolean isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

    /** Every non-empty id attribute of a real element, with how often it occurs, in document order. */
    public static Map<String, Integer> idCounts(String html) {
        Map<String, Integer> count = new LinkedHashMap<>();
        scan(html, (tag, name, vs, ve) -> {
            if (ve > vs && name.equals("id")) count.merge(html.substring(vs, ve), 1, Integer::sum);
        });
        return count;
    }
}
