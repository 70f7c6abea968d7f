package dev.docsite.render;

import dev.docsite.rules.SecurityRules;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds raw HTML passthroughs, which reach readers unescaped: passthrough blocks ({@code ++++}, a
 * {@code [pass]} paragraph) on the parsed document, and inline passthroughs ({@code pass:[...]},
 * {@code +++...+++}) in the source, since Asciidoctor replaces those before it builds the document.
 * Each is reported as security/raw-html at its body line; the build drops the findings when site.yaml
 * says {@code allow_raw_html: true}, so the render (and its cache entry) does not depend on the switch.
 */
final class RawHtml extends Treeprocessor implements RenderDependency {
    // Its findings depend on the body alone.
    @Override public java.util.List<String> markers() { return java.util.List.of(); }
    @Override public java.util.Set<Input> reads() { return java.util.Set.of(); }

    /** Attribute docsite sets on the passthrough blocks its own macros generate (error tables...). */
    static final String GENERATED = "docsite-generated";

    /** pass:[...] with no substitution that escapes HTML (c, n, specialchars, normal). */
    private static final Pattern INLINE_PASS = Pattern.compile("(?<![\\\\\\w])pass:([a-z,+-]*)\\[");
    private static final Pattern TRIPLE_PLUS = Pattern.compile("(?<!\\\\)\\+\\+\\+(?!\\+).*?\\+\\+\\+");
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|/{4,}|\\+{4,}|`{3,}.*)\\s*$");

    static Map<String, Object> generated() { return Map.of(GENERATED, "true"); }

    @Override public Document process(Document document) {
        RenderInput.Current cur = RenderInput.current();
        String body = cur.page().body();
        if (!body.contains("+++") && !body.contains("pass") && !body.contains("include::")) return document;
        for (StructuralNode block : document.findBy(Map.of("context", ":pass"))) {
            if (block.hasAttribute(GENERATED)) continue;
            Extensions.error(Extensions.line(block), SecurityRules.RAW_HTML.id(),
                    "raw HTML passthrough block refused: its HTML would reach readers unescaped (write AsciiDoc instead, or set allow_raw_html: true in site.yaml for a trusted project)");
        }
        for (int line : inlineLines(cur.bodyLines()))
            Extensions.error(line, SecurityRules.RAW_HTML.id(), inlineMessage());
        return document;
    }

    static String inlineMessage() {
        return "raw HTML inline passthrough (pass:[...] or +++...+++) refused: its HTML would reach readers unescaped "
                + "(use `text` or pass:c[...], or set allow_raw_html: true in site.yaml for a trusted project)";
    }

    /**
     * 1-based lines holding an inline passthrough that emits raw HTML, outside verbatim blocks (listing,
     * literal, comment, passthrough blocks: the last are found on the document) and line comments.
     */
    static List<Integer> inlineLines(String[] lines) {
        List<Integer> out = new ArrayList<>();
        String open = null;   // delimiter of the verbatim block we are in
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            Matcher d = DELIMITER.matcher(trimmed);
            if (d.matches()) {
                String delim = trimmed.startsWith("```") ? "```" : trimmed;
                if (open == null) open = delim;
                else if (open.equals(delim)) open = null;
                continue;
            }
            if (open != null || trimmed.startsWith("//")) continue;
            if (hasRawInline(line)) out.add(i + 1);
        }
        return out;
    }

    static boolean hasRawInline(String line) {
        if (line.contains("+++") && TRIPLE_PLUS.matcher(line).find()) return true;
        if (!line.contains("pass:")) return false;
        Matcher m = INLINE_PASS.matcher(line);
        while (m.find()) {
            boolean escapes = false;
            for (String sub : m.group(1).split("[,+]"))
                if (sub.equals("c") || sub.equals("n") || sub.equals("specialchars") || sub.equals("specialcharacters") || sub.equals("normal")) escapes = true;
            if (!escapes) return true;
        }
        return false;
    }
}
