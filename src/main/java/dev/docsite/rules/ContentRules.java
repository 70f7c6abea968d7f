package dev.docsite.rules;

import java.util.List;

/** Rules about the content files themselves: YAML, page and site fields, ids, versions, sources. */
public final class ContentRules {
    private ContentRules() {}

    public static final Rule YAML = Rule.error("yaml",
            "Every content file is well-formed YAML holding a mapping.",
            "A file the YAML parser cannot read cannot be built; nothing in it reaches the site.",
            "Fix the syntax at the line given: indent nested keys consistently, quote values that contain ': ' or start with "
                    + "'*', '&', '!', '@' or '`', and write a body as a block scalar (`body: |`). A duplicate key is reported at its second occurrence.");
    public static final Rule UNKNOWN_KEY = Rule.error("content/unknown-key",
            "A page, section, site or catalog file uses only the fields the format defines.",
            "A misspelt field is otherwise silently ignored (an `aliasses:` list would never redirect anything).",
            "Rename the key to the one suggested, or remove it. The fields are listed in the writers' guide (docs/content-format.md).");
    public static final Rule MISSING_FIELD = Rule.error("content/missing-field",
            "Every required field is present and not empty.",
            "Pages need a title, an audience, a summary and a body; catalog entries need their texts; site.yaml needs a title, audiences and versions.",
            "Add the field named in the message at the place given.");
    public static final Rule FIELD_TYPE = Rule.error("content/field-type",
            "Every field has the type the format defines (text, number, true/false, list, mapping).",
            "A list where text is expected (or the reverse) cannot be rendered meaningfully.",
            "Write the value in the expected form; quote version names such as \"11.6\" so YAML does not read them as numbers.");
    public static final Rule FIELD_VALUE = Rule.error("content/field-value",
            "Every field value is one the format allows (a known audience, a valid name, a number in range).",
            "An unknown audience or a malformed name would put a page where no navigation leads to it, or at a broken URL.",
            "Use one of the values listed in the message.");
    public static final Rule UNKNOWN_VERSION = Rule.error("content/unknown-version",
            "since and until name versions declared in site.yaml, and until is not older than since.",
            "A page limited to a version that does not exist would silently vanish from every version.",
            "Use a version name listed under versions: in site.yaml, or declare the version there first.");
    public static final Rule DUPLICATE_PAGE = Rule.error("content/duplicate-page",
            "Every page id (its path under pages/ without .yaml) is used once.",
            "Two files with the same id (`setup.yaml` and `setup.yml`) would overwrite each other's output.",
            "Rename or remove one of the two files.");
    public static final Rule RESERVED_ID = Rule.error("content/reserved-id",
            "A page id does not take the place of a generated page or folder.",
            "Audience landing pages (`<audience>/index`), section landing pages, version folders and `_` folders are written by docsite.",
            "Give the page another file name.");
    public static final Rule ALIAS = Rule.error("content/alias",
            "Every alias is a page-id-like path that no page and no other alias claims.",
            "An alias writes a redirect page; one that collides with a page or another alias would overwrite it.",
            "Remove the alias, or rename it so it is unique.");
    public static final Rule UNREADABLE = Rule.error("content/unreadable",
            "Every content file can be read.",
            "A file that cannot be read (permissions, a broken link, an I/O error) would silently drop content.",
            "Check the file's permissions and that it exists; the message gives the system's reason.");
    public static final Rule ENCODING = Rule.error("content/encoding",
            "Every content file is UTF-8 text.",
            "A file in another encoding (Latin-1, Windows-1252) would be read with replacement characters where its accents were, and published that way.",
            "Re-save the file as UTF-8 (most editors offer it in Save As); the message gives the line of the first byte that is not UTF-8.");
    public static final Rule SCHEMA_FILE = Rule.error("content/schema-file",
            "Every file under schemas/ is a JSON Schema document (valid JSON).",
            "Live examples are validated against these schemas; a schema that does not parse proves nothing.",
            "Fix the JSON at the line given.");
    public static final Rule GIT = Rule.error("content/git-revision",
            "A version's ref (and a preview's revision) names a git revision that holds the content folder.",
            "Versions built from git read every file from that revision; a wrong ref cannot be built.",
            "Check the ref in site.yaml (a tag, branch or commit), that it is fetched (CI clones are often shallow: fetch tags "
                    + "or use fetch-depth: 0), and that the content folder exists at that revision.");

    public static final List<Rule> ALL = List.of(YAML, UNKNOWN_KEY, MISSING_FIELD, FIELD_TYPE, FIELD_VALUE, UNKNOWN_VERSION,
            DUPLICATE_PAGE, RESERVED_ID, ALIAS, UNREADABLE, ENCODING, SCHEMA_FILE, GIT);
}
