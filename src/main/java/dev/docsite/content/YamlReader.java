package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses YAML with Jackson into {@link YNode}s that remember where each value was written. */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /** Parses one YAML document; a syntax error becomes a problem at the line and column the parser stopped. */
    public static YNode parse(String text, String file) throws ContentException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new ContentException(new Problem(new SourcePos(file, 1, 1), ContentRules.YAML.id(), "the file is empty (expected a YAML mapping)"));
            List<Problem> dups = new ArrayList<>();
            YNode root = read(p, t, file, dups);
            if (!dups.isEmpty()) throw new ContentException(dups);
            return root;
        } catch (JsonProcessingException e) {
            throw new ContentException(new Problem(withinText(syntaxErrorPos(e, file), text), ContentRules.YAML.id(),
                    "YAML syntax error: " + cleanMessage(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ContentException(new Problem(SourcePos.of(file), ContentRules.YAML.id(), "cannot read: " + e.getMessage()));
        }
    }

    private static YNode read(JsonParser p, JsonToken t, String file, List<Problem> dups) throws IOException {
        SourcePos pos = pos(p, file);
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            // Jackson does not resolve aliases: "*t" would silently build as the text "t". Refused instead.
            dups.add(new Problem(pos, ContentRules.YAML.id(), "YAML alias '*" + p.getText() + "' is not supported: docsite does not "
                    + "resolve anchors and aliases, merge keys (<<: *name) included (expected the value written out in full)"));
            return YNode.scalar(YNode.Kind.NULL, pos, null);
        }
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YNode> m = new LinkedHashMap<>();
                Map<String, SourcePos> keys = new HashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    SourcePos kp = pos(p, file);
                    YNode value = read(p, p.nextToken(), file, dups);
                    if (m.containsKey(key)) {
                        dups.add(new Problem(kp, ContentRules.YAML.id(), "duplicate key '" + key + "' (first written at line " + keys.get(key).line() + ")"));
                        continue;
                    }
                    m.put(key, value);
                    keys.put(key, kp);
                }
                return YNode.map(pos, m, keys);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(p, t, file, dups));
                return YNode.list(pos, items);
            }
            case VALUE_STRING -> { return YNode.scalar(YNode.Kind.STRING, pos, p.getText()); }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> { return YNode.scalar(YNode.Kind.NUMBER, pos, p.getText()); }
            case VALUE_TRUE, VALUE_FALSE -> { return YNode.scalar(YNode.Kind.BOOLEAN, pos, p.getText()); }
            case VALUE_NULL -> { return YNode.scalar(YNode.Kind.NULL, pos, null); }
            default -> { return YNode.scalar(YNode.Kind.STRING, pos, p.getText()); }
        }
    }

    /**
     * Where the writer must look. SnakeYAML gives two marks: where it stopped (the problem) and, for
     * errors found while scanning a token, where that token began (the context). A key missing its ':'
     * or an unclosed quote or bracket is a mistake on the context's line, found only lines later; errors found
     * while parsing structure ("while parsing a block mapping") name the mapping's first line as context,
     * so there the problem mark is the place.
     */
    static SourcePos syntaxErrorPos(JsonProcessingException e, String file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                String context = m.getContext() == null ? "" : m.getContext();
                boolean opened = context.startsWith("while scanning") || context.startsWith("while parsing a flow");
                Mark at = opened && m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
                if (at != null) return new SourcePos(file, at.getLine() + 1, at.getColumn() + 1);
            }
        }
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr(), col = loc == null ? 0 : loc.getColumnNr();
        return new SourcePos(file, Math.max(line, 1), Math.max(col, 1));
    }

    /** A mistake found at the end of the file (an unclosed bracket) is shown on the last line written, not after it. */
    static SourcePos withinText(SourcePos at, String text) {
        List<String> lines = text.lines().toList();
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) last--;
        if (last == 0 || at.line() <= last) return at;
        return new SourcePos(at.file(), last, lines.get(last - 1).length());
    }

    private static SourcePos pos(JsonParser p, String file) {
        JsonLocation l = p.currentTokenLocation();
        return new SourcePos(file, l.getLineNr(), l.getColumnNr());
    }

    /** SnakeYAML messages repeat the snippet and position; keep the sentence a writer needs. */
    static String cleanMessage(String raw) {
        if (raw == null) return "unreadable YAML";
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("in 'reader'") || s.startsWith("in 'string'") || s.startsWith("^")) continue;
            if (s.startsWith("at [Source")) continue;
            if (!out.isEmpty()) {
                if (!s.matches("[a-z].*")) continue; // skip echoed source lines
                out.append("; ");
            }
            out.append(s.replaceAll(",? ?line \\d+, column \\d+:?", "").trim());
        }
        return out.toString();
    }
}
