package dev.docsite.catalog;

import dev.docsite.content.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog rules that need only the catalogs themselves. Each has a stable rule id; a violation
 * fails the build and names the catalog file and line. (Rules that need the rendered site, such as
 * admin coverage, live in the check stage.)
 */
public final class CatalogRules {
    public static final String UNIQUE_ID = "catalog/unique-id";
    public static final String SERVER_ID_FORMAT = "catalog/server-id-format";
    public static final String HTTP_STATUS = "catalog/http-status";
    public static final String SILENT_FALLBACK = "catalog/silent-needs-fallback";
    public static final String SILENT_RETRY = "catalog/silent-no-retry";
    public static final String CAUSE_RESOLUTION = "catalog/cause-and-resolution";
    public static final String PLACEHOLDER = "catalog/placeholder-declared";

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
            if (e.http() == null)
                out.add(new Problem(e.pos(), HTTP_STATUS, "server error '" + e.id() + "' has no 'http' status (expected a number from 400 to 599)"));
            else if (e.http() < 400 || e.http() > 599)
                out.add(new Problem(e.posOf("http"), HTTP_STATUS, "server error '" + e.id() + "' has http " + e.http() + " (expected 400 to 599)"));
        } else if (e.http() != null) {
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
        Set<String> used = placeholders(e.userMessage());
        used.addAll(placeholders(e.userTitle()));
        for (String name : used)
            if (!e.placeholders().containsKey(name))
                out.add(new Problem(e.posOf("user_message"), PLACEHOLDER, "'" + e.id() + "' uses {" + name
                        + "} in its text but does not declare it (expected placeholders: {" + name + ": <what it is replaced with>})"));
        for (String name : e.placeholders().keySet())
            if (!used.contains(name))
                out.add(new Problem(e.posOf("placeholders"), PLACEHOLDER, "'" + e.id() + "' declares placeholder '" + name
                        + "' that its text never uses (expected {" + name + "} in user_message or user_title)"));
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
