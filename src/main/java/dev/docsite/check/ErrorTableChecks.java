package dev.docsite.check;

import dev.docsite.content.BodyLines;
import dev.docsite.rules.ErrorTableRules;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves the published site says what the catalog says, per version:
 * <ul>
 * <li>every generated error table, read back from the written HTML with jsoup, equals the catalog row
 *     for row and cell for cell;</li>
 * <li>every hand-written table row that names a catalog id agrees with the catalog in the columns it
 *     shares with it (HTTP status, user message, retry, fallback);</li>
 * <li>text quoted in prose (“…”, "…" or `…`) that nearly matches a catalog user message, but is not it,
 *     is reported as drift from that message.</li>
 * </ul>
 * Unknown ids in the error macros are build findings (the extensions report each one) and so are part
 * of every check run.
 */
public final class ErrorTableChecks {
    public static final String MISSING_TABLE = ErrorTableRules.MISSING_TABLE.id();
    /** Same id as the extension's build error for an error-table macro naming an unknown catalog. */
    public static final String UNKNOWN_CATALOG = ErrorTableRules.UNKNOWN_CATALOG.id();
    public static final String HEADER = ErrorTableRules.HEADER.id();
    public static final String MISSING_ROW = ErrorTableRules.MISSING_ROW.id();
    public static final String EXTRA_ROW = ErrorTableRules.EXTRA_ROW.id();
    public static final String ROW_ORDER = ErrorTableRules.ROW_ORDER.id();
    public static final String ROW_ANCHOR = ErrorTableRules.ROW_ANCHOR.id();
    public static final String CELL = ErrorTableRules.CELL.id();
    public static final String HAND_TABLE = ErrorTableRules.HAND_TABLE.id();
    public static final String DRIFT = ErrorTableRules.DRIFT.id();

    private ErrorTableChecks() {}

    public static List<Finding> check(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        // Versions with the same catalogs share the body results of identical renders (most pages of most versions).
        Map<List<ErrorCatalog>, Map<Shared, List<Finding>>> memo = new HashMap<>();
        for (BuildResult.VersionBuild v : build.versions()) {
            VersionCatalog cat = new VersionCatalog(v);
            Map<Shared, List<Finding>> shared = memo.computeIfAbsent(v.content().input().catalogs(), k -> new ConcurrentHashMap<>());
            List<Finding> found = v.pages().parallelStream().flatMap(p -> {
                List<Finding> fs = new ArrayList<>(GeneratedTableCheck.check(build.dir(), v, p, cat));
                Shared key = new Shared(p.raw(), p.page().pos().file(), p.page().bodyLine());
                List<Finding> body = shared.get(key);
                if (body == null) shared.put(key, body = bodyChecks(p, cat));
                fs.addAll(body);
                return fs.stream();
            }).toList();
            for (Finding f : found) out.add(f.inVersions(List.of(v.name())));
        }
        return Findings.mergeVersions(out);
    }

    /** The same render of the same page file at the same line: body findings are the same. */
    private record Shared(RenderResult raw, String file, int bodyLine) {
        @Override public boolean equals(Object o) {
            return o instanceof Shared s && s.raw == raw && s.file.equals(file) && s.bodyLine == bodyLine;
        }

        @Override public int hashCode() { return System.identityHashCode(raw) * 31 + bodyLine; }
    }

    /** A version's catalog, indexed for lookups by id, anchor and mention in text. */
    static final class VersionCatalog {
        final Map<String, ErrorCatalog> catalogs = new LinkedHashMap<>();
        final Map<String, ErrorEntry> byId = new LinkedHashMap<>();
        final Map<String, ErrorEntry> byAnchor = new HashMap<>();
        final List<MessageText.Known> messages = new ArrayList<>();
        final Map<String, List<String>> byPrefix = new HashMap<>();   // ids by their first three characters

        VersionCatalog(BuildResult.VersionBuild v) {
            for (ErrorCatalog c : v.content().input().catalogs()) {
                catalogs.put(c.id(), c);
                for (ErrorEntry e : c.errors()) {
                    byId.put(e.id(), e);
                    byAnchor.put(e.anchor(), e);
                    if (e.userMessage() != null) messages.add(MessageText.Known.of(e, e.userMessage()));
                    byPrefix.computeIfAbsent(e.id().substring(0, Math.min(3, e.id().length())), k -> new ArrayList<>()).add(e.id());
                }
            }
        }

        /**
         * Ids written in {@code text} as whole names (not part of a longer dotted name such as
         * "<id>.suffix"). indexOf per id: much faster on whole pages than one alternation regex.
         */
        void mentionsIn(String text, Set<String> into) {
            for (String id : byId.keySet()) {
                for (int i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
                    int end = i + id.length();
                    boolean startOk = i == 0 || !(isWord(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
                    boolean endOk = end == text.length() || !(isWord(text.charAt(end))
                            || text.charAt(end) == '.' && end + 1 < text.length() && isWord(text.charAt(end + 1)));
                    if (startOk && endOk) { into.add(id); break; }
                }
            }
        }

        /** Whether {@code text} contains any id: one scan per distinct id prefix rather than one per id. */
        boolean mentionsAny(String text) {
            for (Map.Entry<String, List<String>> p : byPrefix.entrySet())
                for (int i = text.indexOf(p.getKey()); i >= 0; i = text.indexOf(p.getKey(), i + 1))
                    for (String id : p.getValue()) if (text.startsWith(id, i)) return true;
            return false;
        }

        private static boolean isWord(char c) { return Character.isLetterOrDigit(c) || c == '_'; }
    }

    // ---- the page body: hand-written tables and quoted messages ---------------------------------

    static List<Finding> bodyChecks(RenderedPage p, VersionCatalog cat) {
        if (cat.byId.isEmpty()) return List.of();
        String typed = ProseText.withoutGenerated(p.html());
        BodyLines lines = new BodyLines(p.page());
        List<Finding> out = new ArrayList<>();
        // Message cells already compared as table cells are not reported again as drift.
        Set<String> comparedMessages = new HashSet<>();
        if (HandTableCheck.tablesMentionIds(typed, cat)) HandTableCheck.handWrittenTables(Jsoup.parseBodyFragment(typed), p.page(), lines, cat, comparedMessages, out);
        if (!cat.messages.isEmpty()) QuotedMessageCheck.drift(ProseText.of(typed), p.page(), lines, cat, comparedMessages, out);
        return out;
    }
}
