package dev.docsite.check;

import dev.docsite.content.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the body line a finding about rendered HTML came from, so it can name the page's YAML line.
 * Rendered HTML carries no source lines; these searches look for what the writer typed. Every method
 * returns a 1-based body line, or 0 when the text is not in the body (e.g. it came from an include).
 */
final class SourceLines {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    private final Page page;
    private String[] lines;              // split on first use: most pages never need a line
    private boolean[] verbatim;          // lines inside listing, literal, passthrough and comment blocks
    private List<Integer> wordLine;      // the body's words in order, with the line each is on
    private List<String> wordText;

    SourceLines(Page page) { this.page = page; }

    private String[] lines() {
        if (lines == null) lines = page.body().split("\n", -1);
        return lines;
    }

    /** Whether a line is inside a block shown as code: a macro or table written there is not the page's. */
    private boolean verbatim(int i) {
        if (verbatim == null) verbatim = dev.docsite.render.Verbatim.lines(lines());
        return verbatim[i];
    }

    /** Line of the {@code occurrence}-th (0-based) line that starts with {@code prefix} (after indentation). */
    int lineStartingWith(String prefix, int occurrence) {
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
    int lineInTable(String text, int occurrence) {
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

    int lineContaining(String text) {
        String[] lines = lines();
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        return 0;
    }

    /**
     * Line where {@code phrase} starts, comparing words only: the writer may have wrapped it over several
     * lines or marked it up ({@code *bold*}, {@code "`quotes`"}) in ways the rendered text no longer shows.
     */
    int lineOfPhrase(String phrase) {
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

    static String normalizeApostrophes(String s) { return s.replace('\u2019', '\'').replace('\u2018', '\''); }
}
