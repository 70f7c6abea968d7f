package dev.docsite.site;

import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The text jsoup's {@code Jsoup.parseBodyFragment(html).body().text()} gives, with the elements of one class left
 * out, read in one pass without building a DOM. The search index takes every page's text on a cold build, and the
 * jsoup parse and text walk were most of the index's cost; this pass takes about a third of their time.
 * <p>
 * It reads only HTML whose tree is its tags as written: the elements Asciidoctor writes, each closed by its own
 * end tag, and comments; nothing the HTML parser would move, close or rename (a block start inside {@code <p>}, a
 * link inside a link, text directly in a table row, scripts, unknown tags, upper-case or unquoted markup). For
 * anything else it answers null and the caller parses the page with jsoup, so a surprise costs time, never a
 * different text. Where it reads, it applies jsoup's rules with jsoup's tag table and entity decoder: a space at the
 * start of a block (and {@code <br>}, a block in that table), a space after a block when text or an inline element
 * follows it in the same parent, white space kept as written up to six levels inside {@code <pre>} and normalised
 * elsewhere. BodyTextTest holds it to jsoup on real pages and on generated HTML.
 */
final class BodyText {
    private BodyText() {}

    /** What the text needs to know of a tag, from jsoup's tag table; {@code tableOnly}: holds only table parts and white space. */
    private record Kind(String name, boolean block, boolean isVoid, boolean preserve, boolean tableOnly) {}

    /** Elements whose only children are table parts and white space. */
    private static final Set<String> TABLE_ONLY = Set.of("table", "thead", "tbody", "tfoot", "tr", "colgroup");

    /** The tags read here; any other makes the page jsoup's. */
    private static final Map<String, Kind> KINDS = new HashMap<>();
    static {
        for (String name : ("a abbr article aside audio b bdi bdo blockquote br button caption cite code col colgroup data dd del"
                + " details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label li main"
                + " mark nav ol p pre q s samp section small source span strong sub summary sup table tbody td tfoot th thead time"
                + " tr track u ul var video wbr").split(" ")) {
            Tag t = Tag.valueOf(name);
            if (!t.isKnownTag() || t.is(Tag.Data) || t.is(Tag.RcData) || t.isBlock() == t.isInline())
                throw new IllegalStateException("jsoup's tag table changed for <" + name + ">: review BodyText");
            KINDS.put(name, new Kind(name, t.isBlock(), t.isEmpty(), t.preserveWhitespace(), TABLE_ONLY.contains(name)));
        }
    }

    /** Start tags that close an open {@code <p>} in the HTML parser (so the tree differs from the tags as written). */
    private static final Set<String> CLOSES_P = Set.of("article", "aside", "blockquote", "details", "div", "dl", "dd", "dt",
            "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
            "pre", "section", "summary", "table", "ul");
    /** Table parts, each allowed only directly in its parent (elsewhere the parser inserts or moves elements). */
    private static final Map<String, Set<String>> TABLE_PARENT = Map.of(
            "caption", Set.of("table"), "colgroup", Set.of("table"), "thead", Set.of("table"), "tbody", Set.of("table"),
            "tfoot", Set.of("table"), "tr", Set.of("thead", "tbody", "tfoot"), "td", Set.of("tr"), "th", Set.of("tr"),
            "col", Set.of("colgroup"));
    /** The tbody the parser adds around rows written directly in a table; ended by the table's end tag. */
    private static final Kind IMPLICIT_TBODY = new Kind("tbody", true, false, false, true);

    /**
     * The body text, as jsoup gives it (trimmed, white space normalised outside {@code <pre>}), leaving out every
     * element with the class {@code removedClass} and what it holds; null when the HTML is not one this pass reads.
     */
    static String of(String html, String removedClass) {
        return new Scan(html, removedClass).run();
    }

    private static final class Scan {
        final String html, removedClass;
        /** The HTML's characters: indexing an array is several times cheaper than String.charAt under C1, the launcher's only compiler. */
        final char[] ch;
        final int n;
        /** The text so far, {@code len} chars: plain array writes, which C1 compiles far better than StringBuilder's appends. */
        char[] out;
        int len;
        Kind[] open = new Kind[32];
        int depth, openP, openA, openButton;
        /** Depth at which a left-out element began (its contents add nothing), or -1. */
        int removedAt = -1;
        /** Depth of the siblings of the block that closed last, while its tail space waits on what follows it; or -1. */
        int tailAt = -1;
        /** The last tag was a {@code <pre>} start tag. */
        boolean preJustOpened;

        Scan(String html, String removedClass) {
            this.html = html;
            this.removedClass = removedClass;
            this.ch = html.toCharArray();
            this.n = ch.length;
            this.out = new char[Math.max(16, n)];   // the text is never longer than the HTML: each added space follows a tag
        }

