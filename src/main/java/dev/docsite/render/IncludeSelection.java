package dev.docsite.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an included file that {@code include::} selects with {@code lines=}, {@code tag=} or
 * {@code tags=}: a port of Asciidoctor 2.0's PreprocessorReader#preprocess_include_directive (same
 * selection rules, same warnings), because docsite reads includes itself from the content source
 * (a folder or a git revision) instead of letting Asciidoctor read the disk.
 *
 * @param lines    the selected lines, in order, without line terminators
 * @param numbers  the 1-based line number in the file of each selected line
 * @param warnings Asciidoctor's warnings about the tags, each at a line of the included file (line &gt; 0)
 *                 or at the include directive (line 0)
 */
record IncludeSelection(List<String> lines, int[] numbers, List<Warning> warnings) {

    record Warning(int line, String text) {}

    /** Asciidoctor's TagDirectiveRx: {@code tag::name[]} or {@code end::name[]} followed by the end of line or a space. */
    private static final Pattern TAG_DIRECTIVE = Pattern.compile("\\b(?:tag|(e)nd)::(\\S+?)\\[\\](?=$|[ \\r])");

    /** The first selected line (what pushInclude is given so Asciidoctor's line numbers start right), or 1. */
    int firstLine() { return numbers.length == 0 ? 1 : numbers[0]; }

    boolean isEmpty() { return lines.isEmpty(); }

    String text() { return String.join("\n", lines); }

    /** Whether a selection applies: {@code lines}, {@code tag} or {@code tags} is given (lines wins, then tag, as in Asciidoctor). */
    static boolean applies(Map<String, Object> attributes) {
        return attributes.containsKey("lines") || attributes.containsKey("tag") || attributes.containsKey("tags");
    }

    /** Selects from {@code text} as Asciidoctor does; {@code name} is how the file is named in warnings. */
    static IncludeSelection select(String text, Map<String, Object> attributes, String name) {
        List<String> all = splitLines(text);
        if (attributes.containsKey("lines")) {
            List<Long> wanted = lineNumbers(String.valueOf(attributes.get("lines")));
            if (!wanted.isEmpty()) return byLines(all, wanted);
        } else if (attributes.containsKey("tag")) {
            String tag = String.valueOf(attributes.get("tag"));
            if (!tag.isEmpty() && !tag.equals("!")) {
                Map<String, Boolean> tags = new LinkedHashMap<>();
                if (tag.startsWith("!")) tags.put(tag.substring(1), false); else tags.put(tag, true);
                return byTags(all, tags, name);
            }
        } else if (attributes.containsKey("tags")) {
            Map<String, Boolean> tags = new LinkedHashMap<>();
            for (String def : splitDelimited(String.valueOf(attributes.get("tags")))) {
                if (def.isEmpty() || def.equals("!")) continue;
                if (def.startsWith("!")) tags.put(def.substring(1), false); else tags.put(def, true);
            }
            if (!tags.isEmpty()) return byTags(all, tags, name);
        }
        int[] numbers = new int[all.size()];
        for (int i = 0; i < numbers.length; i++) numbers[i] = i + 1;
        return new IncludeSelection(all, numbers, List.of());
    }

    /** Ruby's each_line: a final newline does not start another line. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            out.add(line);
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out;
    }

    /** Asciidoctor's split_delimited_value: commas when there are any, otherwise semicolons. */
    static List<String> splitDelimited(String value) {
        return List.of(value.contains(",") ? value.split(",", -1) : value.split(";", -1));
    }

    /** Ruby's String#to_i: the leading integer, 0 when there is none. */
    private static long toI(String s) {
        Matcher m = Pattern.compile("^\\s*([+-]?\\d+)").matcher(s);
        if (!m.find()) return 0;
        try { return Long.parseLong(m.group(1)); } catch (NumberFormatException e) { return Long.MAX_VALUE; }
    }

