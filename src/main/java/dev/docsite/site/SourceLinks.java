package dev.docsite.site;

import dev.docsite.catalog.ErrorEntry;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each link of a page body was written. The body is scanned once for link-like tokens (xref
 * macros, {@code <<...>>}, {@code error:}, {@code image:}, {@code link:} and bare URLs); each gets a key
 * that the matching rendered link will have, and a queue of the body lines it occurs on. Links are
 * claimed in document order, so two links to the same target on different lines are reported on their
 * own lines, not both on the first one.
 */
final class SourceLinks {
    private static final Pattern TOKEN = Pattern.compile(
            "xref:(?<xref>[^\\[\\s]+)\\["
            + "|<<(?<short>[^>,\\s][^>,]*?)(?:,[^>]*)?>>"
            + "|error:(?<error>[^\\[\\s]+)\\["
            + "|image::?(?<image>[^\\[\\s]+)\\["
            + "|link:(?<link>[^\\[\\s]+)\\["
            + "|(?<url>(?:https?|mailto|ftp|irc):[^\\s\\[\\]<>\"]+)");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)'";

    private final String[] lines;
    private final Map<String, ArrayDeque<Integer>> byKey = new HashMap<>();

    SourceLinks(String body) {
        this.lines = body.split("\n", -1);
        int[] lineStarts = lineStarts(body);
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            int line = lineAt(lineStarts, m.start());
            if (m.group("xref") != null) add(xrefKey(m.group("xref")), line);
            else if (m.group("short") != null) add(xrefKey(m.group("short").strip()), line);
            else if (m.group("error") != null) add(errorKey(ErrorEntry.anchorOf(m.group("error"))), line);
            else if (m.group("image") != null) add(urlKey(m.group("image")), line);
            else if (m.group("link") != null) add(urlKey(m.group("link")), line);
            else {
                String url = m.group("url");
                add(urlKey(url), line);
                String stripped = stripTrailing(url);
                if (!stripped.equals(url)) add(urlKey(stripped), line);
            }
        }
    }

    /** The 1-based body line of the next link with one of these keys (most specific first), or the heuristic's guess. */
    int claim(List<String> keys, String fallbackTarget, String fallbackAnchor) {
        for (String k : keys) {
            ArrayDeque<Integer> q = byKey.get(k);
            if (q != null && !q.isEmpty()) return q.poll();
        }
        return lineOf(lines, fallbackTarget, fallbackAnchor);
    }

    static String pageKey(String pageId, String anchor) { return "P|" + pageId + "#" + (anchor == null ? "" : anchor); }

    static String fragmentKey(String anchor) { return "F|" + anchor; }

    static String errorKey(String anchor) { return "E|" + anchor; }

    static String urlKey(String href) { return "U|" + href; }

    /** The key an xref target gets once Asciidoctor has converted it (see the relfileprefix/relfilesuffix attributes). */
    static String xrefKey(String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (path.isEmpty()) return fragmentKey(anchor);
        if (path.endsWith(".adoc")) return pageKey(path.substring(0, path.length() - 5), anchor);
        if (anchor != null) return pageKey(path, anchor);   // "doc#id": a document without its extension
        return fragmentKey(path);                           // "id" alone refers to an id in this page
    }

    /** The body line where a link was most likely written: the first line naming its target (and anchor). */
    static int lineOf(String[] lines, String target, String anchor) {
        if (target == null || target.isEmpty()) return 1;
        String withAnchor = anchor == null ? null : target + ".adoc#" + anchor;
        if (withAnchor != null) for (int i = 0; i < lines.length; i++) if (lines[i].contains(withAnchor)) return i + 1;
        if (anchor != null) for (int i = 0; i < lines.length; i++) if (lines[i].contains(target) && lines[i].contains("#" + anchor)) return i + 1;
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(target)) return i + 1;
        return 1;
    }

    private void add(String key, int line) { byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(line); }

    private static String stripTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) end--;
        return url.substring(0, end);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineAt(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