        String run() {
            int i = 0;
            while (i < n) {
                int lt = indexOf('<', i);
                int end = lt < 0 ? n : lt;
                if (end > i && !text(i, end)) return null;
                if (lt < 0) break;
                char next = lt + 1 < n ? ch[lt + 1] : 0;
                preJustOpened = false;
                i = next == '/' ? endTag(lt) : next == '!' ? comment(lt) : startTag(lt);
                if (i < 0) return null;
            }
            if (depth != 0) return null;
            return new String(out, 0, len).trim();
        }

        /** A text node from {@code from} to {@code to}; false if the parser would not keep it where it stands. */
        boolean text(int from, int to) {
            if (preJustOpened && ch[from] == '\n') from++;   // the parser drops a newline right after <pre>
            preJustOpened = false;
            if (from == to) return true;
            if (depth > 0 && open[depth - 1].tableOnly())   // only white space stays in a table
                for (int k = from; k < to; k++) if (!isSpace(ch[k])) return false;
            if (removedAt >= 0) return true;   // inside a left-out element
            if (tailAt == depth && !endsWithSpace()) put(' ');
            tailAt = -1;
            boolean keepSpaces = preserved();
            int mark = len;
            int status = append(ch, from, to, keepSpaces, true);
            if (status == ENTITY) {   // rare: decoded, then appended again from the same place
                len = mark;
                char[] decoded = Parser.unescapeEntities(html.substring(from, to), false).toCharArray();
                status = append(decoded, 0, decoded.length, keepSpaces, false);
            }
            return status == OK;
        }

        private static final int OK = 0, ENTITY = 1, INVALID = 2;