    /** Line numbers (sorted, distinct); {@link Long#MAX_VALUE} stands for Ruby's Float::INFINITY ("to the end"). */
    static List<Long> lineNumbers(String spec) {
        Set<Long> out = new java.util.TreeSet<>();
        for (String def : splitDelimited(spec)) {
            int dots = def.indexOf("..");
            if (dots >= 0) {
                long from = toI(def.substring(0, dots));
                String toText = def.substring(dots + 2);
                long to = toText.isEmpty() ? -1 : toI(toText);
                if (toText.isEmpty() || to < 0) { out.add(from); out.add(Long.MAX_VALUE); }
                else for (long n = from; n <= to && n - from < 1_000_000; n++) out.add(n);
            } else {
                out.add(toI(def));
            }
        }
        return new ArrayList<>(out);
    }

    private static IncludeSelection byLines(List<String> all, List<Long> wanted) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>(wanted);
        boolean remaining = false;
        for (int i = 0; i < all.size(); i++) {
            int lineno = i + 1;
            Long select = queue.peekFirst();
            if (remaining || (select != null && select == Long.MAX_VALUE)) {
                remaining = true;
                lines.add(all.get(i));
                numbers.add(lineno);
            } else {
                if (select != null && select == lineno) {
                    lines.add(all.get(i));
                    numbers.add(lineno);
                    queue.pollFirst();
                }
                if (queue.isEmpty()) break;
            }
        }
        return new IncludeSelection(lines, numbers.stream().mapToInt(Integer::intValue).toArray(), List.of());
    }

    private record Open(String tag, Boolean select, int line) {}

    private static IncludeSelection byTags(List<String> all, Map<String, Boolean> tags, String name) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Open> stack = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        String active = null;
        Boolean select, baseSelect, wildcard = null;
        if (tags.containsKey("**")) {
            select = baseSelect = tags.remove("**");
            if (tags.containsKey("*")) wildcard = tags.remove("*");
            else if (!select && !tags.isEmpty() && Boolean.FALSE.equals(tags.values().iterator().next())) wildcard = true;
        } else if (tags.containsKey("*")) {
            if (tags.keySet().iterator().next().equals("*")) {
                wildcard = tags.remove("*");
                select = baseSelect = !wildcard;
            } else {
                select = baseSelect = false;
                wildcard = tags.remove("*");
            }
        } else {
            select = baseSelect = !tags.containsValue(true);
        }
        for (int i = 0; i < all.size(); i++) {
            String l = all.get(i);
            int lineno = i + 1;
            Matcher m;
            if (l.contains("::") && l.contains("[]") && (m = TAG_DIRECTIVE.matcher(l)).find()) {
                String tag = m.group(2);
                if (m.group(1) != null) {   // end tag
                    if (tag.equals(active)) {
                        stack.remove(stack.size() - 1);
                        if (stack.isEmpty()) { active = null; select = baseSelect; }
                        else { Open top = stack.get(stack.size() - 1); active = top.tag(); select = top.select(); }
                    } else if (tags.containsKey(tag)) {
                        int idx = -1;
                        for (int k = stack.size() - 1; k >= 0; k--) if (stack.get(k).tag().equals(tag)) { idx = k; break; }
                        if (idx >= 0) {
                            stack.remove(idx);
                            warnings.add(new Warning(lineno, "mismatched end tag (expected '" + active + "' but found '" + tag
                                    + "') at line " + lineno + " of include file: " + name));
                        } else {
                            warnings.add(new Warning(lineno, "unexpected end tag '" + tag + "' at line " + lineno + " of include file: " + name));
                        }
                    }
                } else if (tags.containsKey(tag)) {
                    select = tags.get(tag);
                    if (select) selected.add(tag);
                    stack.add(new Open(active = tag, select, lineno));
                } else if (wildcard != null) {
                    select = active != null && !select ? false : wildcard;
                    stack.add(new Open(active = tag, select, lineno));
                }
            } else if (select) {
                lines.add(l);
                numbers.add(lineno);
            }
        }
        for (Open o : stack)
            warnings.add(new Warning(o.line(), "detected unclosed tag '" + o.tag() + "' starting at line " + o.line() + " of include file: " + name));
        List<String> missing = new ArrayList<>();
        tags.forEach((t, want) -> { if (want && !selected.contains(t)) missing.add(t); });
        if (!missing.isEmpty())
            warnings.add(new Warning(0, "tag" + (missing.size() > 1 ? "s" : "") + " '" + String.join(", ", missing) + "' not found in include file: " + name));
        return new IncludeSelection(lines, numbers.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(warnings));
    }
}
