package dev.docsite.render;

import java.util.List;
import java.util.Map;

/**
 * What Asciidoctor made of one page body, before links are resolved for a version. Plain data so it
 * can be cached on disk and shared by versions whose input is the same.
 *
 * @param html     body HTML; links to other pages carry {@link Links#MARKER} until the site stage resolves them
 * @param anchors  every id in the HTML with its text (headings) or "" (other elements)
 * @param headings level-2 and level-3 sections, for the page's table of contents
 * @param errorIds catalog ids the page refers to through the error macros, with the body line
 * @param tables   the error tables the page shows, in body order
 * @param messages problems found while rendering: Asciidoctor's warnings and the extensions' errors
 * @param includes files pulled in with include:: or embedded as images (data-uri), with a hash of their bytes (for cache validity)
 */
public record RenderResult(String html, Map<String, String> anchors, List<Heading> headings,
                           List<Ref> errorIds, List<TableRef> tables, List<Message> messages,
                           Map<String, String> includes) {

    public record Heading(int level, String id, String title) {}

    /** An error-table:: macro: which catalog, for which audience ("admin" or "end-user"). */
    public record TableRef(String catalog, String audience) {
        public boolean forAdmins() { return "admin".equals(audience); }
    }

    /** A reference from the body (error id, xref target) and the body line it was written on. */
    public record Ref(String target, int line) {}

    /**
     * A problem at a body line (1-based; 0 = unknown) and column (0 = unknown), under a rule of the
     * registry, whose severity it takes. {@code file} is null for the page body, or the content-relative
     * path of an included file when the problem is inside it (line and column are then that file's).
     */
    public record Message(String rule, int line, int column, String text, String file) {
        public Message(String rule, int line, int column, String text) { this(rule, line, column, text, null); }
        public Message(String rule, int line, String text) { this(rule, line, 0, text, null); }
    }
}
