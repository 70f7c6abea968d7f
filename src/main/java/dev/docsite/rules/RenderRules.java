package dev.docsite.rules;

import java.util.List;

/** Rules found while rendering a body: Asciidoctor's own messages, docsite's macros and live examples. */
public final class RenderRules {
    private RenderRules() {}

    public static final Rule ASCIIDOC_ERROR = Rule.error("asciidoc/error",
            "Asciidoctor reports no error for the body.",
            "Asciidoctor's errors mean part of the page is lost or wrong (for example an include that cannot be read).",
            "Read Asciidoctor's message at the line given and fix the markup there.");
    public static final Rule ASCIIDOC_WARNING = Rule.warning("asciidoc/warning",
            "Asciidoctor reports no warning for the body.",
            "Warnings point at markup Asciidoctor had to guess about: an unterminated block, a section level skipped, a list out of sequence.",
            "Read Asciidoctor's message at the line given; most are fixed by closing a delimited block or correcting a heading level.");
    public static final Rule ASCIIDOC_INFO = Rule.note("asciidoc/info",
            "Asciidoctor has nothing to remark on the body.",
            "Asciidoctor's informational messages are hints; ones docsite checks itself (xrefs, ids) are reported under docsite's own rules instead.",
            "Nothing is required; read the message and decide.");
    public static final Rule ASCIIDOC_CRASH = Rule.error("asciidoc/crash",
            "Asciidoctor converts the body without failing.",
            "A body that makes Asciidoctor fail produces no page at all.",
            "Look for unusual markup near the line given (deeply nested blocks, a huge table) and simplify it; report the page to docsite if it is valid AsciiDoc.");
    public static final Rule UNKNOWN_VERSION_COMPARE = Rule.warning("asciidoc/unknown-version-compare",
            "An ifeval that compares {docsite-version} compares it with a version site.yaml declares.",
            "A comparison with a version that does not exist is a typo or a leftover: the text it guards shows in no version, or in every one.",
            "Correct the version name in the ifeval (site.yaml lists the versions), or add the version with `docsite version add NAME`.");
    public static final Rule UNKNOWN_ERROR_ID = Rule.error("error-ref/unknown-id",
            "Every id in error:, error-response:: and user-message:: exists in the catalog of the version.",
            "A reference to an error that a version does not have would show readers nothing, or a wrong message.",
            "Correct the id (the message suggests the closest one), add the entry to the catalog, or limit the text to the versions that have it with ifeval.");
    public static final Rule TABLE_AUDIENCE = Rule.error("error-table/audience",
            "An error table's audience is admin or end-user.",
            "The columns of a generated error table depend on its audience.",
            "Write `error-table::CATALOG[audience=admin]` or `audience=end-user`.");
    public static final Rule RESPONSE_NOT_SERVER = Rule.error("error-response/not-server",
            "error-response:: names a server error (one with an HTTP status).",
            "Only server errors are sent as HTTP responses; an example response for any other layer would be invented.",
            "Use user-message:: for mobile errors, or name a server error.");
    public static final Rule LIVE_JSON = Rule.error("live-example/json",
            "A live JSON example is one complete JSON document: no syntax error, no duplicate key, nothing after it.",
            "Live examples are promised to readers as proven; text after the closing brace or a key written twice would be copied into a real configuration.",
            "Fix the JSON at the line given; move any explanation out of the listing block, below it.");
    public static final Rule LIVE_UNTERMINATED = Rule.error("live-example/unterminated",
            "A live example's listing block is closed by a delimiter line like the one that opened it.",
            "An unterminated block swallows the rest of the page into the example.",
            "Close the block with the same delimiter that opened it (for example `----`).");
    public static final Rule LIVE_UNKNOWN_SCHEMA = Rule.error("live-example/unknown-schema",
            "A live example names a schema that exists under schemas/.",
            "An example checked against nothing proves nothing.",
            "Use the name of a file in schemas/ without `.schema.json`, or add the schema.");
    public static final Rule LIVE_SCHEMA = Rule.error("live-example/schema",
            "A live JSON example is valid against its schema.",
            "Readers copy examples; one the product would reject costs them a failed deployment.",
            "Fix the value at the line given so it satisfies the schema, or correct the schema if the product accepts the value.");

    public static final Rule INCLUDE_MISSING = Rule.error("include/missing",
            "Every include:: names a file that exists in the content source.",
            "A missing include silently leaves a hole in the page.",
            "Correct the path; it is relative to the page's own folder.");
    public static final Rule INCLUDE_UNREADABLE = Rule.error("include/unreadable",
            "Every included file can be read.",
            "An unreadable include leaves a hole in the page.",
            "Check the file's permissions; the message gives the system's reason.");

    public static final List<Rule> ALL = List.of(INCLUDE_MISSING, INCLUDE_UNREADABLE, ASCIIDOC_ERROR, ASCIIDOC_WARNING, ASCIIDOC_INFO, ASCIIDOC_CRASH, UNKNOWN_VERSION_COMPARE, UNKNOWN_ERROR_ID,
            TABLE_AUDIENCE, RESPONSE_NOT_SERVER, LIVE_JSON, LIVE_UNTERMINATED, LIVE_UNKNOWN_SCHEMA, LIVE_SCHEMA);
}
