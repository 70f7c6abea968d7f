package dev.docsite.site;

import dev.docsite.content.ErrorEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /** Link-like tokens by the literal they start with; each is matched only where indexOf finds its literal. */
    private static final String[] LITERALS = {"xref:", "<<", "error:", "image:", "link:", "://", "mailto:"};
    private static final Pattern[] PATTERNS = {
            Pattern.compile("xref:([^\\[\\s]+)\\["),
            Pattern.compile("<<([^>,\\s][^>,\\n]*?)(?:,[^>\\n]*)?>>"),
            Pattern.compile("error:([^\\[\\s]+)\\["),
            Pattern.compile("image::?([^\\[\\s]+)\\["),
            Pattern.compile("link:([^\\[\\s]+)\\["),
            Pattern.compile("((?:https?|ftp|irc)://[^\\s\\[\\]<>\"]+)"),
            Pattern.compile("(mailto:[^\\s\\[\\]<>\"]+)")};
    private static final String TRAILING_PUNCTUATION = ".,;:!?)'";

    private static final int SHORT = 1;

    private record Token(int start, int end, int kind, String target) {}

    private static void match(List<Token> tokens, Matcher[] matchers, int kind, String body, int from) {
        Matcher m = matchers[kind];
        if (m == null) m = matchers[kind] = PATTERNS[kind].matcher(body);
        m.region(from, body.length());
        if (m.lookingAt()) tokens.add(new Token(from, m.end(), kind, m.group(1)));
    }

    private final String body;
    private final Map<String, ArrayDeque<Integer>> byKey = new HashMap<>();

    SourceLinks(String body) {
        this.body = body;
        int[] lineStarts = lineStarts(body);
        List<Token> tokens = new ArrayList<>();
        Matcher[] matchers = new Matcher[PATTERNS.length];
        // One pass over the colons (every token but <<...>> has one) instead of a regex tried at every character.
        for (int colon = body.indexOf(':'); colon >= 0; colon = body.indexOf(':', colon + 1)) {
            for (int kind = 0; kind < LITERALS.length; kind++) {
                String literal = LITERALS[kind];
                int from;
                if (literal.equals("://")) {
                    if (!body.startsWith("//", colon + 1)) continue;
                    from = colon;
                    while (from > 0 && Character.isLetter(body.charAt(from - 1))) from--;
                } else {
                    int colonAt = literal.length() - 1;
                    if (literal.charAt(colonAt) != ':' || colon < colonAt || !body.startsWith(literal, colon - colonAt)) continue;
                    from = colon - colonAt;
                }
                match(tokens, matchers, kind, body, from);
                break;
            }
        }
        for (int i = body.indexOf("<<"); i >= 0; i = body.indexOf("<<", i + 2)) match(tokens, matchers, SHORT, body, i);
        // Leftmost first; a token inside another (the URL of link:https://...[]) belongs to the outer one.
        tokens.sort(Comparator.comparingInt(Token::start).thenComparingInt(Token::kind));
        // Links shown as code (listing, literal, passthrough and comment blocks) are not links of the page.
        boolean[] verbatim = body.contains("----") || body.contains("....") || body.contains("++++") || body.contains("////")
                ? dev.docsite.content.Verbatim.lines(body.split("\n", -1)) : null;
        int end = 0;
        for (Token t : tokens) {
            if (t.start() < end) continue;
            end = t.end();
            int line = lineAt(lineStarts, t.start());
            if (verbatim != null && verbatim[line - 1]) continue;
            switch (LITERALS[t.kind()]) {
                case "xref:" -> add(xrefKey(t.target()), line);
                case "<<" -> add(xrefKey(t.target().strip()), line);
                case "error:" -> add(errorKey(ErrorEntry.anchorOf(t.target())), line);
                case "image:", "link:", "mailto:" -> add(urlKey(t.target()), line);
                default -> {
                    add(urlKey(t.target()), line);
                    String stripped = stripTrailing(t.target());
                    if (!stripped.equals(t.target())) add(urlKey(stripped), line);
                }
            }
        }
    }

    /** The 1-based body line of the next link with one of these keys (most specific first), or the heuristic's guess. */
    int claim(List<String> keys, String fallbackTarget, String fallbackAnchor) {
        for (String k : keys) {
            ArrayDeque<Integer> q = byKey.get(k);
            if (q != null && !q.isEmpty()) return q.poll();
        }
        return lineOf(body.split("\n", -1), fallbackTarget, fallbackAnchor);
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
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = nl + 1;
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineAt(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
