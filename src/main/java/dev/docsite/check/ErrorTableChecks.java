package dev.docsite.check;

import dev.docsite.rules.ErrorTableRules;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.catalog.ErrorHtml;
import dev.docsite.content.Page;
import dev.docsite.content.SourcePos;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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


    private static final Pattern HTTP_IN_TEXT = Pattern.compile("\\bHTTP(?:\\s+status)?\\s+([1-5]\\d\\d)\\b");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final Pattern STRAIGHT_QUOTE = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern CURLY_QUOTE = Pattern.compile("\u201C([^\u201D]+)\u201D");

    private ErrorTableChecks() {}

    public static List<Finding> check(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        // Versions with the same catalogs share the body results of identical renders (most pages of most versions).
        Map<List<ErrorCatalog>, Map<Shared, List<Finding>>> memo = new HashMap<>();
        for (BuildResult.VersionBuild v : build.versions()) {
            VersionCatalog cat = new VersionCatalog(v);
            Map<Shared, List<Finding>> shared = memo.computeIfAbsent(v.content().input().catalogs(), k -> new ConcurrentHashMap<>());
            List<Finding> found = v.pages().parallelStream().flatMap(p -> {
                List<Finding> fs = new ArrayList<>(generatedTables(build.dir(), v, p, cat));
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

    // ---- generated tables, read back from the written page ---------------------------------------

    static List<Finding> generatedTables(Path siteDir, BuildResult.VersionBuild v, RenderedPage p, VersionCatalog cat) {
        List<RenderResult.TableRef> expectedTables = p.raw().tables();
        if (expectedTables.isEmpty()) return List.of();
        Page page = p.page();
        SourceLines lines = new SourceLines(page);
        Path file = siteDir.resolve(v.name()).resolve(p.outputPath());
        List<Finding> out = new ArrayList<>();
        Document doc;
        try {
            doc = Jsoup.parse(Files.readString(file));
        } catch (IOException e) {
            out.add(Finding.error(page.pos(), MISSING_TABLE, "cannot read the written page " + file + " to compare its error tables: " + e.getMessage()));
            return out;
        }
        Map<String, Integer> seenPerCatalog = new HashMap<>();
        Map<RenderResult.TableRef, Integer> foundPerKey = new HashMap<>();
        for (Element div : doc.select("div.error-table")) {
            String catalogId = div.attr("data-catalog"), audience = div.attr("data-audience");
            int n = seenPerCatalog.merge(catalogId, 1, Integer::sum) - 1;
            foundPerKey.merge(new RenderResult.TableRef(catalogId, audience), 1, Integer::sum);
            SourcePos at = page.bodyPos(lines.lineStartingWith("error-table::" + catalogId + "[", n));
            ErrorCatalog catalog = cat.catalogs.get(catalogId);
            if (catalog == null) {
                out.add(Finding.error(at, UNKNOWN_CATALOG, "the page shows an error table for catalog '" + catalogId + "', which this version does not have"));
                continue;
            }
            compareTable(div, catalog, audience, at, out);
        }
        // A table the renderer produced but the written page lacks (a layout dropped or mangled it).
        Map<RenderResult.TableRef, Integer> expectedPerKey = new LinkedHashMap<>();
        for (RenderResult.TableRef t : expectedTables) expectedPerKey.merge(t, 1, Integer::sum);
        expectedPerKey.forEach((key, count) -> {
            int found = foundPerKey.getOrDefault(key, 0);
            if (found < count) {
                out.add(Finding.error(page.bodyPos(lines.lineStartingWith("error-table::" + key.catalog() + "[", found)), MISSING_TABLE,
                        "error-table::" + key.catalog() + " (" + key.audience() + ") is missing from the written page "
                                + v.name() + "/" + p.outputPath() + " (expected a div.error-table for it)"));
            }
        });
        return out;
    }

    /** A rendered entry (an admin block or an end-user row): its id, anchor and the text of each data-field element. */
    private record Row(String id, String anchor, Map<String, String> fields) {}

    private static void compareTable(Element div, ErrorCatalog catalog, String audience, SourcePos at, List<Finding> out) {
        boolean admin = !"end-user".equals(audience);
        List<String> columns = admin ? ErrorHtml.ADMIN_COLUMNS : ErrorHtml.END_USER_COLUMNS;
        List<String> fields = admin ? ErrorHtml.ADMIN_FIELDS : ErrorHtml.END_USER_FIELDS;
        String what = (admin ? "error reference" : "error table") + " of '" + catalog.id() + "' (" + (admin ? "admin" : "end-user") + ")";
        if (!admin) {
            List<String> header = div.select("thead th").eachText();
            if (!header.equals(columns))
                out.add(Finding.error(at, HEADER, what + " has columns " + header + " (expected " + columns + ")"));
        }

        List<ErrorEntry> expected = ErrorHtml.rowsFor(audience, catalog.errors());
        Map<String, ErrorEntry> expectedById = new LinkedHashMap<>();
        for (ErrorEntry e : expected) expectedById.put(e.id(), e);
        List<Row> actual = new ArrayList<>();
        for (Element entry : div.select("[data-error-id]")) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (Element f : entry.select("[data-field]")) cells.putIfAbsent(f.attr("data-field"), clean(f.text()));
            actual.add(new Row(entry.attr("data-error-id"), entry.id(), cells));
        }
        Set<String> actualIds = new HashSet<>();
        for (Row r : actual) actualIds.add(r.id());
        for (ErrorEntry e : expected)
            if (!actualIds.contains(e.id()))
                out.add(Finding.error(at, MISSING_ROW, what + " has no entry for '" + e.id() + "' (" + e.posOf("id") + ")"));
        for (Row r : actual)
            if (!expectedById.containsKey(r.id()))
                out.add(Finding.error(at, EXTRA_ROW, what + " has an entry for '" + r.id() + "', which the catalog does not list for this version"));

        List<String> expectedOrder = new ArrayList<>(), actualOrder = new ArrayList<>();
        for (ErrorEntry e : expected) if (actualIds.contains(e.id())) expectedOrder.add(e.id());
        for (Row r : actual) if (expectedById.containsKey(r.id()) && !actualOrder.contains(r.id())) actualOrder.add(r.id());
        for (int i = 0; i < expectedOrder.size() && i < actualOrder.size(); i++) {
            if (!expectedOrder.get(i).equals(actualOrder.get(i))) {
                out.add(Finding.error(at, ROW_ORDER, what + " lists '" + actualOrder.get(i) + "' where the catalog has '" + expectedOrder.get(i)
                        + "' (entry " + (i + 1) + "; expected catalog order)"));
                break;
            }
        }

        for (Row r : actual) {
            ErrorEntry e = expectedById.get(r.id());
            if (e == null) continue;
            if (!e.anchor().equals(r.anchor()))
                out.add(Finding.error(at, ROW_ANCHOR, what + ": the entry for '" + e.id() + "' has id=\"" + r.anchor() + "\" (expected \"" + e.anchor()
                        + "\": links to the entry use it)"));
            List<String> want = admin ? ErrorHtml.adminCells(e) : ErrorHtml.endUserCells(e);
            for (int i = 0; i < want.size(); i++) {
                String expectedText = clean(want.get(i));
                String got = r.fields().get(fields.get(i));
                // A field the catalog leaves empty (no HTTP status, no user options) may be left out of the page.
                if (got == null && expectedText.isEmpty()) continue;
                if (got == null) got = "(not shown)";
                if (!expectedText.equals(got))
                    out.add(Finding.error(at, CELL, what + ", entry '" + e.id() + "', column '" + columns.get(i) + "': the page shows \"" + got
                            + "\" but the catalog says \"" + expectedText + "\" (" + e.posOf(fields.get(i)) + ")"));
            }
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String clean(String s) { return SPACES.matcher(s.replace('\u00A0', ' ')).replaceAll(" ").strip(); }

    // ---- the page body: hand-written tables and quoted messages ---------------------------------

    static List<Finding> bodyChecks(RenderedPage p, VersionCatalog cat) {
        if (cat.byId.isEmpty()) return List.of();
        String typed = ProseText.withoutGenerated(p.html());
        SourceLines lines = new SourceLines(p.page());
        List<Finding> out = new ArrayList<>();
        // Message cells already compared as table cells are not reported again as drift.
        Set<String> comparedMessages = new HashSet<>();
        if (tablesMentionIds(typed, cat)) handWrittenTables(Jsoup.parseBodyFragment(typed), p.page(), lines, cat, comparedMessages, out);
        if (!cat.messages.isEmpty()) drift(ProseText.of(typed), p.page(), lines, cat, comparedMessages, out);
        return out;
    }

    private static final String TABLE_BLOCK = "<table class=\"tableblock";

    /**
     * Whether a hand-written table names a catalog id (by error: link or in its text), decided on the
     * HTML string so pages without one are never parsed. Hand-written AsciiDoc tables are
     * table.tableblock; admonitions are tables too, without that class.
     */
    static boolean tablesMentionIds(String html, VersionCatalog cat) {
        for (int table = html.indexOf(TABLE_BLOCK); table >= 0; table = html.indexOf(TABLE_BLOCK, table + 1)) {
            int end = html.indexOf("</table>", table);
            String region = end < 0 ? html.substring(table) : html.substring(table, end);
            if (region.contains("#err-") || cat.mentionsAny(region)) return true;
        }
        return false;
    }

    enum Column { ID, HTTP, MESSAGE, RETRY, FALLBACK }

    /** Which catalog field a hand-written header names; null for columns the catalog cannot judge (prose such as scenario or cause). */
    static Column columnOf(String header) {
        String h = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
        return switch (h) {
            case "error id", "error", "id", "error code", "code", "error identifier" -> Column.ID;
            case "http", "http status", "status", "status code", "http code", "http status code" -> Column.HTTP;
            case "user message", "message", "what you see", "user facing message", "user visible message", "message shown", "text shown" -> Column.MESSAGE;
            case "retry", "retried", "retries", "automatic retry" -> Column.RETRY;
            case "fallback", "falls back" -> Column.FALLBACK;
            default -> null;
        };
    }

    static void handWrittenTables(Document doc, Page page, SourceLines lines, VersionCatalog cat, Set<String> comparedMessages, List<Finding> out) {
        Map<String, Integer> rowsPerId = new HashMap<>();
        for (Element table : doc.select("table.tableblock")) {
            List<Column> columns = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            Element thead = table.selectFirst("> thead");
            if (thead != null) for (Element th : thead.select("> tr > th")) { headers.add(clean(th.text())); columns.add(columnOf(th.text())); }
            int idColumn = columns.indexOf(Column.ID);
            for (Element tr : table.select("> tbody > tr")) {
                List<Element> cells = tr.children();
                Set<String> ids = new LinkedHashSet<>();
                if (idColumn >= 0 && idColumn < cells.size()) idsIn(cells.get(idColumn), cat, ids);
                else for (Element c : cells) idsIn(c, cat, ids);
                if (ids.size() != 1) continue;   // no id, or several: nothing to compare a row with
                ErrorEntry e = cat.byId.get(ids.iterator().next());
                int occurrence = rowsPerId.merge(e.id(), 1, Integer::sum) - 1;
                SourcePos at = page.bodyPos(lines.lineInTable(e.id(), occurrence));
                boolean httpColumn = false;
                for (int i = 0; i < cells.size() && i < columns.size(); i++) {
                    Column col = columns.get(i);
                    if (col == null || col == Column.ID) continue;
                    Element cell = cells.get(i);
                    String text = clean(cell.text());
                    String problem = switch (col) {
                        case HTTP -> { httpColumn = true; yield compareHttp(text, e); }
                        case MESSAGE -> { comparedMessages.add(MessageText.normalize(text)); yield compareMessage(text, e); }
                        case RETRY -> compareRetry(text, e);
                        case FALLBACK -> compareFallback(text, e);
                        default -> null;
                    };
                    if (problem != null)
                        out.add(Finding.error(at, HAND_TABLE, "hand-written table row for '" + e.id() + "', column '" + headers.get(i) + "': " + problem
                                + " (" + e.posOf(switch (col) { case HTTP -> "http"; case MESSAGE -> "user_message"; case RETRY -> "retry"; default -> "fallback"; })
                                + "; or show the generated error-table::" + e.catalogId() + "[] instead)"));
                }
                if (!httpColumn) {
                    // "HTTP 401" written anywhere in the row states a status too.
                    Matcher m = HTTP_IN_TEXT.matcher(clean(tr.text()));
                    if (m.find()) {
                        String problem = compareHttp(m.group(1), e);
                        if (problem != null)
                            out.add(Finding.error(at, HAND_TABLE, "hand-written table row for '" + e.id() + "' says HTTP " + m.group(1) + ": " + problem
                                    + " (" + e.posOf("http") + ")"));
                    }
                }
            }
        }
    }

    /** Catalog ids an element mentions: error: links (by their anchor) and ids written out. */
    private static void idsIn(Element el, VersionCatalog cat, Set<String> ids) {
        for (Element a : el.select("a[href]")) {
            String href = a.attr("href");
            int hash = href.indexOf('#');
            if (hash >= 0) {
                ErrorEntry e = cat.byAnchor.get(href.substring(hash + 1));
                if (e != null) ids.add(e.id());
            }
        }
        cat.mentionsIn(el.text(), ids);
    }

    static String compareHttp(String text, ErrorEntry e) {
        Matcher m = STATUS.matcher(text);
        if (m.find()) {
            int status = Integer.parseInt(m.group(1));
            if (e.httpUnknown()) return "the row gives HTTP " + status + " but the catalog says the status of '" + e.id() + "' is not published (http: unknown)";
            if (e.http() == null) return "the row gives HTTP " + status + " but '" + e.id() + "' is a " + e.layer().yaml + " error without an HTTP status";
            return status == e.http() ? null : "the row gives HTTP " + status + " but the catalog says " + e.http();
        }
        if (e.http() != null && isDash(text)) return "the row gives no HTTP status but the catalog says " + e.http();
        return null;
    }

    static String compareMessage(String text, ErrorEntry e) {
        String t = MessageText.normalize(text);
        boolean silentCell = t.isEmpty() || isDash(t) || t.equals("(silent)") || t.equals("silent") || t.equals("none") || t.equals("(none)") || t.startsWith("(silent");
        if (e.silent()) return silentCell ? null : "the row shows \"" + text + "\" but the catalog says the error is silent (the app shows nothing)";
        if (silentCell) return "the row says the error is silent but the catalog's user message is \"" + e.userMessage() + "\"";
        MessageText.Known message = MessageText.Known.of(e, e.userMessage());
        if (t.equals(message.normalized()) || (message.filled() != null && message.filled().matcher(t).matches())) return null;
        if (e.userTitle() != null && t.equals(MessageText.normalize(ErrorHtml.shownText(e)))) return null;
        return "the row shows \"" + text + "\" but the catalog's user message is \"" + e.userMessage() + "\"";
    }

    static String compareRetry(String text, ErrorEntry e) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        ErrorEntry.Retry said;
        if (t.isEmpty()) return null;
        if (t.startsWith("no") || t.equals("never") || isDash(t) || t.contains("\u274C") || t.equals("x")) said = ErrorEntry.Retry.NONE;
        else if (t.startsWith("yes") || t.contains("once") || t.contains("1x") || t.contains("\u2705") || t.startsWith("retry")) said = ErrorEntry.Retry.ONCE;
        else return null;   // not a statement this check can read
        return said == e.retry() ? null : "the row says retry " + (said == ErrorEntry.Retry.ONCE ? "once" : "none") + " (\"" + text + "\") but the catalog says retry: " + e.retry().yaml;
    }

    static String compareFallback(String text, ErrorEntry e) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        ErrorEntry.Fallback said;
        if (t.isEmpty()) return null;
        if (t.contains("web sso") || t.contains("web-sso") || t.contains("websso") || t.startsWith("yes") || t.equals("\u2705")) said = ErrorEntry.Fallback.WEB_SSO;
        else if (t.startsWith("no") || isDash(t) || t.contains("\u274C") || t.equals("x")) said = ErrorEntry.Fallback.NONE;
        else return null;
        return said == e.fallback() ? null : "the row says fallback " + said.yaml + " (\"" + text + "\") but the catalog says fallback: " + e.fallback().yaml;
    }

    private static boolean isDash(String t) { return t.equals("-") || t.equals("\u2014") || t.equals("\u2013") || t.equals("n/a"); }

    /** Quoted text in what writers typed that is close to a catalog message without being it. */
    static void drift(List<ProseText.Block> blocks, Page page, SourceLines lines, VersionCatalog cat, Set<String> skip, List<Finding> out) {
        Set<String> reported = new HashSet<>();
        for (ProseText.Block block : blocks) {
            List<String> quotes = new ArrayList<>();
            String text = block.text();
            if (text.indexOf('\u201C') >= 0) for (Matcher m = CURLY_QUOTE.matcher(text); m.find(); ) quotes.add(m.group(1));
            if (text.indexOf('"') >= 0) for (Matcher m = STRAIGHT_QUOTE.matcher(text); m.find(); ) quotes.add(m.group(1));
            // `code` in prose quotes as surely as quotation marks do; a listing as a whole does not.
            if (!block.listing()) quotes.addAll(block.code());
            for (String quote : quotes) {
                if (quote.strip().indexOf(' ') < 0) continue;   // one token (an id, a path): never a message
                MessageText.Text q = MessageText.Text.of(quote);
                if (q.wordCount() < MessageText.MIN_WORDS || skip.contains(q.normalized())) continue;
                String n = q.normalized();
                MessageText.Known best = null;
                double bestScore = 0;
                boolean exact = false;
                for (MessageText.Known k : cat.messages) {
                    if (k.matches(n)) { exact = true; break; }
                    double s = MessageText.similarity(q, k.text());
                    if (s > bestScore) { bestScore = s; best = k; }
                }
                if (exact || best == null || bestScore < MessageText.DRIFT_THRESHOLD) continue;
                if (!reported.add(n + "\0" + best.entry().id())) continue;
                ErrorEntry e = best.entry();
                out.add(Finding.warning(page.bodyPos(lines.lineOfPhrase(quote)), DRIFT, "quoted text \"" + quote.strip() + "\" has drifted from the user message of '"
                        + e.id() + "': \"" + e.userMessage() + "\" (" + e.posOf("user_message") + "; quote it exactly or show it with user-message::" + e.id() + "[])"));
            }
        }
    }
}
