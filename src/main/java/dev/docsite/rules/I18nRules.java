package dev.docsite.rules;

import java.util.List;

/** Rules of `check --upstream-i18n FILE`: the catalog against the product's own translation file. */
public final class I18nRules {
    private I18nRules() {}

    public static final Rule MISSING_IN_CATALOG = Rule.error("i18n/missing-in-catalog",
            "Every server (and configuration) error id the product's translation file defines is in the catalog.",
            "An error the product can send but the documentation does not list cannot be looked up.",
            "Add a catalog entry for the id, with the product's text as user_message.");
    public static final Rule MISSING_UPSTREAM = Rule.error("i18n/missing-upstream",
            "Every server (and configuration) error id of the catalog exists in the product's translation file.",
            "An id the product does not define is a typo or an error that was removed.",
            "Correct the id, or mark the entry with until: if the product removed it.");
    public static final Rule TEXT_DIFFERS = Rule.error("i18n/text-differs",
            "A catalog user message is the product's own translation, word for word.",
            "Users search for the exact words the app shows them.",
            "Copy the product's text into user_message.");

    public static final List<Rule> ALL = List.of(MISSING_IN_CATALOG, MISSING_UPSTREAM, TEXT_DIFFERS);
}
