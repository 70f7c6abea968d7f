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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The search index of one version, written at build time beside its pages, in chunks so a query loads
 * what it needs whatever the site's size (see docs/navigation.md, "Search"):
 * <ul>
 * <li>{@code _search/index.js}: the manifest: version, audiences, the audience of every page (one
 *     character each), the term prefixes that have a chunk;</li>
 * <li>{@code _search/t/<prefix>.js}: the terms starting with the prefix, each with its postings (which
 *     pages and error-table rows hold it, with a precomputed BM25 weight, best first);</li>
 * <li>{@code _search/p/<n>.js}: page n as results show it: url, title, audience, summary, headings,
 *     the start of its text and its error-table rows.</li>
 * </ul>
 * Every file is a script calling {@value #CALLBACK}(name, data) with JSON data: a page opened from
 * file:// may load a script but not fetch a file, and one format is enough for browsers and tools.
 */
final class SearchIndex {
    static final String DIR = "_search";
    static final String CALLBACK = "docsiteSearch";
    /** Body text kept verbatim (for result snippets); words after it are kept once each, so recall stays complete. */
    static final int TEXT_CHARS = 3000;
    /** A chunk holding more than this many characters is split by the next letter of its terms. */
    static final int CHUNK_CHARS = 40_000;
    /** Postings kept per term and audience, best first: a word on every page ("the") says little about any of them. */
    static final int MAX_POSTINGS = 300;
    /** Sorted keys: the same content gives the same bytes in every JVM (Map.of iterates in a per-JVM order). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final double K1 = 1.2, B = 0.75;
    /** The class of the "Try it" and "Paste a response" controls, which are not content. */
    static final String LIVE_TOOLS = "live-tools";
    private static final String[] FIELDS = {"title", "headings", "text", "ids"};
    private static final double[] BOOST = {4, 2, 1, 4};

    private SearchIndex() {}

    /**
     * The search files of a version, by path relative to the site, in a stable order. Throws
     * {@link CancellationException} as soon as {@code stop} says so (serve: a newer edit began).
     */
    static Map<String, String> files(BuildResult.VersionBuild build, SiteConfig config, RenderCache cache, BooleanSupplier stop)
            throws JsonProcessingException {
        return files(build, config, cache, stop, null, null);
    }

    /**
     * The same, taking the entries {@code ahead} prepared (see {@link #prepare}), and the entries of the last index made
     * with {@code kept} (serve, after each edit) where a page's entry key is unchanged, keeping this index's entries
     * there for the next; null: none.
     */
    static Map<String, String> files(BuildResult.VersionBuild build, SiteConfig config, RenderCache cache, BooleanSupplier stop, Ahead ahead,
                                     Kept kept) throws JsonProcessingException {
        // Parsing a page's HTML is the cost here: spread it over the cores like the page writing, a batch at a time so
        // that only a batch's documents are held before they join the index.
        long t0 = System.nanoTime();
        List<String> audiences = audiences(config);
        java.util.concurrent.atomic.AtomicInteger early = new java.util.concurrent.atomic.AtomicInteger();
        List<RenderedPage> pages = build.pages();
        Kept.Entries last = kept == null ? Kept.Entries.NONE : kept.last(build.name(), audiences);
        List<String> keys = pages.parallelStream().map(rp -> {
            if (ahead != null) return ahead.key(rp);
            String k = last.keys().get(rp);
            return k != null ? k : entryKey(rp);
        }).toList();
        java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Prepared> made = kept == null ? null : new java.util.concurrent.ConcurrentHashMap<>();
        // The pages prepared ahead already joined an index, at their places: it is taken when each of them is still
        // at its place with the same entry, and the other pages join it.
        Ahead.Partial partial = ahead == null ? null : ahead.partials.remove(build.name());
        boolean fits = partial != null && partial.fits(keys);
        Index index = fits ? partial.index() : new Index();
        Map<Integer, String> joined = fits ? partial.keyAt() : Map.of();
        List<String> shown = new ArrayList<>(pages.size());
        StringBuilder aud = new StringBuilder();
        for (int from = 0; from < pages.size(); from += BATCH) {
            int first = from;
            List<Prepared> batch = java.util.stream.IntStream.range(from, Math.min(pages.size(), from + BATCH)).parallel().mapToObj(i -> {
                stopIf(stop);
                Prepared p = ahead == null ? null : ahead.byKey.get(keys.get(i));
                if (p != null) early.incrementAndGet();
                else if ((p = last.byKey().get(keys.get(i))) != null) reused.incrementAndGet();
                else p = prepared(pages.get(i), keys.get(i), cache, audiences);
                if (made != null) made.put(keys.get(i), p);
                return p;
            }).toList();
            for (int j = 0; j < batch.size(); j++) {
                Prepared p = batch.get(j);
                if (!joined.containsKey(first + j)) index.add(first + j, p.docs());
                shown.add(p.shown());
                aud.append(Character.forDigit(p.docs().get(0).audience(), 36));
            }
        }
        long t1 = System.nanoTime();
        String dir = build.name() + "/" + DIR + "/";
        Map<String, String> out = new LinkedHashMap<>();

        if (kept != null) {
            Map<RenderedPage, String> keyOf = new java.util.IdentityHashMap<>();
            for (int i = 0; i < pages.size(); i++) keyOf.put(pages.get(i), keys.get(i));
            kept.keep(build.name(), new Kept.Entries(audiences, keyOf, made, reused.get()));
        }
        Map<String, String> chunks = chunks(index.postings(audiences, stop));
        stopIf(stop);
        if (SiteBuilder.TIMING) System.err.printf("timing: search index %s: page entries and terms %d ms (%d prepared ahead, %d kept from the last index), postings and chunks %d ms%n",
                build.name(), (t1 - t0) / 1_000_000, early.get(), reused.get(), (System.nanoTime() - t1) / 1_000_000);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", build.name());
        manifest.put("audiences", config.audiences().stream().map(a -> Map.of("id", a.id(), "title", a.title())).toList());
        manifest.put("pages", aud.toString());
        manifest.put("chunks", List.copyOf(chunks.keySet()));
        out.put(dir + "index.js", script("index", JSON.writeValueAsString(manifest)));
        chunks.forEach((prefix, json) -> out.put(dir + "t/" + fileName(prefix) + ".js", script("t/" + prefix, json)));
        for (int i = 0; i < shown.size(); i++) out.put(dir + "p/" + i + ".js", script("p/" + i, shown.get(i)));
        return out;
    }

    private static List<String> audiences(SiteConfig config) { return config.audiences().stream().map(SiteConfig.Audience::id).toList(); }

    /** Pages whose entries are prepared at once before their documents join the index. */
    private static final int BATCH = 256;

    /** A page's entry ready to index: its documents with their terms, and its results file's JSON. */
    record Prepared(List<Doc> docs, String shown) {}

    /**
     * Entries prepared before the index is made, by entry key: a build prepares the pages the cache holds while the
     * others render, when its thread would wait anyway (see {@link #prepare}).
     */
    static final class Ahead {
        private final Map<String, Prepared> byKey = new java.util.concurrent.ConcurrentHashMap<>();
        /** Entry keys by page (the same resolved page is asked for again when the index is made). */
        private final Map<RenderedPage, String> keys = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        /** By version: an index the prepared pages joined at their places in the version's page list. */
        private final Map<String, Partial> partials = new java.util.concurrent.ConcurrentHashMap<>();

        String key(RenderedPage rp) {
            String k = keys.get(rp);
            if (k == null) keys.put(rp, k = entryKey(rp));
            return k;
        }

        /** An index missing some pages: {@code keyAt} gives the entry key of each page in it, by place. */
        private record Partial(Index index, Map<Integer, String> keyAt) {
            /** Whether every page in it is at that place in {@code keys} (a version's entry keys) with the same key. */
            boolean fits(List<String> keys) {
                for (Map.Entry<Integer, String> e : keyAt.entrySet())
                    if (e.getKey() >= keys.size() || !e.getValue().equals(keys.get(e.getKey()))) return false;
                return true;
            }
        }
    }

    /**
     * The entries of the last index of each version, for the next one (serve: after an edit most pages keep their entry
     * key, and reading an entry back and splitting it into terms again was most of the index's time). Holds one index
     * per version: an entry no page has any more is dropped with the index that had it.
     */
    static final class Kept {
        /**
         * One version's entries: for {@code audiences}, by entry key, and each page's entry key (by identity);
         * {@code reused} of them were taken from the index before.
         */
        record Entries(List<String> audiences, Map<RenderedPage, String> keys, Map<String, Prepared> byKey, int reused) {
            static final Entries NONE = new Entries(List.of(), Map.of(), Map.of(), 0);
        }

        private final Map<String, Entries> byVersion = new java.util.concurrent.ConcurrentHashMap<>();

        /** The last entries of {@code version}, when they were split into terms for the same audiences. */
        Entries last(String version, List<String> audiences) {
            Entries e = byVersion.get(version);
            return e != null && e.audiences().equals(audiences) ? e : Entries.NONE;
        }

        void keep(String version, Entries entries) { byVersion.put(version, entries); }

        /** The entries kept for {@code version} (tests). */
        Entries of(String version) { return byVersion.getOrDefault(version, Entries.NONE); }
    }

    /**
     * Prepares the entries of {@code build}'s pages (some of its version's pages) into {@code ahead}, on this thread
     * only unless {@code parallel}, and adds them to the version's index ahead at their places.
     */
    static void prepare(BuildResult.VersionBuild build, SiteConfig config, RenderCache cache, Ahead ahead, boolean parallel) {
        List<String> audiences = audiences(config);
        List<RenderedPage> pages = build.pages();
        List<String> keys = (parallel ? pages.parallelStream() : pages.stream()).map(rp -> {
            String key = ahead.key(rp);
            ahead.byKey.computeIfAbsent(key, k -> prepared(rp, k, cache, audiences));
            return key;
        }).toList();
        Map<String, Integer> place = new HashMap<>();
        List<Page> all = build.content().pages();
        for (int i = 0; i < all.size(); i++) place.put(all.get(i).id(), i);
        Ahead.Partial partial = ahead.partials.computeIfAbsent(build.name(), n -> new Ahead.Partial(new Index(), new HashMap<>()));
        for (int j = 0; j < pages.size(); j++) {
            Integer at = place.get(pages.get(j).page().id());
            if (at == null || partial.keyAt().containsKey(at)) continue;
            partial.index().add(at, ahead.byKey.get(keys.get(j)).docs());
            partial.keyAt().put(at, keys.get(j));
        }
    }

    private static Prepared prepared(RenderedPage rp, String key, RenderCache cache, List<String> audiences) {
        try {
            Map<String, Object> entry = entry(rp, key, cache);
            Map<String, Object> shown = new LinkedHashMap<>(entry);
            shown.remove("more");   // indexed, never shown
            return new Prepared(docs(entry, audiences), JSON.writeValueAsString(shown));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the search entry of " + rp.page().id(), e);
        }
    }

    static final int FORMAT = 1;
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {};

    static String script(String name, String json) {
        try {
            return CALLBACK + "(" + JSON.writeValueAsString(name) + "," + json + ");\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A prefix as a file name: letters a-z and digits as they are, anything else as _hex_ (the same rule as docsite.js). */
    static String fileName(String prefix) {
        StringBuilder b = new StringBuilder();
        prefix.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.appendCodePoint(c);
            else b.append('_').append(Integer.toHexString(c)).append('_');
        });
        return b.toString();
    }

    /**
     * Term to postings: "doc:weight doc:weight ...", best first, where doc is the page number or
     * "page.row" for a row of its error tables, and weight the BM25 score of the term in that document
     * (fields boosted like the titles: title and error id 4, headings 2, text 1), times 10, rounded.
     * A term keeps its best {@link #MAX_POSTINGS} documents of each audience, so a common word still
     * finds pages of every audience.
     */
    static Map<String, String> postings(List<Map<String, Object>> pages, List<String> audiences) {
        Index index = new Index();
        for (int i = 0; i < pages.size(); i++) index.add(i, docs(pages.get(i), audiences));
        return index.postings(audiences, () -> false);
    }

    private static void stopIf(BooleanSupplier stop) {
        if (stop.getAsBoolean()) throw new CancellationException("search index no longer wanted");
    }

    /**
     * The index being made: documents join it page by page, in any order of pages (those prepared ahead first); their
     * postings are scored at the end, where equal scores rank in page order.
     */
    private static final class Index {
        private final List<String> docs = new ArrayList<>();
        private final List<Long> places = new ArrayList<>();               // doc -> page number (high half), row (low)
        private final List<Integer> docAudience = new ArrayList<>();
        private final List<int[]> lengths = new ArrayList<>();              // doc -> terms per field
        private final Map<String, Postings> terms = new HashMap<>();

        /** The documents of page {@code i} (see {@link #docs}), a page not added yet. */
        void add(int i, List<Doc> page) {
            for (int j = 0; j < page.size(); j++) {
                Doc doc = page.get(j);
                int d = docs.size();
                docs.add(j == 0 ? Integer.toString(i) : i + "." + (j - 1));   // the page, then its error-table rows
                places.add(((long) i << 32) | j);
                docAudience.add(doc.audience());
                lengths.add(doc.lengths());
                for (int k = 0; k < doc.terms().length; k++) terms.computeIfAbsent(doc.terms()[k], x -> new Postings()).add(d, doc.counts()[k]);
            }
        }

        Map<String, String> postings(List<String> audiences, BooleanSupplier stop) {
            int n = docs.size();
            // Documents in page order, for ties: rank[d] is d's place in it (d itself when pages joined in order).
            Integer[] order = new Integer[n];
            for (int d = 0; d < n; d++) order[d] = d;
            java.util.Arrays.sort(order, java.util.Comparator.comparingLong(places::get));
            int[] rank = new int[n], byRank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r;
                byRank[r] = order[r];
            }
            double[] avg = new double[FIELDS.length];
            for (int[] l : lengths) for (int k = 0; k < FIELDS.length; k++) avg[k] += l[k];
            for (int k = 0; k < FIELDS.length; k++) avg[k] = Math.max(1, avg[k] / Math.max(1, n));
            Map<String, String> out = new TreeMap<>();
            stopIf(stop);
            terms.entrySet().parallelStream().map(e -> {
                Postings t = e.getValue();
                double idf = Math.log(1 + (n - t.n + 0.5) / (t.n + 0.5));
                long[] scored = new long[t.n];   // weight in the high half, then (max - doc): best first, ties by doc
                for (int i = 0; i < t.n; i++) {
                    int d = t.docs[i];
                    double s = 0;
                    for (int k = 0; k < FIELDS.length; k++) {
                        int c = (int) (t.counts[i] >>> (16 * k)) & 0xFFFF;
                        if (c == 0) continue;
                        s += BOOST[k] * c * (K1 + 1) / (c + K1 * (1 - B + B * lengths.get(d)[k] / avg[k]));
                    }
                    long w = Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(s * idf * 10)));
                    scored[i] = (w << 32) | (Integer.MAX_VALUE - rank[d]);
                }
                java.util.Arrays.sort(scored);
                int[] kept = new int[audiences.size() + 1];
                StringBuilder b = new StringBuilder();
                for (int i = scored.length - 1; i >= 0; i--) {
                    int d = byRank[Integer.MAX_VALUE - (int) (scored[i] & 0xFFFFFFFFL)];
                    if (kept[docAudience.get(d)]++ >= MAX_POSTINGS) continue;
                    if (b.length() > 0) b.append(' ');
                    b.append(docs.get(d)).append(':').append(scored[i] >>> 32);
                }
                return Map.entry(e.getKey(), b.toString());
            }).toList().forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }

    /** A term's documents with their counts per field (16 bits each), in the order they joined. */
    private static final class Postings {
        int[] docs = new int[4];
        long[] counts = new long[4];
        int n;

        void add(int doc, long packed) {
            if (n == docs.length) {
                docs = java.util.Arrays.copyOf(docs, n * 2);
                counts = java.util.Arrays.copyOf(counts, n * 2);
            }
            docs[n] = doc;
            counts[n++] = packed;
        }
    }

    /**
     * A document of the index (a page, or a row of its error tables): its distinct terms with their counts per field
     * (16 bits each, same position), and its field lengths. Arrays rather than a map: a build holds the documents of
     * every page prepared ahead.
     */
    record Doc(int audience, String[] terms, long[] counts, int[] lengths) {}

    /** A page's entry and each row of its error tables as documents, in that order. */
    private static List<Doc> docs(Map<String, Object> p, List<String> audiences) {
        int audience = Math.max(0, audiences.indexOf((String) p.get("audience")));
        StringBuilder headings = new StringBuilder();
        for (Object h : (List<?>) p.get("headings")) headings.append(((List<?>) h).get(1)).append('\n');
        List<Doc> out = new ArrayList<>();
        out.add(doc(audience, List.of(terms((String) p.get("title")), terms(headings.toString()),
                terms(p.get("summary") + " " + p.get("text") + " " + p.getOrDefault("more", "")), List.of())));
        for (Object row : (List<?>) p.get("errors")) {
            Map<?, ?> e = (Map<?, ?>) row;
            out.add(doc(audience, List.of(List.of(), List.of(), terms((String) e.get("text")),
                    terms(e.get("id") + " " + e.get("anchor") + " " + (e.get("http") == null ? "" : e.get("http"))))));
        }
        return out;
    }

    private static Doc doc(int audience, List<List<String>> fields) {
        int[] len = new int[FIELDS.length];
        Map<String, long[]> counts = new HashMap<>();
        for (int k = 0; k < FIELDS.length; k++) {
            len[k] = fields.get(k).size();
            for (String t : fields.get(k)) {
                long[] c = counts.computeIfAbsent(t, x -> new long[1]);
                if (((c[0] >>> (16 * k)) & 0xFFFF) < 0xFFFF) c[0] += 1L << (16 * k);
            }
        }
        String[] terms = new String[counts.size()];
        long[] packed = new long[counts.size()];
        int i = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            terms[i] = e.getKey();
            packed[i++] = e.getValue()[0];
        }
        return new Doc(audience, terms, packed, len);
    }

    /** The words of a text as indexed terms: each word, and the parts of a joined word ("sign-in": sign-in, sign, in). */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text == null ? "" : text)) {
            out.add(w);
            if (w.indexOf('_') >= 0 || w.indexOf('.') >= 0 || w.indexOf('-') >= 0)
                for (String part : w.split("[_.-]+")) if (part.length() > 1) out.add(part);
        }
        return out;
    }

    /**
     * Terms grouped in chunks by prefix, as JSON objects with sorted keys: a chunk starts as the terms
     * sharing a first letter and is split by the next letter while it is larger than {@link #CHUNK_CHARS}
     * (the terms equal to the prefix stay in it). The reader loads, for each word, the chunk of its
     * longest listed prefix.
     */
    static Map<String, String> chunks(Map<String, String> postings) throws JsonProcessingException {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        for (Map.Entry<String, String> e : postings.entrySet()) groups.computeIfAbsent(e.getKey().substring(0, 1), k -> new TreeMap<>()).put(e.getKey(), e.getValue());
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> g : groups.entrySet()) split(g.getKey(), g.getValue(), out);
        return out;
    }

    private static void split(String prefix, Map<String, String> terms, Map<String, String> out) throws JsonProcessingException {
        String json = JSON.writeValueAsString(terms);
        if (json.length() <= CHUNK_CHARS || terms.keySet().stream().allMatch(t -> t.length() <= prefix.length())) {
            out.put(prefix, json);
            return;
        }
        Map<String, String> own = new TreeMap<>();
        Map<String, Map<String, String>> next = new TreeMap<>();
        terms.forEach((t, p) -> {
            if (t.length() <= prefix.length()) own.put(t, p);
            else next.computeIfAbsent(t.substring(0, prefix.length() + 1), k -> new TreeMap<>()).put(t, p);
        });
        if (!own.isEmpty()) out.put(prefix, JSON.writeValueAsString(own));
        for (Map.Entry<String, Map<String, String>> e : next.entrySet()) split(e.getKey(), e.getValue(), out);
    }

    /** Bump when an entry's shape changes: cached entries of another format are not reused. */
    static final String ENTRY_FORMAT = "search-entry-2";

    /**
     * The key of a page's entry. Extracting text from HTML is the index's whole cost, so entries are
     * cached by everything they are made of: an unchanged page is never parsed again, in serve or in
     * a rebuild with nothing changed. The body's text is named by its render (cache key and included files'
     * hashes) rather than by hashing its HTML again: resolving links changes only URLs, which an entry does
     * not hold, except the text of xrefs written without text (other pages' titles), so those pages hash it.
     */
    private static String entryKey(RenderedPage rp) {
        Page p = rp.page();
        String body = LinkResolver.hasTextlessXref(rp.raw()) || rp.renderKey() == null
                ? "html\0" + rp.html() : "render\0" + rp.renderKey() + "\0" + new TreeMap<>(rp.raw().includes());
        return RenderCache.sha(ENTRY_FORMAT + "\0" + rp.outputPath() + "\0" + p.title() + "\0" + p.audience() + "\0"
                + p.summary() + "\0" + body);
    }

    /** A page's entry: from the cache, or made and cached (then used as made, not read back from its JSON). */
    private static Map<String, Object> entry(RenderedPage rp, String key, RenderCache cache) throws JsonProcessingException {
        String json = cache.getText(key);
        if (json != null) return JSON.readValue(json, MAP);
        Map<String, Object> entry = page(rp);
        cache.putText(key, JSON.writeValueAsString(entry));
        return entry;
    }

    static Map<String, Object> page(RenderedPage rp) {
        // Reading the body's text was most of the index's cost when every page went through a jsoup parse: now
        // only pages with error tables (indexed row by row) and HTML the one-pass reader leaves to jsoup do.
        boolean hasTables = !rp.raw().tables().isEmpty();
        String body = hasTables ? null : BodyText.of(rp.html(), LIVE_TOOLS);
        List<Map<String, Object>> errors = new ArrayList<>();
        if (body == null) {
            Document doc = Jsoup.parseBodyFragment(rp.html());
            doc.select("." + LIVE_TOOLS).remove();
            if (hasTables) {
                for (Element row : doc.select("div.error-table [data-error-id]")) errors.add(errorRow(row));
                doc.select("div.error-table").remove();   // indexed row by row, not again as body text
            }
            body = doc.body().text();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", rp.outputPath());
        p.put("title", rp.page().title());
        p.put("audience", rp.page().audience());
        p.put("summary", rp.page().summary());
        p.put("headings", rp.raw().headings().stream().map(h -> List.of(h.id(), h.title())).toList());
        String text = collapseSpaces(body).strip();
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

    /**
     * Each run of ASCII white space (what {@code \s} matches) as one space: jsoup's text keeps a listing's line breaks
     * and indentation. A plain scan; the regular expression it replaces took a fifth of an entry's time.
     */
    static String collapseSpaces(String s) {
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!asciiSpace(c)) {
                if (b != null) b.append(c);
                continue;
            }
            int j = i + 1;
            while (j < n && asciiSpace(s.charAt(j))) j++;
            if (b == null) {
                if (c == ' ' && j == i + 1) continue;   // a single space stays as it is
                b = new StringBuilder(n).append(s, 0, i);
            }
            b.append(' ');
            i = j - 1;
        }
        return b == null ? s : b.toString();
    }

    private static boolean asciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'; }

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
        Set<String> seen = new HashSet<>(words(head));
        Set<String> more = new LinkedHashSet<>();
        for (String w : words(text.substring(head.length()))) if (!seen.contains(w)) more.add(w);
        return String.join(" ", more);
    }

    /**
     * Lower-case words of letters, digits and inner '_', '.', '-' ("token_expired", "v2.0", "e-mail"), two
     * characters or more. A plain scan over the text's characters, with ASCII answered from a table: this runs over
     * every page's text on every build, and String.charAt and Character.isLetterOrDigit per character were most of it.
     */
    static List<String> words(String s) {
        char[] c = s.toCharArray();
        List<String> out = new ArrayList<>();
        int n = c.length, i = 0;
        while (i < n) {
            while (i < n && !letterOrDigit(c[i])) i++;
            int start = i, end = i;
            boolean ascii = true;
            for (; i < n; i++) {
                char ch = c[i];
                if (letterOrDigit(ch)) {
                    end = i + 1;
                    if (ch >= 128) ascii = false;
                } else if (!joiner(ch)) {
                    break;
                }
            }
            if (end - start < 2) continue;
            if (!ascii) {
                out.add(new String(c, start, end - start).toLowerCase(Locale.ROOT));
                continue;
            }
            for (int j = start; j < end; j++) if (c[j] >= 'A' && c[j] <= 'Z') c[j] += 'a' - 'A';
            out.add(new String(c, start, end - start));
        }
        return out;
    }

    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];
    static {
        for (char c = 0; c < 128; c++) ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
    }

    private static boolean letterOrDigit(char c) { return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c); }

    private static boolean joiner(char c) { return c == '_' || c == '.' || c == '-'; }
}
