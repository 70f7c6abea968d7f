package dev.docsite.content;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that finds which body line something was written on, so a finding about rendered HTML
 * (a macro, a table, a quoted phrase, an id) can name the page's YAML line through {@link Page#bodyPos}.
 * Rendered HTML carries no source lines; these searches look for what the writer typed, and skip blocks
 * shown as code ({@link Verbatim}), where a look-alike is not the page's own. Every method returns a
 * 1-based body line, or 0 when the text is not in the body (e.g. it came from an include).
 */
public final class BodyLines {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    private final Page page;
    private String[] lines;              // split on first use: most pages never need a line
    private boolean[] verbatim;          // lines inside listing, literal, passthrough and comment blocks
    private List<Integer> wordLine;      // the body's words in order, with the line each is on
    private List<String> wordText;

    private final java.util.Map<String, Integer> macroLines = new java.util.HashMap<>();   // last line each macro was found on

    public BodyLines(Page page) { this.page = page; }

    private String[] lines() {
        if (lines == null) lines = page.body().split("\n", -1);
        return lines;
    }

    /** Whether a line is inside a block shown as code: a macro or table written there is not the page's. */
    private boolean verbatim(int i) {
        if (verbatim == null) verbatim = Verbatim.lines(lines());
        return verbatim[i];
    }

    /** Line of the {@code occurrence}-th (0-based) line that starts with {@code prefix} (after indentation). */
    public int lineStartingWith(String prefix, int occurrence) {
        String[] lines = lines();
        int seen = 0, first = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].stripLeading().startsWith(prefix) || verbatim(i)) continue;
            if (first == 0) first = i + 1;
            if (seen++ == occurrence) return i + 1;
        }
        return first;
    }

    /**
     * Line of the {@code occurrence}-th (0-based) mention of {@code text} inside a {@code |===} table, or of
     * the first mention anywhere when the tables do not have that many.
     */
    public int lineInTable(String text, int occurrence) {
        String[] lines = lines();
        boolean inTable = false;
        int seen = 0, firstInTable = 0;
        for (int i = 0; i < lines.length; i++) {
            if (verbatim(i)) continue;
            String l = lines[i].strip();
            if (l.startsWith("|===")) { inTable = !inTable; continue; }
            if (inTable && lines[i].contains(text)) {
                if (firstInTable == 0) firstInTable = i + 1;
                if (seen++ == occurrence) return i + 1;
            }
        }
        return firstInTable != 0 ? firstInTable : lineContaining(text);
    }

    public int lineContaining(String text) {
        String[] lines = lines();
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        return 0;
    }

    /**
     * Line where {@code phrase} starts, comparing words only: the writer may have wrapped it over several
     * lines or marked it up ({@code *bold*}, {@code "`quotes`"}) in ways the rendered text no longer shows.
     */
    public int lineOfPhrase(String phrase) {
        List<String> want = new ArrayList<>();
        Matcher m = WORD.matcher(normalizeApostrophes(phrase).toLowerCase(Locale.ROOT));
        while (m.find()) want.add(m.group());
        if (want.isEmpty()) return 0;
        indexWords();
        outer:
        for (int i = 0; i + want.size() <= wordText.size(); i++) {
            for (int k = 0; k < want.size(); k++) if (!wordText.get(i + k).equals(want.get(k))) continue outer;
            return wordLine.get(i);
        }
        // Not found word for word (an attribute or a macro produced part of it): the first three words will do.
        if (want.size() > 3) return lineOfPhrase(String.join(" ", want.subList(0, 3)));
        return 0;
    }

    private void indexWords() {
        if (wordLine != null) return;
        wordLine = new ArrayList<>();
        wordText = new ArrayList<>();
        String[] lines = lines();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = WORD.matcher(normalizeApostrophes(lines[i]).toLowerCase(Locale.ROOT));
            while (m.find()) {
                wordLine.add(i + 1);
                wordText.add(m.group());
            }
        }
    }

    /**
     * Line of {@code macro} as written (e.g. "error:some.id[") at or after {@code from}: Asciidoctor gives
     * block macros their parent's line and inline macros their paragraph's first line. The n-th use of the
     * same macro is placed on its own line: each call continues after the line the previous one found.
     */
    public int lineOfMacro(String macro, int from) {
        String[] lines = lines();
        int start = Math.max(Math.max(from, 1), macroLines.getOrDefault(macro, 0) + 1);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = start - 1; i < lines.length; i++) {
                if (lines[i].contains(macro) && !verbatim(i)) {
                    macroLines.put(macro, i + 1);
                    return i + 1;
                }
            }
            start = 1;   // written before the block's line (attribute lines, includes): the first use will do
        }
        return from;
    }

    /** The line {@link #lineOfMacro} last found {@code macro} on, or {@code otherwise} when it found none. */
    public int lastLineOfMacro(String macro, int otherwise) { return macroLines.getOrDefault(macro, otherwise); }

    /**
     * Line of an explicit anchor for {@code id} ({@code second}: of its second definition), else of a
     * heading that would get it.
     */
    public int lineOfId(String id, boolean second) {
        String[] lines = lines();
        String[] forms = {"[[" + id + "]]", "[[" + id + ",", "[#" + id + "]", "[#" + id + ".", "[#" + id + "%", "[#" + id + ",",
                "anchor:" + id + "[", "id=" + id + "]", "id=" + id + ",", "id=\"" + id + "\""};
        int first = 0;
        for (int i = 0; i < lines.length; i++) {
            if (verbatim(i)) continue;
            for (String f : forms) {
                if (lines[i].contains(f)) {
                    if (!second || first > 0) return i + 1;
                    first = i + 1;
                    break;
                }
            }
        }
        if (first > 0 && !second) return first;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (verbatim(i)) continue;
            if (l.startsWith("=") && l.replaceFirst("^=+\\s+", "").strip().toLowerCase().replaceAll("[^\\p{L}\\p{N}_\\s.-]", "")
                    .replaceAll("[\\s.-]+", "-").replaceAll("^-|-$", "").equals(id)) {
                if (first == 0) return i + 1;
                return Math.max(first, i + 1);
            }
        }
        return first > 0 ? first : 1;
    }

    static String normalizeApostrophes(String s) { return s.replace('\u2019', '\'').replace('\u2018', '\''); }
}
