package dev.docsite.check;

import dev.docsite.catalog.ErrorHtml;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The text writers typed in a rendered page body, block by block, with the inline code spans of each
 * block; generated catalog HTML (between {@link ErrorHtml#GENERATED_START} and its end) is left out.
 *
 * <p>Why not jsoup: this runs on every page of every version, and building a DOM for 1,000 pages costs
 * about a second of CPU on its own; a tag-level pass over Asciidoctor's well-formed output is several
 * times cheaper and needs no tree (jsoup still decodes the entities). Pages whose structure matters
 * (hand-written tables naming catalog ids) are parsed with jsoup.
 */
final class ProseText {
    /** @param listing text of a {@code <pre>} block (code listings: their quotes count, their code as a whole does not) */
    record Block(String text, boolean listing, List<String> code) {}

    /** Tags that end a run of text; everything else (a, strong, em, span, code, mark, sup, sub, ...) is inline. */
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "pre", "td", "th", "tr", "table", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "caption", "figure", "figcaption", "br", "hr", "section", "aside", "header", "footer");

    private ProseText() {}

    /** @param body page HTML already {@link #withoutGenerated without generated parts} */
    static List<Block> of(String body) {
        List<Block> out = new ArrayList<>();
        StringBuilder text = new StringBuilder(), code = null;
        List<String> codes = new ArrayList<>();
        boolean inPre = false;
        int i = 0, n = body.length();
        while (i < n) {
            int lt = body.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                text.append(body, i, textEnd);
                if (code != null) code.append(body, i, textEnd);
            }
            if (lt < 0) break;
            if (body.startsWith("<!--", lt)) {
                int end = body.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int gt = body.indexOf('>', lt + 1);
            if (gt < 0) { text.append(body, lt, n); break; }
            i = gt + 1;
            boolean closing = lt + 1 < n && body.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1), nameEnd = nameStart;
            while (nameEnd < gt && Character.isLetterOrDigit(body.charAt(nameEnd))) nameEnd++;
            if (nameEnd == nameStart) { text.append(body, lt, i); continue; }   // a lone '<' in text
            String name = body.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (name.equals("code") && !inPre) {
                if (!closing) code = new StringBuilder();
                else if (code != null) { codes.add(unescape(code.toString())); code = null; }
            } else if (BLOCK_TAGS.contains(name)) {
                flush(out, text, codes, inPre);
                codes = new ArrayList<>();
                code = null;
                if (name.equals("pre")) inPre = !closing;
            }
        }
        flush(out, text, codes, inPre);
        return out;
    }

    private static void flush(List<Block> out, StringBuilder text, List<String> codes, boolean listing) {
        if (!codes.isEmpty() || !text.toString().isBlank()) out.add(new Block(unescape(text.toString()), listing, codes));
        text.setLength(0);
    }

    private static String unescape(String s) { return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false); }

    static String withoutGenerated(String html) {
        int start = html.indexOf(ErrorHtml.GENERATED_START);
        if (start < 0) return html;
        StringBuilder b = new StringBuilder(html.length());
        int from = 0;
        while (start >= 0) {
            int end = html.indexOf(ErrorHtml.GENERATED_END, start);
            if (end < 0) break;
            b.append(html, from, start);
            from = end + ErrorHtml.GENERATED_END.length();
            start = html.indexOf(ErrorHtml.GENERATED_START, from);
        }
        return b.append(html, from, html.length()).toString();
    }
}
