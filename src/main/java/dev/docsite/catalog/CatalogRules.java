package dev.docsite.catalog;

import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.rules.CatalogEntryRules;
import dev.docsite.content.Problem;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.SourcePos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog rules. Each has a stable rule id; a violation fails the build and names the catalog file
 * and line. {@link #checkStructure} needs only the catalogs and runs when content loads; the rules that
 * need the built versions or the previous commit ({@link #adminCoverage}, {@link #removedBetween},
 * {@link #removedFromWorkTree}) are fed by the check stage (dev.docsite.check.CatalogChecks).
 */
public final class CatalogRules {
    public static final String UNIQUE_ID = CatalogEntryRules.UNIQUE_ID.id();
    public static final String SERVER_ID_FORMAT = CatalogEntryRules.SERVER_ID_FORMAT.id();
    public static final String HTTP_STATUS = CatalogEntryRules.HTTP_STATUS.id();
    public static final String SILENT_FALLBACK = CatalogEntryRules.SILENT_FALLBACK.id();
    public static final String SILENT_RETRY = CatalogEntryRules.SILENT_RETRY.id();
    public static final String CAUSE_RESOLUTION = CatalogEntryRules.CAUSE_RESOLUTION.id();
    public static final String PLACEHOLDER = CatalogEntryRules.PLACEHOLDER.id();

    public static final String END_USER_GUIDANCE = CatalogEntryRules.END_USER_GUIDANCE.id();
    public static final String ADMIN_COVERAGE = CatalogEntryRules.ADMIN_COVERAGE.id();
    public static final String REMOVED = CatalogEntryRules.REMOVED.id();


    static final Pattern SERVER_ID = Pattern.compile("^(api|ent)(\\.[a-z0-9_]+)+\\.app_error$");
    static final Pattern PLACEHOLDER_USE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private CatalogRules() {}

    public static List<Problem> checkStructure(List<ErrorCatalog> catalogs) {
        List<Problem> out = new ArrayList<>();
        Map<String, ErrorEntry> seen = new HashMap<>();
        for (ErrorCatalog c : catalogs) {
            for (ErrorEntry e : c.errors()) {
                ErrorEntry first = seen.putIfAbsent(e.id(), e);
                if (first != null)
                    out.add(new Problem(e.posOf("id"), UNIQUE_ID, "error id '" + e.id() + "' is already defined at "
                            + first.posOf("id") + " (expected ids to be unique across all catalogs)"));
                checkEntry(e, out);
            }
        }
        return out;
    }

    private static void checkEntry(ErrorEntry e, List<Problem> out) {
        if (e.layer() == ErrorEntry.Layer.SERVER) {
            if (!SERVER_ID.matcher(e.id()).matches())
                out.add(new Problem(e.posOf("id"), SERVER_ID_FORMAT, "server error id '" + e.id()
                        + "' does not match ^(api|ent)(\\.[a-z0-9_]+)+\\.app_error$ (expected e.g. ent.intune.login.not_configured.app_error)"));
            if (e.http() == null && !e.httpUnknown())
                out.add(new Problem(e.pos(), HTTP_STATUS, "server error '" + e.id() + "' has no 'http' status (expected a number from 400 to 599, or unknown when the product does not publish it)"));
            else if (e.http() != null && (e.http() < 400 || e.http() > 599))
                out.add(new Problem(e.posOf("http"), HTTP_STATUS, "server error '" + e.id() + "' has http " + e.http() + " (expected 400 to 599)"));
        } else if (e.http() != null || e.httpUnknown()) {
            out.add(new Problem(e.posOf("http"), HTTP_STATUS, "'" + e.id() + "' is a " + e.layer().yaml
                    + " error and has an http status (expected 'http' only on server errors)"));
        }
        if (e.silent() && e.fallback() != ErrorEntry.Fallback.WEB_SSO)
            out.add(new Problem(e.posOf("fallback"), SILENT_FALLBACK, "'" + e.id() + "' is silent (no user_message) and has fallback "
                    + e.fallback().yaml + ": expected fallback: web-sso, otherwise the user is left with nothing"));
        if (e.silent() && e.retry() != ErrorEntry.Retry.NONE)
            out.add(new Problem(e.posOf("retry"), SILENT_RETRY, "'" + e.id() + "' is silent (no user_message) but has retry: "
                    + e.retry().yaml + " (expected retry: none: the user cannot retry what they never see)"));
        if (blank(e.cause()))
            out.add(new Problem(e.pos(), CAUSE_RESOLUTION, "'" + e.id() + "' has no cause (expected a sentence saying why the error happens)"));
        if (blank(e.resolution()))
            out.add(new Problem(e.pos(), CAUSE_RESOLUTION, "'" + e.id() + "' has no resolution (expected a sentence saying what to do)"));
        if (e.silent() && !e.userOptions().isEmpty())
            out.add(new Problem(e.posOf("user_options"), SILENT_RETRY, "'" + e.id() + "' is silent (no user_message) but offers user_options"
                    + " (expected none: the user never sees an alert to choose from)"));
        Set<String> used = placeholders(e.userMessage());
        used.addAll(placeholders(e.userTitle()));
        for (String field : List.of("user_meaning", "user_action"))
            for (String name : placeholders(field.equals("user_meaning") ? e.userMeaning() : e.userAction()))
                if (!e.placeholders().containsKey(name))
                    out.add(new Problem(e.posOf(field), PLACEHOLDER, "'" + e.id() + "' uses {" + name + "} in " + field
                            + " but does not declare it (expected placeholders: {" + name + ": <what readers see in its place>})"));
        for (String name : used)
            if (!e.placeholders().containsKey(name))
                out.add(new Problem(e.posOf("user_message"), PLACEHOLDER, "'" + e.id() + "' uses {" + name
                        + "} in its text but does not declare it (expected placeholders: {" + name + ": <what it is replaced with>})"));
        for (String name : e.placeholders().keySet())
            if (!used.contains(name))
                out.add(new Problem(e.posOf("placeholders"), PLACEHOLDER, "'" + e.id() + "' declares placeholder '" + name
                        + "' that its text never uses (expected {" + name + "} in user_message or user_title)"));
    }

    /**
     * Entries of one version that no admin reads about: their catalog has no admin error table on any
     * admin-audience page of that version. (An inline error: link or an end-user table does not count:
     * administrators look errors up by id, and only the admin table shows ids, causes and resolutions.)
     *
     * @param catalogs              the version's catalogs, entries filtered to the version
     * @param catalogsWithAdminTable ids of catalogs whose admin table an admin-audience page of the version shows
     */
    public static List<Problem> adminCoverage(String version, List<ErrorCatalog> catalogs, Set<String> catalogsWithAdminTable) {
        List<Problem> out = new ArrayList<>();
        for (ErrorCatalog c : catalogs) {
            if (catalogsWithAdminTable.contains(c.id())) continue;
            for (ErrorEntry e : c.errors())
                out.add(new Problem(e.posOf("id"), ADMIN_COVERAGE, "'" + e.id() + "' is not shown on any admin page in version " + version
                        + " (expected error-table::" + c.id() + "[audience=admin] on a page with audience: admin)"));
        }
        return out;
    }

    /**
     * Entries an end-user table of one version shows (every entry with a message, of every catalog an
     * end-user page shows as a table) that lack the end user's meaning or action.
     *
     * @param catalogsWithEndUserTable ids of catalogs whose end-user table a page of the version shows
     */
    public static List<Problem> endUserGuidance(List<ErrorCatalog> catalogs, Set<String> catalogsWithEndUserTable) {
        List<Problem> out = new ArrayList<>();
        for (ErrorCatalog c : catalogs) {
            if (!catalogsWithEndUserTable.contains(c.id())) continue;
            for (ErrorEntry e : ErrorHtml.rowsFor("end-user", c.errors())) {
                List<String> missing = new ArrayList<>();
                if (blank(e.userMeaning())) missing.add("user_meaning");
                if (blank(e.userAction())) missing.add("user_action");
                if (!missing.isEmpty())
                    out.add(new Problem(e.posOf("id"), END_USER_GUIDANCE, "'" + e.id() + "' is shown in the end-user table of " + c.id()
                            + " but has no " + String.join(" and no ", missing) + " (expected what the message means and what the user does, in plain words)"));
            }
        }
        return out;
    }

    /**
     * Ids documented in {@code older} that are gone from {@code newer}'s content altogether. An entry the
     * newer content still has but filters out (it carries {@code until}) is a proper removal.
     *
     * @param newerAll   every catalog entry of the newer version's content, before filtering by version
     * @param olderShown the older version's catalogs as that version shows them
     */
    public static List<Problem> removedBetween(String newer, List<ErrorCatalog> newerAll, String older, List<ErrorCatalog> olderShown) {
        Set<String> present = ids(newerAll);
        List<Problem> out = new ArrayList<>();
        for (ErrorCatalog oc : olderShown) {
            for (ErrorEntry e : oc.errors()) {
                if (present.contains(e.id())) continue;
                out.add(new Problem(placeFor(oc.id(), newerAll, e), REMOVED, "error id '" + e.id() + "' is documented in version " + older
                        + " (" + e.posOf("id") + ") but has disappeared from version " + newer + ": keep the entry in "
                        + oc.id() + " and add until: \"" + older + "\" (an id is never removed silently; support tools and older apps still look it up)"));
            }
        }
        return out;
    }

    /**
     * Ids the last commit's catalogs had that the work tree deleted while some version other than the
     * latest still documents them. The writer most likely meant "gone from the next version", which is
     * {@code until: <previous version>}; deleting the entry also erases it from the older versions built
     * from the same content. An entry only the latest version shows (or a one-version site) has no
     * earlier version to keep it for, so deleting it is allowed.
     *
     * @param workTreeVersions versions built from the work tree (no {@code ref}), newest first
     * @param headName         how the last commit is named in messages, e.g. "HEAD 1a2b3c4"
     * @param alreadyReported  ids reported by {@link #removedBetween} (not reported twice)
     */
    public static List<Problem> removedFromWorkTree(List<ErrorCatalog> head, List<ErrorCatalog> work, SiteConfig config,
                                                    List<String> workTreeVersions, String headName, Set<String> alreadyReported) {
        Set<String> present = ids(work);
        String latest = config.latest().name();
        List<Problem> out = new ArrayList<>();
        for (ErrorCatalog hc : head) {
            for (ErrorEntry e : hc.errors()) {
                if (present.contains(e.id()) || alreadyReported.contains(e.id())) continue;
                List<String> still = new ArrayList<>();
                for (String v : workTreeVersions)
                    if (!v.equals(latest) && visible(config, e, v)) still.add(v);
                if (still.isEmpty()) continue;
                out.add(new Problem(placeFor(hc.id(), work, e), REMOVED, "error id '" + e.id() + "' was deleted since the last commit ("
                        + headName + ", " + e.posOf("id") + ") although version" + (still.size() == 1 ? " " : "s ") + String.join(", ", still)
                        + " still document" + (still.size() == 1 ? "s" : "") + " it: restore the entry in " + hc.id() + " with until: \"" + still.get(0)
                        + "\" to drop it from the newer versions only"));
            }
        }
        return out;
    }

    /** Like {@link SiteConfig#inVersion}, reading a since that names a version no longer declared as "from the start". */
    private static boolean visible(SiteConfig config, ErrorEntry e, String version) {
        String since = e.since() != null && config.versionIndex(e.since()) < 0 ? null : e.since();
        return config.inVersion(since, e.until(), version);
    }

    /** Where a removed entry belongs: its catalog file in the newer content, or where it was last written. */
    private static SourcePos placeFor(String catalogId, List<ErrorCatalog> catalogs, ErrorEntry removed) {
        for (ErrorCatalog c : catalogs) if (c.id().equals(catalogId)) return c.pos();
        return removed.posOf("id");
    }

    /** Ids of {@code from} that {@code in} does not have. */
    public static Set<String> missingIds(List<ErrorCatalog> from, List<ErrorCatalog> in) {
        Set<String> present = ids(in), out = new LinkedHashSet<>();
        for (ErrorCatalog c : from) for (ErrorEntry e : c.errors()) if (!present.contains(e.id())) out.add(e.id());
        return out;
    }

    private static Set<String> ids(List<ErrorCatalog> catalogs) {
        Set<String> out = new HashSet<>();
        for (ErrorCatalog c : catalogs) for (ErrorEntry e : c.errors()) out.add(e.id());
        return out;
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        Matcher m = PLACEHOLDER_USE.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
