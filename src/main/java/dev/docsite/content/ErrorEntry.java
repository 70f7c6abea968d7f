package dev.docsite.content;

import dev.docsite.content.SourcePos;

import java.util.List;
import java.util.Map;

/**
 * One error as users and administrators meet it. {@code userMessage} null means the error is silent: the
 * app shows nothing. {@code http} is set for server errors whose status is published; {@code httpUnknown}
 * marks a server error whose status is not published ({@code http: unknown}).
 *
 * <p>Two kinds of "retry" are kept apart: {@code retry} is what the app does on its own (an automatic
 * retry, invisible to the user); {@code userOptions} are the buttons the alert offers the user (Retry,
 * Log out). {@code userMeaning} and {@code userAction} are the end user's "what it means" and "what to do".
 */
public record ErrorEntry(String id, String catalogId, Layer layer, Integer http, boolean httpUnknown, String scenario,
                         String userTitle, String userMessage, String userMeaning, String userAction,
                         Map<String, String> placeholders, Retry retry, List<UserOption> userOptions, Fallback fallback,
                         String cause, String resolution, String since, String until, SourcePos pos,
                         Map<String, SourcePos> fieldPos) {

    public enum Layer {
        SERVER("server", "Server"), MOBILE("mobile", "Mobile app"), IDENTITY_PROVIDER("identity-provider", "Identity provider"),
        CONFIG("config", "Configuration");
        public final String yaml, label;
        Layer(String yaml, String label) { this.yaml = yaml; this.label = label; }
    }

    /** What the app does by itself before showing the error. */
    public enum Retry { NONE("none"), ONCE("once"); public final String yaml; Retry(String y) { yaml = y; } }

    /** A choice the alert offers the user, as its button reads. */
    public enum UserOption {
        RETRY("retry", "Retry"), LOG_OUT("log-out", "Log out");
        public final String yaml, label;
        UserOption(String yaml, String label) { this.yaml = yaml; this.label = label; }
    }

    public enum Fallback { NONE("none"), WEB_SSO("web-sso"); public final String yaml; Fallback(String y) { yaml = y; } }

    public boolean silent() { return userMessage == null; }

    /** Stable row anchor: "err-" + id, lowercased, anything outside [a-z0-9_-] turned into '-'. */
    public String anchor() { return anchorOf(id); }

    public static String anchorOf(String id) { return "err-" + id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-"); }

    /** Where a field was written, falling back to the entry. */
    public SourcePos posOf(String field) { return fieldPos.getOrDefault(field, pos); }
}
