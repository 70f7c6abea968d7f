package dev.docsite.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the position it was written at, so every message can name file:line:column. */
public final class YNode {
    public enum Kind { MAP, LIST, STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final SourcePos pos;
    private final String text;                       // scalar text as written (numbers keep "11.10")
    private final Map<String, YNode> map;            // MAP only, in written order
    private final Map<String, SourcePos> keyPos;     // MAP only
    private final List<YNode> list;                  // LIST only

    private YNode(Kind kind, SourcePos pos, String text, Map<String, YNode> map, Map<String, SourcePos> keyPos, List<YNode> list) {
        this.kind = kind; this.pos = pos; this.text = text; this.map = map; this.keyPos = keyPos; this.list = list;
    }

    static YNode scalar(Kind kind, SourcePos pos, String text) { return new YNode(kind, pos, text, null, null, null); }

    static YNode map(SourcePos pos, LinkedHashMap<String, YNode> map, Map<String, SourcePos> keyPos) {
        return new YNode(Kind.MAP, pos, null, map, keyPos, null);
    }

    static YNode list(SourcePos pos, List<YNode> list) { return new YNode(Kind.LIST, pos, null, null, null, list); }

    public Kind kind() { return kind; }
    public SourcePos pos() { return pos; }
    public String text() { return text; }
    public Map<String, YNode> entries() { return map; }
    public List<YNode> items() { return list; }
    public YNode get(String key) { return map == null ? null : map.get(key); }
    public SourcePos keyPos(String key) { return keyPos.getOrDefault(key, pos); }
    public boolean isScalar() { return kind != Kind.MAP && kind != Kind.LIST; }

    /** How the kind reads in an "expected X, found Y" message. */
    public String describeKind() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "nothing (null)";
        };
    }
}
