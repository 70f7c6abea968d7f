package dev.docsite.rules;

import java.util.List;

/** Rules about links inside the site, checked on the written pages of every version. */
public final class LinkRules {
    private LinkRules() {}

    public static final Rule MISSING_PAGE = Rule.error("link/missing-page",
            "Every xref names a page that exists in the version it is built for.",
            "A link to a page a version does not have is a dead end for readers of that version.",
            "Correct the page id (the message suggests the closest), or make the link conditional with ifeval when the page "
                    + "exists only in some versions (see the page's since/until in the message).");
    public static final Rule MISSING_ANCHOR = Rule.error("link/missing-anchor",
            "Every link to an anchor (#id) names an id that exists on the target page.",
            "A link to a missing anchor lands at the top of the page, not at the section the writer meant.",
            "Use one of the suggested ids; section ids come from their titles (`== Before you begin` is `#before-you-begin`) or from `[#id]`.");
    public static final Rule DUPLICATE_ID = Rule.error("link/duplicate-id",
            "Every id on a page is unique, including the ids of the page layout.",
            "Links to an id used twice go to the first one; readers following the second are sent elsewhere.",
            "Give one of the two elements another id with `[#other-id]`, or rename the section.");
    public static final Rule MISSING_FILE = Rule.error("link/missing-file",
            "Every linked or shown file (image, download) exists in the version.",
            "A missing image or download shows readers a broken icon or a 404.",
            "Put the file beside the page under content/pages/ (it is copied into every version), or correct the path.");
    public static final Rule OUTSIDE_SITE = Rule.error("link/outside-site",
            "Relative links stay inside the built site.",
            "A relative link that climbs out of the site works nowhere once the site is deployed.",
            "Link to a file under content/pages/, or use an absolute https:// URL.");
    public static final Rule ABSOLUTE_PATH = Rule.warning("link/absolute-path",
            "Absolute paths (/...) stay under the site's base URL path.",
            "A site deployed below a path (https://example.com/docs/) breaks absolute links that ignore it.",
            "Use an xref or a relative link instead of an absolute path.");
    public static final Rule ALIAS_XREF = Rule.warning("link/alias-xref",
            "xrefs name a page's current id, not an old one (alias).",
            "docsite links such an xref straight to the page that took the id over (fragment kept), but the source "
                    + "breaks as soon as the alias is dropped, and readers of the source are sent to a name that no longer exists.",
            "Replace the old id with the page's current id, which the message names.");
    public static final Rule ALIAS_REDIRECT = Rule.error("link/alias-redirect",
            "Every alias has a redirect page that points at an existing page.",
            "Old URLs in bookmarks and search engines must keep working.",
            "This usually follows another finding (the target page is missing in a version); fix that one first.");
    public static final Rule VERSION_SWITCHER = Rule.error("link/version-switcher",
            "Every version switcher entry points at a page the site wrote.",
            "Readers switching versions must land on the same page, or the nearest one that exists.",
            "This usually follows another finding; if it does not, report it as a docsite defect with the page named.");

    public static final Rule INTERNAL_SCHEME = Rule.error("link/internal-scheme",
            "No written page contains docsite's internal link code (docsite:xref:).",
            "The internal link code is replaced by a relative URL while the site is written; one left on a page is a link that "
                    + "works nowhere, or text readers cannot make sense of.",
            "Write links to pages as xref:<page-id>.adoc[text]; if the page shows such a link the normal way, report it as a docsite defect.");

    public static final List<Rule> ALL = List.of(MISSING_PAGE, MISSING_ANCHOR, DUPLICATE_ID, MISSING_FILE, OUTSIDE_SITE, ABSOLUTE_PATH,
            ALIAS_XREF, ALIAS_REDIRECT, VERSION_SWITCHER, INTERNAL_SCHEME);
}
