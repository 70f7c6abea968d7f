package dev.docsite.catalog;

import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ErrorCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML generated from the catalog: error tables, HTTP response examples and user messages. The only
 * place catalog entries become HTML, so every table on the site has the same shape and the checks can
 * read it back.
 */
public final class ErrorHtml {
    /** Labels of the admin reference's fields ({@link #ADMIN_FIELDS}), as findings name them. */
    public static final List<String> ADMIN_COLUMNS = List.of("Error ID", "HTTP", "Layer", "Scenario", "User message", "Automatic retry",
            "User options", "Fallback", "Cause", "Resolution");
    public static final List<String> END_USER_COLUMNS = List.of("What you see", "What it means", "What to do");
    private static final Pattern PLACEHOLDER = CatalogRules.PLACEHOLDER_USE;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Around every piece of generated HTML, so checks that look at what writers typed can leave it out
     * without parsing the page (the generated text is the catalog itself).
     */
    public static final String GENERATED_START = "<!--docsite:catalog-->", GENERATED_END = "<!--/docsite:catalog-->";

    private ErrorHtml() {}

    private static String generated(String html) { return GENERATED_START + html + GENERATED_END + "\n"; }

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The catalog field behind each admin field, in order; every one is read back by the checks. */
    public static final List<String> ADMIN_FIELDS = List.of("id", "http", "layer", "scenario", "user_message", "retry", "user_options",
            "fallback", "cause", "resolution");
    public static final List<String> END_USER_FIELDS = List.of("user_message", "user_meaning", "user_action");

    /** Admin fields as plain text, in {@link #ADMIN_FIELDS} order: what the reference shows and what the checks compare. "" = not shown. */
    public static List<String> adminCells(ErrorEntry e) {
        return List.of(e.id(), httpText(e), e.layer().label, nz(e.scenario()), shownText(e, true),
                e.retry() == ErrorEntry.Retry.ONCE ? "Once" : "No", optionsText(e),
                e.fallback() == ErrorEntry.Fallback.WEB_SSO ? "Web SSO" : "None", nz(e.cause()), nz(e.resolution()));
    }

    /** End-user cells as plain text, in column order: each one written in the catalog. */
    public static List<String> endUserCells(ErrorEntry e) {
        return List.of(shownText(e, true), filled(e.userMeaning(), e.placeholders()), filled(e.userAction(), e.placeholders()));
    }

    /** "HTTP 400", "HTTP status not published" ({@code http: unknown}), or "" for errors that have no status. */
    public static String httpText(ErrorEntry e) {
        if (e.httpUnknown()) return "HTTP status not published";
        return e.http() == null ? "" : "HTTP " + e.http();
    }

    /** The choices the alert offers, as their buttons read ("Retry, Log out"), or "" when it offers none. */
    public static String optionsText(ErrorEntry e) {
        return String.join(", ", e.userOptions().stream().map(o -> o.label).toList());
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** What the user reads: "Title: message", the message alone, or "(silent)", with {placeholders} as written. */
    public static String shownText(ErrorEntry e) { return shownText(e, false); }

    /** As {@link #shownText(ErrorEntry)}; with {@code filled}, each {placeholder} replaced by its declared sample. */
    public static String shownText(ErrorEntry e, boolean filled) {
        String title = filled && e.userTitle() != null ? filled(e.userTitle(), e.placeholders()) : e.userTitle();
        String message = filled && !e.silent() ? filled(e.userMessage(), e.placeholders()) : e.userMessage();
        if (e.silent()) return title != null ? title : "(silent)";
        return title != null ? title + ": " + message : message;
    }

    /** {@code text} with each declared {name} replaced by the sample readers see in its place. */
    public static String filled(String text, Map<String, String> placeholders) {
        if (text == null) return "";
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(placeholders.getOrDefault(m.group(1), m.group())));
        m.appendTail(b);
        return b.toString();
    }

