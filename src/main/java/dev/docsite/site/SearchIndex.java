package dev.docsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.RenderedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The search index of one version, written at build time beside its pages: per page the title, summary,
 * headings, body text and the rows of its error tables (id, HTTP status, message, anchor). The reader's
 * browser builds its full-text index from it, so search works on any static host and from file://.
 *
 * <p>Written twice with the same data: {@code search-index.json} for tools, and {@code search-index.js}
 * (a script that assigns it to {@value #GLOBAL}) for the browser, because a page opened from file://
 * may load a script but may not fetch a JSON file.
 */
final class SearchIndex {
    static final String JSON_FILE = "search-index.json";
    static final String JS_FILE = "search-index.js";
    static final String GLOBAL = "docsiteSearchIndex";
    /** Body text kept verbatim (for result snippets); words after it are kept once each, so recall stays complete. */
    static final int TEXT_CHARS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {}

    static Map<String, Object> of(BuildResult.VersionBuild build, SiteConfig config) {
        List<Map<String, Object>> pages = new ArrayList<>();
        for (RenderedPage rp : build.pages()) pages.add(page(rp));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", build.name());
        root.put("audiences", config.audiences().stream().map(a -> Map.of("id", a.id(), "title", a.title())).toList());
        root.put("pages", pages);
        return root;
    }

    static String json(Map<String, Object> index) throws JsonProcessingException { return JSON.writeValueAsString(index); }

    static String script(String json) { return "window." + GLOBAL + "=" + json + ";\n"; }

    static Map<String, Object> page(RenderedPage rp) {
        Document doc = Jsoup.parseBodyFragment(rp.html());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Element row : doc.select("div.error-table tr[data-error-id]")) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", row.attr("data-error-id"));
            if (row.hasAttr("data-http")) e.put("http", Integer.parseInt(row.attr("data-http")));
            e.put("anchor", row.id());
            Element table = row.closest("div.error-table");
            e.put("table", table == null ? "admin" : table.attr("data-audience"));
            Element message = row.selectFirst("td.message");
            e.put("message", message == null ? "" : message.text());
            e.put("text", String.join(" \u00b7 ", row.select("td").eachText()));
            errors.add(e);
        }
        List<List<String>> headings = new ArrayList<>();
        for (Element h : doc.select("h2[id], h3[id], h4[id]")) headings.add(List.of(h.id(), h.text()));
        // Tables are indexed row by row above; anchors ("#") and generated chrome carry no words.
        doc.select("div.error-table, a.anchor, script, style").remove();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", rp.outputPath());
        p.put("title", rp.page().title());
        p.put("audience", rp.page().audience());
        p.put("summary", rp.page().summary());
        p.put("headings", headings);
        String text = doc.body().text().replaceAll("\\s+", " ").strip();
        p.put("text", head(text));
        String rest = tailWords(text);
        if (!rest.isEmpty()) p.put("more", rest);
        p.put("errors", errors);
        return p;
    }

    /** The first {@link #TEXT_CHARS} characters, cut at a word boundary. */
    static String head(String text) {
        if (text.length() <= TEXT_CHARS) return text;
        int cut = text.lastIndexOf(' ', TEXT_CHARS);
        return text.substring(0, cut > TEXT_CHARS / 2 ? cut : TEXT_CHARS);
    }

    /** Words after the head that the head does not contain, each once, in order of first use. */
    static String tailWords(String text) {
        String head = head(text);
        if (head.length() >= text.length()) return "";
        Set<String> seen = new LinkedHashSet<>(words(head));
        Set<String> more = new LinkedHashSet<>();
        for (String w : words(text.substring(head.length()))) if (!seen.contains(w)) more.add(w);
        return String.join(" ", more);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_.-]+")) {
            String t = w.replaceAll("^[._-]+|[._-]+$", "");
            if (t.length() > 1) out.add(t);
        }
        return out;
    }
}
