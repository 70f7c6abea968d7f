package dev.docsite.check;

import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ContentSet;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.SourcePos;
import dev.docsite.report.Finding;
import dev.docsite.rules.StyleRules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writers' word list (site.yaml {@code terms:}): every phrase to avoid that reader text uses is a
 * {@code style/term} warning at its line. Reader text is what writers wrote for readers: page titles,
 * summaries and bodies (without listings, literal blocks, comments and `code`), and the catalog's
 * prose fields. The product's own strings (user_title, user_message) are quoted verbatim and not judged.
 */
public final class TermsCheck {
    /** Catalog fields writers write for readers; user_title and user_message are the product's text. */
    static final List<String> CATALOG_FIELDS = List.of("scenario", "user_meaning", "user_action", "cause", "resolution");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private TermsCheck() {}

    private record Compiled(SiteConfig.Term term, String phrase, Pattern pattern) {}

    public static List<Finding> check(ContentSet content) {
        List<Compiled> terms = compile(content.config().terms());
        if (terms.isEmpty()) return List.of();
        List<Finding> out = new ArrayList<>();
        for (Page p : content.pages()) {
            List<String> source = sourceLines(content, p.path());
            scan(terms, p.title(), keyPos(p, source, "title"), out);
            scan(terms, p.summary(), keyPos(p, source, "summary"), out);
            String[] lines = p.body() == null ? new String[0] : p.body().split("\n", -1);
            String delimiter = null;   // the open listing or literal block, whose text is not prose
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (delimiter != null) { if (line.equals(delimiter)) delimiter = null; continue; }
                if (line.matches("-{4,}|\\.{4,}|/{4,}|\\+{4,}")) { delimiter = line; continue; }
                if (line.startsWith("//")) continue;
                scan(terms, INLINE_CODE.matcher(lines[i]).replaceAll(" "), p.bodyPos(i + 1), out);
            }
        }
        for (ErrorCatalog c : content.catalogs()) {
            scan(terms, c.title(), c.pos(), out);
            for (ErrorEntry e : c.errors()) {
                Map<String, String> fields = Map.of("scenario", nz(e.scenario()), "user_meaning", nz(e.userMeaning()),
                        "user_action", nz(e.userAction()), "cause", nz(e.cause()), "resolution", nz(e.resolution()));
                for (String f : CATALOG_FIELDS) scan(terms, INLINE_CODE.matcher(fields.get(f)).replaceAll(" "), e.posOf(f), out);
            }
        }
        return out;
    }

    private static List<Compiled> compile(List<SiteConfig.Term> terms) {
        List<Compiled> out = new ArrayList<>();
        for (SiteConfig.Term t : terms)
            for (String phrase : t.avoid()) {
                // Whole words only; the spaces inside a phrase match any run of white space (text wraps).
                String body = Pattern.quote(phrase.strip()).replaceAll("\\s+", "\\\\E\\\\s+\\\\Q");
                int flags = t.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                out.add(new Compiled(t, phrase.strip(), Pattern.compile("(?<![\\p{L}\\p{N}_])" + body + "(?![\\p{L}\\p{N}_])", flags)));
            }
        return out;
    }

    private static void scan(List<Compiled> terms, String text, SourcePos at, List<Finding> out) {
        if (text == null || text.isEmpty()) return;
        for (Compiled c : terms) {
            Matcher m = c.pattern().matcher(text);
            if (!m.find()) continue;
            SiteConfig.Term t = c.term();
            out.add(Finding.of(StyleRules.TERM, at, "\"" + m.group() + "\" is a term to avoid (site.yaml:" + t.pos().line() + "): " + t.reason()
                    + (t.use() != null ? " (expected: " + t.use() + ")" : "")));
        }
    }

    /** The line of a page's top-level key, found in its source; the page's own position when not found. */
    private static SourcePos keyPos(Page p, List<String> source, String key) {
        for (int i = 0; i < source.size(); i++)
            if (source.get(i).startsWith(key + ":")) return new SourcePos(p.pos().file(), i + 1, 1);
        return p.pos();
    }

    private static List<String> sourceLines(ContentSet content, String path) {
        try {
            return content.source().read(path).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
