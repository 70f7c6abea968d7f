package dev.docsite.rules;

import java.util.List;

/** Rules about the error catalog's entries (errors/*.yaml). */
public final class CatalogEntryRules {
    private CatalogEntryRules() {}

    public static final Rule UNIQUE_ID = Rule.error("catalog/unique-id",
            "Error ids are unique across all catalogs.",
            "An id is how readers, tables, links (#err-<id>) and errors.json find an entry; two entries with one id cannot both be found.",
            "Remove the duplicate entry, or correct its id to the product's.");
    public static final Rule SERVER_ID_FORMAT = Rule.error("catalog/server-id-format",
            "A server error id matches ^(api|ent)(\\.[a-z0-9_]+)+\\.app_error$.",
            "Server ids are the product's translation ids; one that does not have their form is a typo readers cannot search for.",
            "Copy the id from the product's translation file (lowercase, dot-separated, ending in .app_error).");
    public static final Rule HTTP_STATUS = Rule.error("catalog/http-status",
            "A server error has an HTTP status from 400 to 599, or `http: unknown` when the product does not publish it; other layers have none.",
            "Administrators match the status in their logs against the table; a wrong one sends them to the wrong row.",
            "Write the status the server returns (400-599), `unknown` when it is not published, or remove http from non-server entries.");
    public static final Rule SILENT_FALLBACK = Rule.error("catalog/silent-needs-fallback",
            "A silent error (no user message) falls back to web SSO.",
            "A user who sees no message and gets no fallback is left with nothing.",
            "Set `fallback: web-sso`, or give the entry a user_message if the product shows one.");
    public static final Rule SILENT_RETRY = Rule.error("catalog/silent-no-retry",
            "A silent error is never retried automatically and offers the user no choices.",
            "The app does not retry what it never shows, and a user who sees nothing has no button to press; a table saying so misleads administrators.",
            "Set `retry: none` and remove `user_options`: a silent error is one the user never sees, so neither an automatic retry nor a button applies.");
    public static final Rule CAUSE_RESOLUTION = Rule.error("catalog/cause-and-resolution",
            "Every error has a cause and a resolution.",
            "An error table row without them tells administrators what went wrong but not what to do.",
            "Write what triggers the error (cause) and the steps that fix it (resolution).");
    public static final Rule PLACEHOLDER = Rule.error("catalog/placeholder-declared",
            "Every {placeholder} in a message (or in user_meaning and user_action) is declared, and every declared placeholder is used.",
            "Placeholders are shown to readers as marked samples; an undeclared one would appear raw, as {name}.",
            "Declare the placeholder under placeholders: with a sample value readers understand, or remove the unused declaration.");
    public static final Rule END_USER_GUIDANCE = Rule.error("catalog/end-user-guidance",
            "Every entry an end-user error table shows has user_meaning (what the message means, in plain words) and user_action (what the user does).",
            "The end-user table's \"What it means\" and \"What to do\" cells are written, not derived: without them end users get an empty cell, or advice that contradicts the pages around the table.",
            "Add `user_meaning:` and `user_action:` to the entry, written for the person holding the phone (no ids, no admin steps).");
    public static final Rule ADMIN_COVERAGE = Rule.error("catalog/shown-to-admins",
            "Every catalog entry is shown in an admin error table on at least one admin-audience page.",
            "An error administrators can meet but cannot look up is a support ticket.",
            "Add `error-table::CATALOG[audience=admin]` to an admin page, or include the entry's catalog in an existing one.");
    public static final Rule REMOVED = Rule.warning("catalog/removed-without-until",
            "An error id is never removed silently: an entry that leaves a version keeps its place with until.",
            "Older versions of the product still send the removed error; their readers must still find it.",
            "Restore the entry and add `until: <last version that has it>`.");

    public static final List<Rule> ALL = List.of(UNIQUE_ID, SERVER_ID_FORMAT, HTTP_STATUS, SILENT_FALLBACK, SILENT_RETRY,
            CAUSE_RESOLUTION, PLACEHOLDER, END_USER_GUIDANCE, ADMIN_COVERAGE, REMOVED);
}
