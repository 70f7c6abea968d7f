package dev.docsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.RenderCache;
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
import java.util.regex.Pattern;

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
    /** Sorted keys: the same content gives the same bytes in every JVM (Map.of iterates in a per-JVM order). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchIndex() {}

    /**
     * The index of a version as JSON. Each page's entry is serialized on its own and the index put
     * together from them: the same text as serializing the whole tree, but an entry is made once per
     * render, so after an edit serve re-encodes the page that changed, not every page of the version.
     */
    static String json(BuildResult.VersionBuild build, SiteConfig config, RenderCache cache) throws JsonProcessingException {
        // Parsing a page's HTML is the cost here: spread it over the cores like the page writing.
        List<String> pages = build.pages().parallelStream().map(rp -> entry(rp, cache)).toList();
        StringBuilder b = new StringBuilder(pages.stream().mapToInt(String::length).sum() + pages.size() + 512);
        b.append("{\"version\":").append(JSON.writeValueAsString(build.name()))
                .append(",\"audiences\":").append(JSON.writeValueAsString(config.audiences().stream().map(a -> Map.of("id", a.id(), "title", a.title())).toList()))
                .append(",\"pages\":[");
        for (int i = 0; i < pages.size(); i++) b.append(i == 0 ? "" : ",").append(pages.get(i));
        return b.append("]}").toString();
    }

    static String script(String json) { return "window." + GLOBAL + "=" + json + ";\n"; }

    /** Bump when an entry's shape changes: cached entries of another format are not reused. */
    static final String ENTRY_FORMAT = "search-entry-1";

    /**
     * A page's entry, serialized. Extracting text from HTML is the index's whole cost, so entries are
     * cached by everything they are made of: an unchanged page is never parsed again, in serve or in
     * a rebuild with nothing changed.
     */
    private static String entry(RenderedPage rp, RenderCache cache) {
        Page p = rp.page();
        String key = RenderCache.sha(ENTRY_FORMAT + "\0" + rp.outputPath() + "\0" + p.title() + "\0" + p.audience() + "\0"
                + p.summary() + "\0" + rp.html());
        String json = cache.getText(key);
        if (json != null) return json;
        try {
            json = JSON.writeValueAsString(page(rp));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode the search entry of " + p.id(), ex);
        }
        cache.putText(key, json);
        return json;
    }

    static Map<String, Object> page(RenderedPage rp) {
        // One jsoup parse per page is most of the index's cost; headings come ready from the render.
        Document doc = Jsoup.parseBodyFragment(rp.html());
        doc.select(".live-tools").remove();   // "Try it" / "Paste a response" controls are not content
        boolean hasTables = !rp.raw().tables().isEmpty();
        List<Map<String, Object>> errors = new ArrayList<>();
        if (hasTables) {
            for (Element row : doc.select("div.error-table [data-error-id]")) errors.add(errorRow(row));
            doc.select("div.error-table").remove();   // indexed row by row, not again as body text
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", rp.outputPath());
        p.put("title", rp.page().title());
        p.put("audience", rp.page().audience());
        p.put("summary", rp.page().summary());
        p.put("headings", rp.raw().headings().stream().map(h -> List.of(h.id(), h.title())).toList());
        String text = SPACES.matcher(doc.body().text()).replaceAll(" ").strip();
        p.put("text", head(text));
        String rest = tailWords(text);
        if (!rest.isEmpty()) p.put("more", rest);
        p.put("errors", errors);
        return p;
    }

    /** An entry of an error table or reference (HTML from ErrorHtml): id, status, anchor, which table, message and all its cells. */
    private static Map<String, Object> errorRow(Element row) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", row.attr("data-error-id"));
        if (row.hasAttr("data-http")) e.put("http", Integer.parseInt(row.attr("data-http")));
        e.put("anchor", row.id());
        Element table = row.closest("div.error-table");
        e.put("table", table == null ? "admin" : table.attr("data-audience"));
        Element message = row.selectFirst(".message");
        e.put("message", message == null ? "" : message.text());
        e.put("text", String.join(" \u00b7 ", row.select("[data-field]").eachText()));
        return e;
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

    /**
     * Lower-case words of letters, digits and inner '_', '.', '-' ("token_expired", "v2.0", "e-mail"), two
     * characters or more. A plain scan: this runs over every page's text on every build.
     */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
            int start = i, end = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || joiner(s.charAt(i)))) {
                if (Character.isLetterOrDigit(s.charAt(i))) end = i + 1;
                i++;
            }
            if (end - start > 1) out.add(s.substring(start, end).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean joiner(char c) { return c == '_' || c == '.' || c == '-'; }
}
