package dev.docsite.catalog;

import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ErrorCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * HTML generated from the catalog: error tables, HTTP response examples and user messages. The only
 * place catalog entries become HTML, so every table on the site has the same shape and the checks can
 * read it back.
 */
public final class ErrorHtml {
    public static final List<String> ADMIN_COLUMNS = List.of("Error ID", "HTTP", "Scenario", "User message", "Retry", "Fallback", "Cause", "Resolution");
    public static final List<String> END_USER_COLUMNS = List.of("What you see", "What it means", "What to do");
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

    /** Admin cells as plain text, in column order: what the table shows and what the checks compare. */
    public static List<String> adminCells(ErrorEntry e) {
        return List.of(e.id(), e.http() == null ? "—" : String.valueOf(e.http()), e.scenario() == null ? "" : e.scenario(),
                shownText(e), e.retry() == ErrorEntry.Retry.ONCE ? "Once" : "No",
                e.fallback() == ErrorEntry.Fallback.WEB_SSO ? "Web SSO" : "None",
                e.cause() == null ? "" : e.cause(), e.resolution() == null ? "" : e.resolution());
    }

    /** End-user cells as plain text, in column order. */
    public static List<String> endUserCells(ErrorEntry e) {
        return List.of(shownText(e), e.scenario() == null ? "" : e.scenario(), userAction(e));
    }

    /** What the user reads: "Title: message", the message alone, or "(silent)". */
    public static String shownText(ErrorEntry e) {
        if (e.silent()) return e.userTitle() != null ? e.userTitle() : "(silent)";
        return e.userTitle() != null ? e.userTitle() + ": " + e.userMessage() : e.userMessage();
    }

    /** The advice an end user gets, derived from how the error behaves. */
    public static String userAction(ErrorEntry e) {
        if (e.retry() == ErrorEntry.Retry.ONCE) return "Tap Retry or try again. If it happens again, contact your IT administrator.";
        if (e.fallback() == ErrorEntry.Fallback.WEB_SSO) return "Nothing: the app continues with your organization's standard sign-in.";
        return "Contact your IT administrator and tell them the message you saw.";
    }

    /** End users never see silent errors, so their table leaves them out. */
    public static List<ErrorEntry> rowsFor(String audience, List<ErrorEntry> entries) {
        if (!"end-user".equals(audience)) return entries;
        return entries.stream().filter(e -> !e.silent()).toList();
    }

    public static String table(ErrorCatalog catalog, String audience, List<ErrorEntry> entries) {
        boolean admin = !"end-user".equals(audience);
        List<String> cols = admin ? ADMIN_COLUMNS : END_USER_COLUMNS;
        StringBuilder b = new StringBuilder(2048);
        b.append("<div class=\"error-table\" data-catalog=\"").append(esc(catalog.id())).append("\" data-audience=\"")
                .append(admin ? "admin" : "end-user").append("\">\n<table class=\"tableblock frame-all grid-all stretch errors\">\n<caption class=\"title\">")
                .append(esc(catalog.title())).append("</caption>\n<thead><tr>");
        for (String c : cols) b.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (ErrorEntry e : rowsFor(audience, entries)) {
            b.append("<tr id=\"").append(e.anchor()).append("\" data-error-id=\"").append(esc(e.id())).append("\"");
            if (e.http() != null) b.append(" data-http=\"").append(e.http()).append('"');
            b.append('>');
            List<String> cells = admin ? adminCells(e) : endUserCells(e);
            for (int i = 0; i < cells.size(); i++) {
                String cls = admin ? switch (i) { case 0 -> "id"; case 1 -> "http"; case 3 -> "message"; default -> null; } : (i == 0 ? "message" : null);
                b.append("<td").append(cls == null ? "" : " class=\"" + cls + "\"").append('>');
                if (admin && i == 0) b.append("<code>").append(esc(cells.get(i))).append("</code>");
                else if (cls != null && cls.equals("message") && e.silent()) b.append("<em>").append(esc(cells.get(i))).append("</em>");
                else b.append(esc(cells.get(i)));
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</div>");
        return generated(b.toString());
    }

    /** The server's error body for a catalog entry: the shape Mattermost returns (id, message, status_code). */
    public static String responseJson(ErrorEntry e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", e.id());
        body.put("message", e.userMessage() == null ? "" : e.userMessage());
        body.put("detailed_error", "");
        body.put("request_id", "<request id>");
        body.put("status_code", e.http());
        try { return JSON.writeValueAsString(body); } catch (Exception ex) { throw new IllegalStateException(ex); }
    }

    public static String response(ErrorEntry e) {
        String status = e.http() + " " + reason(e.http());
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
                .append("<div class=\"app-alert\" role=\"img\" aria-label=\"").append(esc("Alert shown by the app: " + shownText(e))).append("\">\n");
        if (e.userTitle() != null) b.append("<div class=\"app-alert-title\">").append(esc(e.userTitle())).append("</div>\n");
        if (e.userMessage() != null) b.append("<div class=\"app-alert-message\">").append(esc(e.userMessage())).append("</div>\n");
        else b.append("<div class=\"app-alert-message silent\">(nothing is shown: the app falls back to the standard sign-in)</div>\n");
        b.append("<div class=\"app-alert-actions\">");
        if (e.retry() == ErrorEntry.Retry.ONCE) b.append("<span class=\"app-alert-action\">Retry</span>");
        b.append("<span class=\"app-alert-action\">OK</span></div>\n</div>\n<figcaption>")
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
