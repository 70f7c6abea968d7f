package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one YAML mapping, checking keys and types and recording every problem with its
 * position. Missing or mistyped fields read as null so validation can go on and report the rest.
 */
public final class MapReader {
    private static final String R_TYPE = ContentRules.FIELD_TYPE.id(), R_UNKNOWN = ContentRules.UNKNOWN_KEY.id(),
            R_MISSING = ContentRules.MISSING_FIELD.id(), R_VALUE = ContentRules.FIELD_VALUE.id();
    private final YNode node;
    private final Problems problems;
    private final String what;

    /** Keys a misspelt key was taken for ("titel" for "title"): their absence is that one mistake, already reported. */
    private final java.util.Set<String> misspelt = new java.util.HashSet<>();

    private MapReader(YNode node, Problems problems, String what) {
        this.node = node; this.problems = problems; this.what = what;
    }

    /** Returns null (and records a problem) when {@code node} is not a mapping. */
    public static MapReader of(YNode node, Problems problems, String what, Collection<String> allowedKeys) {
        if (node.kind() != YNode.Kind.MAP) {
            problems.add(node.pos(), R_TYPE, "expected " + what + " to be a YAML mapping of keys ("
                    + String.join(", ", allowedKeys) + "), found " + node.describeKind());
            return null;
        }
        MapReader reader = new MapReader(node, problems, what);
        for (String key : node.entries().keySet()) {
            if (!allowedKeys.contains(key)) {
                String hint = Suggest.closest(key, allowedKeys);
                if (hint != null && !node.entries().containsKey(hint)) reader.misspelt.add(hint);
                problems.add(node.keyPos(key), R_UNKNOWN, "unknown key '" + key + "' in " + what
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + "; expected one of: " + String.join(", ", allowedKeys));
            }
        }
        return reader;
    }

    public YNode node() { return node; }
    public SourcePos pos() { return node.pos(); }
    public SourcePos pos(String key) { YNode v = node.get(key); return v != null ? v.pos() : node.pos(); }
    public SourcePos keyPos(String key) { return node.keyPos(key); }
    public boolean has(String key) { YNode v = node.get(key); return v != null && v.kind() != YNode.Kind.NULL; }

    /** Positions of every key written, for reports about a field. */
    public Map<String, SourcePos> fieldPositions() {
        Map<String, SourcePos> m = new LinkedHashMap<>();
        for (String k : node.entries().keySet()) m.put(k, node.keyPos(k));
        return m;
    }

    public String string(String key, boolean required) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) {
            if (required && !misspelt.contains(key)) problems.add(v == null ? node.pos() : v.pos(), R_MISSING, "missing required field '" + key + "' in " + what + " (expected text)");
            return null;
        }
        if (!v.isScalar() || v.kind() == YNode.Kind.BOOLEAN) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected text, found " + v.describeKind());
            return null;
        }
        if (required && v.text().isBlank()) {
            problems.add(v.pos(), R_MISSING, "field '" + key + "' in " + what + " is empty (expected text)");
            return null;
        }
        return v.text();
    }

    public Integer integer(String key, boolean required, int min, int max) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) {
            if (required && !misspelt.contains(key)) problems.add(node.pos(), R_MISSING, "missing required field '" + key + "' in " + what + " (expected a whole number)");
            return null;
        }
        Integer n = null;
        if (v.kind() == YNode.Kind.NUMBER) {
            try { n = Integer.valueOf(v.text()); } catch (NumberFormatException ignored) { }
        }
        if (n == null) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected a whole number, found "
                    + v.describeKind() + (v.text() != null ? " '" + v.text() + "'" : ""));
            return null;
        }
        if (n < min || n > max) {
            problems.add(v.pos(), R_VALUE, "field '" + key + "' in " + what + " is " + n + ": expected a number from " + min + " to " + max);
            return null;
        }
        return n;
    }

    public Boolean bool(String key) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) return null;
        if (v.kind() != YNode.Kind.BOOLEAN) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected true or false, found " + v.describeKind());
            return null;
        }
        return Boolean.valueOf(v.text());
    }

    /** One of {@code allowed}; records "expected one of" otherwise. */
    public String oneOf(String key, boolean required, List<String> allowed) {
        String s = string(key, required);
        if (s == null) return null;
        if (!allowed.contains(s)) {
            String hint = Suggest.closest(s, allowed);
            problems.add(pos(key), R_VALUE, "field '" + key + "' in " + what + " is '" + s + "': expected one of "
                    + String.join(", ", allowed) + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
            return null;
        }
        return s;
    }

    public List<String> strings(String key) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) return List.of();
        if (v.kind() != YNode.Kind.LIST) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected a list of text, found " + v.describeKind());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YNode item : v.items()) {
            if (!item.isScalar() || item.kind() == YNode.Kind.NULL) {
                problems.add(item.pos(), R_TYPE, "an item of '" + key + "' in " + what + " has the wrong type: expected text, found " + item.describeKind());
            } else out.add(item.text());
        }
        return out;
    }

    /** A list of mappings; returns the raw nodes for the caller to read. */
    public List<YNode> list(String key, boolean required) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) {
            if (required && !misspelt.contains(key)) problems.add(node.pos(), R_MISSING, "missing required field '" + key + "' in " + what + " (expected a list)");
            return List.of();
        }
        if (v.kind() != YNode.Kind.LIST) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected a list, found " + v.describeKind());
            return List.of();
        }
        return v.items();
    }

    /** A mapping of text to text (e.g. placeholders). */
    public Map<String, String> stringMap(String key) {
        YNode v = node.get(key);
        if (v == null || v.kind() == YNode.Kind.NULL) return Map.of();
        if (v.kind() != YNode.Kind.MAP) {
            problems.add(v.pos(), R_TYPE, "field '" + key + "' in " + what + " has the wrong type: expected a mapping, found " + v.describeKind());
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.entries().forEach((k, item) -> {
            if (!item.isScalar()) problems.add(item.pos(), R_TYPE, "'" + key + "." + k + "' in " + what + " has the wrong type: expected text");
            else out.put(k, item.text() == null ? "" : item.text());
        });
        return out;
    }
}