        /**
         * Appends text as jsoup does: kept as written under a {@code <pre>}, else as {@code StringUtil.appendNormalisedWhitespace}
         * does it (each run of white space, no-break space included, as one space, none at the start when the text so far
         * ends with one; zero-width space and soft hyphen dropped). By char, in runs: none of those is outside the BMP.
         * Stops at a character reference in {@code undecoded} text ({@link #ENTITY}), and at NUL or CR, which the parser rewrites ({@link #INVALID}).
         */
        private int append(char[] s, int from, int to, boolean keepSpaces, boolean undecoded) {
            if (out.length - len < to - from) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + to - from));
            char[] o = out;
            int at = len;
            boolean lastWasWhite = at != 0 && o[at - 1] == ' ';
            for (int k = from; k < to; k++) {
                char c = s[k];
                if (c == '&' && undecoded) return ENTITY;
                if (c == '\0' || c == '\r') return INVALID;
                if (keepSpaces) { o[at++] = c; continue; }
                boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == 160;
                if (white) {
                    if (!lastWasWhite) o[at++] = ' ';
                    lastWasWhite = true;
                } else if (c != 8203 && c != 173) {
                    o[at++] = c;
                    lastWasWhite = false;
                }
            }
            len = at;
            return OK;
        }

        private void put(char c) {
            if (len == out.length) out = java.util.Arrays.copyOf(out, len * 2);
            out[len++] = c;
        }

        private int indexOf(char wanted, int from) {
            for (int k = from; k < n; k++) if (ch[k] == wanted) return k;
            return -1;
        }

        /** jsoup keeps a text's white space when its parent or one of the five elements above that is a {@code <pre>}. */
        private boolean preserved() {
            for (int k = depth - 1; k >= Math.max(0, depth - 6); k--) if (open[k].preserve()) return true;
            return false;
        }

        private boolean endsWithSpace() { return len != 0 && out[len - 1] == ' '; }

        /** The start tag at {@code lt}; the index after it, or -1. */
        int startTag(int lt) {
            int i = lt + 1, nameStart = i;
            while (i < n && isTagNameChar(ch[i])) i++;
            if (i == nameStart || i >= n || !isSpace(ch[i]) && ch[i] != '>' && ch[i] != '/') return -1;
            Kind kind = KINDS.get(html.substring(nameStart, i));
            if (kind == null) return -1;
            boolean selfClosing = false, sawClass = false, removed = false;
            while (true) {   // attributes, as the tokenizer reads them
                while (i < n && isSpace(ch[i])) i++;
                if (i >= n) return -1;
                char c = ch[i];
                if (c == '>') { i++; break; }
                if (c == '/') {
                    if (i + 1 < n && ch[i + 1] == '>') { selfClosing = true; i += 2; break; }
                    return -1;
                }
                int an = i;
                while (i < n && !isSpace(ch[i]) && "/>=\"'<".indexOf(ch[i]) < 0) i++;
                if (i == an || i >= n) return -1;
                boolean isClass = i - an == 5 && html.regionMatches(true, an, "class", 0, 5);
                while (i < n && isSpace(ch[i])) i++;
                if (i < n && ch[i] == '=') {
                    i++;
                    while (i < n && isSpace(ch[i])) i++;
                    if (i >= n) return -1;
                    char q = ch[i];
                    if (q != '"' && q != '\'') return -1;
                    int close = indexOf(q, i + 1);
                    if (close < 0) return -1;
                    if (isClass && !sawClass) {
                        for (int k = i + 1; k < close; k++) if (ch[k] == '&') return -1;   // written with character references
                        removed = hasClass(i + 1, close);
                    }
                    i = close + 1;
                }
                sawClass |= isClass;   // the parser keeps the first of two attributes of one name
            }
            if (selfClosing && !kind.isVoid()) return -1;
            if (kind.name().equals("tr") && depth > 0 && open[depth - 1].name().equals("table"))
                begin(IMPLICIT_TBODY, false);   // the parser puts a row written directly in a table into a tbody
            if (!fitsWhereItStands(kind)) return -1;
            begin(kind, removed && removedAt < 0);
            preJustOpened = kind.name().equals("pre");
            return i;
        }

        /** An element begins: its head space, and the tail space a block before it left waiting. */
        private void begin(Kind kind, boolean removed) {
            if (removedAt < 0 && !removed) {
                if (tailAt == depth && !kind.block() && !endsWithSpace()) put(' ');
                tailAt = -1;
                if (len > 0 && kind.block() && !endsWithSpace()) put(' ');   // br is a block in jsoup's table
                if (kind.isVoid() && kind.block()) tailAt = depth;
            }
            if (kind.isVoid()) return;
            if (removed) removedAt = depth;
            if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
            open[depth++] = kind;
            if (kind.name().equals("p")) openP++;
            else if (kind.name().equals("a")) openA++;
            else if (kind.name().equals("button")) openButton++;
        }

        /** False where the HTML parser would build a different tree than the tags say. */
        private boolean fitsWhereItStands(Kind kind) {
            String name = kind.name();
            Kind parent = depth == 0 ? null : open[depth - 1];
            Set<String> parents = TABLE_PARENT.get(name);
            if (parents != null ? parent == null || !parents.contains(parent.name())
                    : parent != null && parent.tableOnly()) return false;
            if (openP > 0 && CLOSES_P.contains(name)) return false;
            if (name.equals("a") && openA > 0 || name.equals("button") && openButton > 0) return false;
            if (parent != null && isHeading(name) && isHeading(parent.name())) return false;
            if (name.equals("li") || name.equals("dt") || name.equals("dd")) {
                for (int k = depth - 1; k >= 0; k--) {   // an open item of the same list would be closed
                    String o = open[k].name();
                    if (o.equals("ul") || o.equals("ol") || o.equals("dl")) break;
                    if (o.equals("li") || o.equals("dt") || o.equals("dd")) return false;
                }
            }
            return true;
        }

        private static boolean isHeading(String name) { return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6'; }

        /** Whether the class attribute value from {@code from} to {@code to} names the left-out class (as jsoup: in any case). */
        private boolean hasClass(int from, int to) {
            int k = from;
            while (k < to) {
                while (k < to && isSpace(ch[k])) k++;
                int start = k;
                while (k < to && !isSpace(ch[k])) k++;
                if (k - start == removedClass.length() && html.regionMatches(true, start, removedClass, 0, k - start)) return true;
            }
            return false;
        }

        /**
         * The comment at {@code lt} (such as the catalog's {@code <!--docsite:catalog-->} markers); the index after it, or -1
         * for the forms the parser ends early ({@code <!-->}, {@code --!>}) and anything else after {@code <!}. A comment is
         * a node: a block's tail space waits on the next sibling, and a comment is neither text nor an inline element.
         */
        int comment(int lt) {
            if (!html.startsWith("<!--", lt) || html.startsWith("<!-->", lt) || html.startsWith("<!--->", lt)) return -1;
            int end = html.indexOf("-->", lt + 4);
            if (end < 0) return -1;
            for (int k = lt + 4; k < end; k++) if (ch[k] == '!' && ch[k - 1] == '-' && ch[k - 2] == '-' && ch[k + 1] == '>') return -1;
            if (removedAt < 0) tailAt = -1;
            return end + 3;
        }

        /** The end tag at {@code lt}; the index after it, or -1 if it does not close the innermost open element. */
        int endTag(int lt) {
            int i = lt + 2, nameStart = i;
            while (i < n && isTagNameChar(ch[i])) i++;
            if (i >= n || ch[i] != '>' || depth == 0) return -1;
            if (open[depth - 1] == IMPLICIT_TBODY && html.startsWith("table>", nameStart)) end();
            Kind top = open[depth - 1];
            if (i - nameStart != top.name().length() || !html.startsWith(top.name(), nameStart)) return -1;
            end();
            return i + 1;
        }

        /** The innermost open element ends: a block's tail space waits on what comes next in its parent. */
        private void end() {
            Kind top = open[--depth];
            if (top.name().equals("p")) openP--;
            else if (top.name().equals("a")) openA--;
            else if (top.name().equals("button")) openButton--;
            if (removedAt == depth) removedAt = -1;   // the left-out element ends: what follows counts again
            else if (removedAt < 0) tailAt = top.block() ? depth : -1;
        }
    }

    private static boolean isTagNameChar(char c) { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'; }

    private static boolean isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
}
