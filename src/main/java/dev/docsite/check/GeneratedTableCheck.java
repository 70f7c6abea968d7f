package dev.docsite.check;

import dev.docsite.content.BodyLines;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.catalog.ErrorHtml;
import dev.docsite.content.Page;
import dev.docsite.content.SourcePos;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static dev.docsite.check.ErrorTableChecks.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules error-table/*: every generated error table, read back from the written HTML with jsoup, equals the
 * catalog of its version, entry for entry and field for field.
 */
final class GeneratedTableCheck {
    private GeneratedTableCheck() {}

    static List<Finding> check(Path siteDir, BuildResult.VersionBuild v, RenderedPage p, VersionCatalog cat) {
        List<RenderResult.TableRef> expectedTables = p.raw().tables();
        if (expectedTables.isEmpty()) return List.of();
        Page page = p.page();
        BodyLines lines = new BodyLines(page);
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

    static String clean(String s) { return SPACES.matcher(s.replace('\u00A0', ' ')).replaceAll(" ").strip(); }
}
