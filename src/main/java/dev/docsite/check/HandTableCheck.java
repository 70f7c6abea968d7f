package dev.docsite.check;

import dev.docsite.content.BodyLines;
import dev.docsite.content.ErrorEntry;
import dev.docsite.catalog.ErrorHtml;
import dev.docsite.content.Page;
import dev.docsite.content.SourcePos;
import dev.docsite.report.Finding;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static dev.docsite.check.ErrorTableChecks.*;
import static dev.docsite.check.GeneratedTableCheck.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule hand-table/differs: a hand-written table row that names a catalog id agrees with the catalog in the
 * columns it shares with it (HTTP status, user message, retry, fallback).
 */
final class HandTableCheck {
    private static final Pattern HTTP_IN_TEXT = Pattern.compile("\\bHTTP(?:\\s+status)?\\s+([1-5]\\d\\d)\\b");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");

    private HandTableCheck() {}

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

    static void handWrittenTables(Document doc, Page page, BodyLines lines, VersionCatalog cat, Set<String> comparedMessages, List<Finding> out) {
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
}
