package dev.docsite.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line each value of a JSON document starts on, by JSON Pointer ("/settings/0/name"), so a schema
 * violation is reported at the line of the offending value rather than at the start of the example.
 */
final class JsonPositions {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final Map<String, Integer> lines;

    private JsonPositions(Map<String, Integer> lines) { this.lines = lines; }

    /** Positions of a document that already parsed; a document that does not parse maps nothing. */
    static JsonPositions of(String json) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            Deque<String> path = new ArrayDeque<>();     // pointer of the container being read
            Deque<int[]> index = new ArrayDeque<>();     // next array index, or {-1} inside an object
            String pending = "";                         // pointer of the value about to start
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = (path.isEmpty() ? "" : path.peek()) + "/" + escape(p.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pop();
                    index.pop();
                    continue;
                }
                String here = path.isEmpty() ? "" : index.peek()[0] >= 0 ? path.peek() + "/" + index.peek()[0]++ : pending;
                lines.putIfAbsent(here, p.currentTokenLocation().getLineNr());
                if (t == JsonToken.START_OBJECT) { path.push(here); index.push(new int[]{-1}); }
                else if (t == JsonToken.START_ARRAY) { path.push(here); index.push(new int[]{0}); }
            }
        } catch (IOException e) {
            return new JsonPositions(Map.of());
        }
        return new JsonPositions(lines);
    }

    /** 1-based line of the value at {@code pointer} within the document, or of its nearest existing parent; 0 if unknown. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 0;
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    private static String escape(String key) { return key.replace("~", "~0").replace("/", "~1"); }
}
