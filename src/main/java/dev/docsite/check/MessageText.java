package dev.docsite.check;

import dev.docsite.content.ErrorEntry;
import dev.docsite.content.Suggest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparing what a page quotes with what the catalog says a user reads. Two texts are the same when
 * they differ only in case, spacing, typographic quotes and apostrophes, and final punctuation; a
 * quote of part of a message, or one with its {placeholders} filled in, is the same too. Anything else
 * that is still close (see {@link #similarity}) has drifted.
 */
final class MessageText {
    /** At or above this similarity a quote that is not the message is reported as drift from it. */
    static final double DRIFT_THRESHOLD = 0.75;
    /** Shorter quotes are labels or fragments ("Enrollment Failed"), not messages. */
    static final int MIN_WORDS = 4;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE = Pattern.compile("^[\\s\"'`]+|[\\s\"'`.!?:;,…]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.?([A-Za-z_][A-Za-z0-9_]*)\\s*}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private MessageText() {}

    /** The comparable form: NFC, lower case, plain quotes and apostrophes, single spaces, no quotes or final punctuation at the edges. */
    static String normalize(String s) {
        if (s == null) return "";
        String t = Normalizer.normalize(s, Normalizer.Form.NFC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u00A0', ' ').toLowerCase(Locale.ROOT);
        t = SPACE.matcher(t).replaceAll(" ");
        return EDGE.matcher(t).replaceAll("");
    }

    /** Words of a normalized text. */
    static List<String> words(String normalized) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(normalized);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Placeholders in either syntax ({@code {name}} in the catalog, {@code {{.Name}}} in Go translations) become "{}". */
    static String neutralPlaceholders(String s) { return PLACEHOLDER.matcher(s).replaceAll("{}"); }

    /** A text prepared for many comparisons: normalized, its words counted. */
    record Text(String normalized, Map<String, Integer> wordCounts, int wordCount) {
        static Text of(String raw) {
            String n = normalize(raw);
            List<String> ws = words(n);
            return new Text(n, counts(ws), ws.size());
        }
    }

    /** One catalog text prepared for many comparisons. */
    record Known(ErrorEntry entry, String normalized, Text text, Pattern filled) {
        static Known of(ErrorEntry e, String raw) {
            Text t = Text.of(raw);
            return new Known(e, t.normalized(), t, filledPattern(t.normalized()));
        }

        /** Whether {@code quote} (normalized) is this text, part of it, contains it, or is it with placeholders filled in. */
        boolean matches(String quote) {
            if (quote.equals(normalized) || normalized.contains(quote) || quote.contains(normalized)) return true;
            return filled != null && filled.matcher(quote).find();
        }
    }

    /** A regex that matches the text with any value in place of each {placeholder}, or null when it has none. */
    private static Pattern filledPattern(String normalized) {
        Matcher m = PLACEHOLDER.matcher(normalized);
        if (!m.find()) return null;
        StringBuilder re = new StringBuilder();
        int last = 0;
        m.reset();
        while (m.find()) {
            re.append(Pattern.quote(normalized.substring(last, m.start()))).append(".+?");
            last = m.end();
        }
        re.append(Pattern.quote(normalized.substring(last)));
        return Pattern.compile(re.toString());
    }

    /**
     * How alike two texts are, from 0 to 1: the better of a word measure (Dice coefficient of the word
     * multisets: catches words swapped or replaced) and a character measure (1 - Levenshtein distance /
     * longer length: catches typos and small edits). The character measure is computed only when the
     * lengths allow it to reach the threshold and some words are shared, so long pages stay cheap.
     */
    static double similarity(Text a, Text b) {
        double dice = dice(a, b);
        int longer = Math.max(a.normalized().length(), b.normalized().length());
        if (longer == 0) return 1;
        double best = dice;
        if (dice >= 0.3 && Math.abs(a.normalized().length() - b.normalized().length()) <= (1 - DRIFT_THRESHOLD) * longer)
            best = Math.max(best, 1 - (double) Suggest.distance(a.normalized(), b.normalized()) / longer);
        return best;
    }

    static double dice(Text a, Text b) {
        if (a.wordCount() + b.wordCount() == 0) return 1;
        Map<String, Integer> small = a.wordCounts().size() <= b.wordCounts().size() ? a.wordCounts() : b.wordCounts();
        Map<String, Integer> large = small == a.wordCounts() ? b.wordCounts() : a.wordCounts();
        int common = 0;
        for (Map.Entry<String, Integer> w : small.entrySet()) {
            Integer c = large.get(w.getKey());
            if (c != null) common += Math.min(c, w.getValue());
        }
        return 2.0 * common / (a.wordCount() + b.wordCount());
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> m = new HashMap<>();
        for (String w : words) m.merge(w, 1, Integer::sum);
        return m;
    }
}
