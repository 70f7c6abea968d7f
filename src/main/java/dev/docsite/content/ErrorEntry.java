package dev.docsite.content;

import dev.docsite.content.SourcePos;

import java.util.Map;

/**
 * One error as users and administrators meet it. {@code userMessage} null means the error is silent: the
 * app shows nothing. {@code http} is set for server errors only.
 */
public record ErrorEntry(String id, String catalogId, Layer layer, Integer http, String scenario, String userTitle,
                         String userMessage, Map<String, String> placeholders, Retry retry, Fallback fallback,
                         String cause, String resolution, String since, String until, SourcePos pos,
                         Map<String, SourcePos> fieldPos) {

    public enum Layer {
        SERVER("server"), MOBILE("mobile"), IDENTITY_PROVIDER("identity-provider"), CONFIG("config");
        public final String yaml;
        Layer(String yaml) { this.yaml = yaml; }
    }

    public enum Retry { NONE("none"), ONCE("once"); public final String yaml; Retry(String y) { yaml = y; } }

    public enum Fallback { NONE("none"), WEB_SSO("web-sso"); public final String yaml; Fallback(String y) { yaml = y; } }

    public boolean silent() { return userMessage == null; }

    /** Stable row anchor: "err-" + id, lowercased, anything outside [a-z0-9_-] turned into '-'. */
    public String anchor() { return anchorOf(id); }

    public static String anchorOf(String id) { return "err-" + id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-"); }

    /** Where a field was written, falling back to the entry. */
    public SourcePos posOf(String field) { return fieldPos.getOrDefault(field, pos); }
}
