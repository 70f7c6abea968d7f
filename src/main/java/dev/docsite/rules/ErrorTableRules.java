package dev.docsite.rules;

import java.util.List;

/** Rules that read error tables and quoted messages back from the written pages and compare them with the catalog. */
public final class ErrorTableRules {
    private ErrorTableRules() {}

    public static final Rule UNKNOWN_CATALOG = Rule.error("error-table/unknown-catalog",
            "Every error table names a catalog of its version.",
            "A table of a catalog the version does not have would be empty.",
            "Use the file name of a catalog under errors/ (without .yaml), or limit the table to the versions that have it.");
    public static final Rule MISSING_TABLE = Rule.error("error-table/missing-table",
            "Every error-table macro appears as a table in the written page.",
            "A template or later processing that drops a generated table hides the catalog from readers.",
            "Check custom templates and passthrough markup around the macro.");
    public static final Rule HEADER = Rule.error("error-table/header",
            "A generated error table has the columns of its audience.",
            "Readers and the lookup rely on the columns being the documented ones.",
            "Check custom templates or stylesheets that rewrite tables.");
    public static final Rule MISSING_ROW = Rule.error("error-table/missing-row",
            "A generated error table has a row for every catalog entry of its version.",
            "A missing row is an error readers cannot look up.",
            "Check custom templates; the row should come from the catalog automatically.");
    public static final Rule EXTRA_ROW = Rule.error("error-table/extra-row",
            "A generated error table has no row the catalog of its version lacks.",
            "A row for an error a version does not have sends readers after something that cannot happen.",
            "Check since/until of the entry and custom templates.");
    public static final Rule ROW_ORDER = Rule.error("error-table/row-order",
            "A generated error table lists its rows in catalog order.",
            "The catalog order is the reading order writers chose.",
            "Check custom templates or scripts that sort tables at build time.");
    public static final Rule ROW_ANCHOR = Rule.error("error-table/row-anchor",
            "Each generated error-table row carries the entry's stable anchor (#err-<id>).",
            "Links from the app, support tickets and search go to these anchors.",
            "Check custom templates that rewrite rows.");
    public static final Rule CELL = Rule.error("error-table/cell-differs",
            "Each cell of a generated error table equals the catalog.",
            "The catalog is the only source of error text; a table that says something else is wrong somewhere.",
            "Check custom templates; the cell should come from the catalog automatically.");
    public static final Rule HAND_TABLE = Rule.error("hand-table/differs",
            "A hand-written table row naming a catalog id agrees with the catalog (HTTP status, user message, retry, fallback).",
            "A hand-written table that contradicts the catalog gives readers two answers.",
            "Correct the row to the catalog's value, or replace the table with `error-table::CATALOG[]`.");
    public static final Rule DRIFT = Rule.warning("drift/user-message",
            "Text quoted in prose that nearly matches a catalog user message is that message exactly.",
            "Users search for the exact words they see; a paraphrase in quotes cannot be found.",
            "Quote the catalog's message word for word, or use `error:ID[]`, which shows it.");

    public static final List<Rule> ALL = List.of(UNKNOWN_CATALOG, MISSING_TABLE, HEADER, MISSING_ROW, EXTRA_ROW, ROW_ORDER, ROW_ANCHOR,
            CELL, HAND_TABLE, DRIFT);
}