    /**
     * {@code text} as HTML: escaped, each declared {name} shown as a marked sample (a var element the
     * stylesheet sets apart and whose title says the app fills it in), never as the raw {name}.
     */
    public static String textHtml(String text, Map<String, String> placeholders) {
        if (text == null) return "";
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String sample = placeholders.get(m.group(1));
            if (sample == null) continue;
            b.append(esc(text.substring(last, m.start()))).append("<var class=\"placeholder\" data-placeholder=\"").append(esc(m.group(1)))
                    .append("\" title=\"").append(esc("Filled in by the app: " + sample)).append("\">").append(esc(sample)).append("</var>");
            last = m.end();
        }
        return b.append(esc(text.substring(last))).toString();
    }

    private static String shownHtml(ErrorEntry e) {
        if (e.silent()) return "<em>" + esc(shownText(e, true)) + "</em>";
        String msg = textHtml(e.userMessage(), e.placeholders());
        return e.userTitle() == null ? msg : "<strong>" + textHtml(e.userTitle(), e.placeholders()) + ":</strong> " + msg;
    }

    /**
     * An error id that wraps between its dot-separated parts: each part is an inline block (kept whole
     * while it fits a line) with a break opportunity after it. Only a part longer than a whole line
     * breaks, and then between its underscore-joined words, never inside a word.
     */
    static String idHtml(String id) {
        StringBuilder b = new StringBuilder();
        String[] parts = id.split("(?<=\\.)");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append("<wbr>");
            b.append("<span class=\"id-part\">").append(esc(parts[i]).replace("_", "_<wbr>")).append("</span>");
        }
        return b.toString();
    }

    /** End users never see silent errors, so their table leaves them out. */
    public static List<ErrorEntry> rowsFor(String audience, List<ErrorEntry> entries) {
        if (!"end-user".equals(audience)) return entries;
        return entries.stream().filter(e -> !e.silent()).toList();
    }

    /**
     * The catalog for one audience. Administrators get a reference: one block per entry (the id as a
     * heading of {@code headingLevel} carrying the #err- anchor, status and layer as badges, the message,
     * the retry/options/fallback facts, then cause and resolution at full width), which reads at any
     * width. End users get a three-column table (What you see / What it means / What to do) that the
     * stylesheet stacks on a phone.
     */
    public static String table(ErrorCatalog catalog, String audience, List<ErrorEntry> entries, int headingLevel) {
        boolean admin = !"end-user".equals(audience);
        StringBuilder b = new StringBuilder(4096);
        b.append("<div class=\"error-table").append(admin ? " error-reference" : "").append("\" data-catalog=\"").append(esc(catalog.id()))
                .append("\" data-audience=\"").append(admin ? "admin" : "end-user").append("\">\n");
        if (admin) adminBlocks(b, catalog, entries, Math.max(2, Math.min(6, headingLevel)));
        else endUserTable(b, catalog, entries);
        b.append("</div>");
        return generated(b.toString());
    }

    private static void adminBlocks(StringBuilder b, ErrorCatalog catalog, List<ErrorEntry> entries, int h) {
        b.append("<p class=\"error-reference-title\">").append(esc(catalog.title())).append("</p>\n");
        for (ErrorEntry e : entries) {
            List<String> cells = adminCells(e);
            b.append("<section class=\"error-entry\" id=\"").append(e.anchor()).append("\" data-error-id=\"").append(esc(e.id())).append('"');
            if (e.http() != null) b.append(" data-http=\"").append(e.http()).append('"');
            b.append(">\n<h").append(h).append(" class=\"error-id\"><a class=\"error-anchor\" href=\"#").append(e.anchor())
                    .append("\"><code data-field=\"id\">").append(idHtml(e.id())).append("</code></a></h").append(h).append(">\n");
            b.append("<p class=\"error-badges\">");
            if (!cells.get(1).isEmpty())
                b.append("<span class=\"badge badge-http").append(e.httpUnknown() ? " badge-unknown" : "").append("\" data-field=\"http\">")
                        .append(esc(cells.get(1))).append("</span> ");
            b.append("<span class=\"badge badge-layer\" data-field=\"layer\">").append(esc(cells.get(2))).append("</span></p>\n");
            b.append("<p class=\"error-scenario\" data-field=\"scenario\">").append(esc(cells.get(3))).append("</p>\n");
            b.append("<dl class=\"error-facts\">");
            fact(b, "User message", "user_message", "message", shownHtml(e));
            fact(b, "Automatic retry", "retry", null, esc(cells.get(5)));
            if (!cells.get(6).isEmpty()) fact(b, "User options", "user_options", null, esc(cells.get(6)));
            fact(b, "Fallback", "fallback", null, esc(cells.get(7)));
            b.append("</dl>\n<dl class=\"error-prose\">");
            fact(b, "Cause", "cause", null, esc(cells.get(8)));
            fact(b, "Resolution", "resolution", null, esc(cells.get(9)));
            b.append("</dl>\n</section>\n");
        }
    }

    private static void fact(StringBuilder b, String label, String field, String cls, String html) {
        b.append("<div><dt>").append(esc(label)).append("</dt><dd data-field=\"").append(field).append('"')
                .append(cls == null ? "" : " class=\"" + cls + "\"").append('>').append(html).append("</dd></div>");
    }

    private static void endUserTable(StringBuilder b, ErrorCatalog catalog, List<ErrorEntry> entries) {
        b.append("<table class=\"tableblock frame-all grid-all stretch errors\">\n<caption class=\"title\">").append(esc(catalog.title()))
                .append("</caption>\n<thead><tr>");
        for (String c : END_USER_COLUMNS) b.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (ErrorEntry e : rowsFor("end-user", entries)) {
            b.append("<tr class=\"error-entry\" id=\"").append(e.anchor()).append("\" data-error-id=\"").append(esc(e.id())).append("\"");
            if (e.http() != null) b.append(" data-http=\"").append(e.http()).append('"');
            b.append('>');
            b.append("<td class=\"message\" data-field=\"user_message\" data-label=\"").append(esc(END_USER_COLUMNS.get(0))).append("\">").append(shownHtml(e)).append("</td>");
            b.append("<td data-field=\"user_meaning\" data-label=\"").append(esc(END_USER_COLUMNS.get(1))).append("\">").append(textHtml(e.userMeaning(), e.placeholders())).append("</td>");
            b.append("<td data-field=\"user_action\" data-label=\"").append(esc(END_USER_COLUMNS.get(2))).append("\">").append(textHtml(e.userAction(), e.placeholders())).append("</td>");
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** The server's error body for a catalog entry: the shape Mattermost returns (id, message, status_code). */
    public static String responseJson(ErrorEntry e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", e.id());
        body.put("message", e.userMessage() == null ? "" : e.userMessage());
        body.put("detailed_error", "");
        body.put("request_id", "<request id>");
        if (e.http() != null) body.put("status_code", e.http());
        else body.putNull("status_code");
        try { return JSON.writeValueAsString(body); } catch (Exception ex) { throw new IllegalStateException(ex); }
    }

    public static String response(ErrorEntry e) {
        // http: unknown: the status line says so rather than guessing one.
        String status = e.http() == null ? "<status not published>" : e.http() + " " + reason(e.http());
        return generated("<div class=\"listingblock live-example error-response\" data-error-id=\"" + esc(e.id()) + "\">\n"
                + "<div class=\"title\">HTTP response for <code>" + esc(e.id()) + "</code></div>\n"
                + "<div class=\"content\"><pre class=\"highlight\"><code class=\"language-http\" data-lang=\"http\">"
                + esc("HTTP/1.1 " + status + "\nContent-Type: application/json\n\n" + responseJson(e))
                + "</code></pre></div>\n</div>\n" + PASTE_RESPONSE);
    }

    /**
     * "Paste a response" under a response example: the page loads the lookup (templates/assets/live.js)
     * when a reader opens it and answers from this version's errors.js.
     */
    static final String PASTE_RESPONSE = "<div class=\"live-tools\" data-live=\"response\">"
            + "<button type=\"button\" class=\"live-open\" aria-expanded=\"false\">Paste a response</button>"
            + "<span class=\"live-hint\">Paste an error body or a log line and get the catalog's entry for it.</span></div>";

    public static String userMessage(ErrorEntry e) {
        StringBuilder b = new StringBuilder();
        b.append("<figure class=\"live-example user-message\" data-error-id=\"").append(esc(e.id())).append("\">\n")
                .append("<div class=\"app-alert\" role=\"img\" aria-label=\"").append(esc("Alert shown by the app: " + shownText(e, true))).append("\">\n");
        if (e.userTitle() != null) b.append("<div class=\"app-alert-title\">").append(textHtml(e.userTitle(), e.placeholders())).append("</div>\n");
        if (e.userMessage() != null) b.append("<div class=\"app-alert-message\">").append(textHtml(e.userMessage(), e.placeholders())).append("</div>\n");
        else b.append("<div class=\"app-alert-message silent\">(nothing is shown: the app falls back to the standard sign-in)</div>\n");
        b.append("<div class=\"app-alert-actions\">");
        // The buttons the catalog says the alert offers; an alert without declared choices is dismissed with OK.
        if (e.userOptions().isEmpty()) b.append("<span class=\"app-alert-action\">OK</span>");
        for (ErrorEntry.UserOption o : e.userOptions()) b.append("<span class=\"app-alert-action\">").append(esc(o.label)).append("</span>");
        b.append("</div>\n</div>\n<figcaption>")
                .append("What the user sees for <code>").append(esc(e.id())).append("</code></figcaption>\n</figure>");
        return generated(b.toString());
    }

    static String reason(Integer status) {
        if (status == null) return "";
        return switch (status) {
            case 400 -> "Bad Request"; case 401 -> "Unauthorized"; case 403 -> "Forbidden"; case 404 -> "Not Found";
            case 409 -> "Conflict"; case 428 -> "Precondition Required"; case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error"; case 501 -> "Not Implemented"; case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable"; default -> "";
        };
    }
}
