package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderedPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search index the site stage writes beside each version's pages, read back from a real build. */
class SearchIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode index(String version) throws IOException {
        return readBack(FixtureSite.dir().resolve(version));
    }

    /** The data of one of the index's scripts: docsiteSearch("name",DATA); */
    static JsonNode script(Path file) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.startsWith(SearchIndex.CALLBACK + "(\"") && s.endsWith(");\n"), file + ": " + s.substring(0, Math.min(80, s.length())));
        return JSON.readTree(s.substring(s.indexOf(',') + 1, s.length() - 3));
    }

    /** A version's index read back from its files, as one tree: version, audiences and every page's entry. */
    static JsonNode readBack(Path versionDir) throws IOException {
        Path dir = versionDir.resolve(SearchIndex.DIR);
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) script(dir.resolve("index.js"));
        com.fasterxml.jackson.databind.node.ArrayNode pages = m.putArray("pagesData");
        for (int i = 0; i < m.path("pages").asText().length(); i++) pages.add(script(dir.resolve("p/" + i + ".js")));
        m.set("pages", pages);
        m.remove("pagesData");
        return m;
    }

    static JsonNode page(JsonNode index, String url) {
        for (JsonNode p : index.path("pages")) if (p.path("url").asText().equals(url)) return p;
        return null;
    }

    @Test
    void eachVersionIndexesItsOwnPages() throws IOException {
        JsonNode latest = index("2.0"), old = index("1.0");
        assertEquals("2.0", latest.path("version").asText());
        assertEquals(List.of("decision-maker", "admin", "end-user"),
                StreamSupport.stream(latest.path("audiences").spliterator(), false).map(a -> a.path("id").asText()).toList());
        assertNotNull(page(latest, "admin/directory-sync.html"));
        assertNull(page(old, "admin/directory-sync.html"), "the page is new in 2.0");
        assertEquals(5, latest.path("pages").size());
        assertEquals(4, old.path("pages").size());
    }

    @Test
    void pagesCarryTitleAudienceHeadingsAndPlainBodyText() throws IOException {
        JsonNode setup = page(index("2.0"), "admin/setup.html");
        assertEquals("Set up sign-in", setup.path("title").asText());
        assertEquals("admin", setup.path("audience").asText());
        assertTrue(setup.path("summary").asText().startsWith("Configure the server"));
        assertEquals(List.of("before-you-begin", "Before you begin"), JSON.convertValue(setup.path("headings").get(0), List.class));
        assertTrue(JSON.convertValue(setup.path("headings"), List.class).contains(List.of("check-the-settings", "Check the settings")), "level-3 headings too");
        String text = setup.path("text").asText();
        assertTrue(text.contains("The quokka indicator turns green"), text);
        assertTrue(text.contains("IntegrationSettings.ClientId"), "table cells are text too");
        assertFalse(text.contains("<") && text.contains("</"), "no markup: " + text);
        assertFalse(text.contains("\n") || text.contains("  "), "whitespace collapsed");
        assertEquals(0, setup.path("errors").size());
    }

    @Test
    void errorTableRowsAreIndexedWithIdStatusMessageAndAnchor() throws IOException {
        JsonNode troubleshoot = page(index("2.0"), "admin/troubleshoot.html");
        List<String> ids = new ArrayList<>();
        for (JsonNode e : troubleshoot.path("errors")) {
            ids.add(e.path("id").asText());
            assertEquals(ErrorEntry.anchorOf(e.path("id").asText()), e.path("anchor").asText());
            assertEquals("admin", e.path("table").asText());
        }
        assertEquals(List.of("ent.example.validate_token.token_expired.app_error", "ent.example.login.not_configured.app_error",
                "api.user.login_by_example.bot_login_forbidden.app_error",
                "ent.example.user_lookup.directory_unreachable_while_resolving_identity.app_error", "mobile.enrollment.policy_missing"), ids);
        JsonNode expired = troubleshoot.path("errors").get(0);
        assertEquals(401, expired.path("http").asInt());
        assertEquals("Your sign in session has expired. Please try signing in again.", expired.path("message").asText());
        assertTrue(expired.path("text").asText().contains("check device clock skew"), "the whole row is searchable");
        assertTrue(troubleshoot.path("errors").get(4).path("http").isMissingNode(), "a mobile error has no status");
        assertFalse(troubleshoot.path("text").asText().contains("clock skew"), "table rows are not repeated in the body text");

        assertEquals(4, page(index("1.0"), "admin/troubleshoot.html").path("errors").size(), "an error added in 2.0 is not in 1.0");

        JsonNode endUser = page(index("2.0"), "end-user/sign-in.html");
        for (JsonNode e : endUser.path("errors")) assertEquals("end-user", e.path("table").asText());
        assertEquals(4, endUser.path("errors").size(), "end users never see the silent error");
    }

    @Test
    void termsAreChunkedByPrefixWithBestPostingsFirst() throws IOException {
        Path dir = FixtureSite.dir().resolve("2.0").resolve(SearchIndex.DIR);
        JsonNode manifest = script(dir.resolve("index.js"));
        List<String> chunks = JSON.convertValue(manifest.path("chunks"), List.class);
        assertFalse(chunks.isEmpty());
        List<String> sorted = new ArrayList<>(chunks);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, chunks, "sorted: the same input gives the same bytes");
        // "quokka" is in the body of admin/setup only: one posting, in the chunk of its longest listed prefix.
        String holder = chunks.stream().filter("quokka"::startsWith).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        JsonNode chunk = script(dir.resolve("t/" + SearchIndex.fileName(holder) + ".js"));
        String postings = chunk.path("quokka").asText();
        assertTrue(postings.matches("\\d+:\\d+"), postings);
        int page = Integer.parseInt(postings.substring(0, postings.indexOf(':')));
        assertEquals("admin/setup.html", script(dir.resolve("p/" + page + ".js")).path("url").asText());
        // An error id is a term of its row ("page.row"), and so are its parts.
        String id = "ent.example.validate_token.token_expired.app_error";
        String idChunk = chunks.stream().filter(id::startsWith).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertTrue(script(dir.resolve("t/" + SearchIndex.fileName(idChunk) + ".js")).path(id).asText().matches("\\d+\\.0:\\d+( .*)?"),
                "the row is the best posting of its id");
        for (String c : chunks) assertTrue(Files.size(dir.resolve("t/" + SearchIndex.fileName(c) + ".js")) < SearchIndex.CHUNK_CHARS + 100 || c.length() > 3);
        assertFalse(Files.exists(FixtureSite.dir().resolve("2.0/search-index.json")), "written once, as scripts");
    }

    @Test
    void wordsAreWhatTheCharacterByCharacterScanGave() {
        String[] pieces = {"Token", "_", "EXPIRED", ".", "-", "v2", " ", "\u00c9t\u00e9", "\u0130", "\u00df", "\ud83d\ude00", "x", "A", "9", ",", "\u2014", "\u00a0", "\u0391\u03b2"};
        java.util.Random random = new java.util.Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) b.append(pieces[random.nextInt(pieces.length)]);
            String s = b.toString();
            assertEquals(wordsOneCharAtATime(s), SearchIndex.words(s), s);
        }
    }

    /** The scan {@link SearchIndex#words} replaced, kept as the reference. */
    private static List<String> wordsOneCharAtATime(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
            int start = i, end = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || "_.-".indexOf(s.charAt(i)) >= 0)) {
                if (Character.isLetterOrDigit(s.charAt(i))) end = i + 1;
                i++;
            }
            if (end - start > 1) out.add(s.substring(start, end).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Test
    void whiteSpaceRunsCollapseAsTheRegularExpressionDid() {
        String[] pieces = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "a", "bc", "\u00e9"};
        java.util.Random random = new java.util.Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(10); i >= 0; i--) b.append(pieces[random.nextInt(pieces.length)]);
            String s = b.toString();
            assertEquals(s.replaceAll("\\s+", " "), SearchIndex.collapseSpaces(s), () -> Arrays.toString(s.chars().toArray()));
        }
    }

    @Test
    void fileNamesKeepLettersAndDigitsAndEncodeTheRest() {
        assertEquals("ab9", SearchIndex.fileName("ab9"));
        assertEquals("a_2e_b", SearchIndex.fileName("a.b"));
        assertEquals("_e9_t", SearchIndex.fileName("\u00e9t"));
    }

    @Test
    void longBodiesKeepTheirStartAndEveryLaterWordOnce() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < SearchIndex.TEXT_CHARS * 3; i++) b.append("word").append(i % 700).append(" common text ");
        b.append("zebra-crossing final.");
        String text = b.toString();
        String head = SearchIndex.head(text);
        assertTrue(head.length() <= SearchIndex.TEXT_CHARS);
        assertTrue(text.startsWith(head) && text.charAt(head.length()) == ' ', "cut at a word boundary");
        String more = SearchIndex.tailWords(text);
        Set<String> kept = new HashSet<>(Arrays.asList((head.toLowerCase(Locale.ROOT) + " " + more).split("[^\\p{L}\\p{N}_.-]+")));
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_.-]+")) {
            String t = w.replaceAll("^[._-]+|[._-]+$", "");
            if (t.length() > 1) assertTrue(kept.contains(t), "word kept: " + t);
        }
        assertEquals(more.split(" ").length, new HashSet<>(Arrays.asList(more.split(" "))).size(), "each later word once");
        assertFalse(more.contains("common"), "words of the head are not repeated");
        assertTrue(more.endsWith("zebra-crossing final"));
        assertEquals("", SearchIndex.tailWords("short text"));
    }

    static Map<String, Object> entry(String title, String text) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("title", title);
        m.put("audience", "admin");
        m.put("headings", List.of());
        m.put("summary", "");
        m.put("text", text);
        m.put("errors", List.of());
        return m;
    }

    @Test
    void aTermRanksItsPagesByHowOftenAndWhereTheyUseIt() {
        // Same lengths, so only the counts and the fields decide; the weaker pages come first in the input.
        List<Map<String, Object>> pages = List.of(
                entry("Alpha", "widget beta gamma delta"),
                entry("Alpha", "widget widget widget delta"),
                entry("Widget", "alpha beta gamma delta"));
        String postings = SearchIndex.postings(pages, List.of("admin")).get("widget");
        List<String> order = java.util.Arrays.stream(postings.split(" ")).map(d -> d.substring(0, d.indexOf(':'))).toList();
        assertEquals(List.of("2", "1", "0"), order, "a title counts more than the text, three uses more than one: " + postings);
        List<Long> weights = java.util.Arrays.stream(postings.split(" ")).map(d -> Long.parseLong(d.substring(d.indexOf(':') + 1))).toList();
        assertTrue(weights.get(0) > weights.get(1) && weights.get(1) > weights.get(2), postings);
    }

    /**
     * serve keeps the entries of the last index for the next: every page whose entry key is unchanged takes its entry
     * from there, an edited page's entry is made again, entries split for other audiences are not taken, and the files
     * are always those of an index made afresh.
     */
    @Test
    void theNextIndexTakesTheUnchangedEntriesOfTheLastOne() throws Exception {
        RenderCache cache = RenderCache.memoryOnly();
        SiteBuilder builder = new SiteBuilder(Fixture.renderer(), cache, new Layout(Fixture.TEMPLATES), 2);
        BuildResult.VersionBuild b = builder.render(SiteBuilderTest.request(FixtureSite.CONTENT, List.of("2.0"))).versions().get(0);
        var config = b.content().config();
        List<RenderedPage> pages = b.pages();
        SearchIndex.Kept kept = new SearchIndex.Kept();
        assertEquals(SearchIndex.files(b, config, cache, () -> false), SearchIndex.files(b, config, cache, () -> false, null, kept));
        assertEquals(0, kept.of("2.0").reused());
        assertEquals(SearchIndex.files(b, config, cache, () -> false), SearchIndex.files(b, config, cache, () -> false, null, kept));
        assertEquals(pages.size(), kept.of("2.0").reused(), "every entry taken from the last index");

        // An edited page (its HTML, without a render key) has another entry key: its entry is made again.
        List<RenderedPage> edited = new ArrayList<>(pages);
        RenderedPage was = pages.get(1);
        edited.set(1, new RenderedPage(was.page(), was.version(), was.html() + "<p>Zanzibarquux</p>", was.raw(), null, was.links()));
        BuildResult.VersionBuild e = new BuildResult.VersionBuild(b.content(), edited);
        Map<String, String> afterEdit = SearchIndex.files(e, config, cache, () -> false, null, kept);
        assertEquals(SearchIndex.files(e, config, RenderCache.memoryOnly(), () -> false), afterEdit);
        assertTrue(afterEdit.values().stream().anyMatch(f -> f.contains("zanzibarquux")), "the edit is found");
        assertEquals(pages.size() - 1, kept.of("2.0").reused());
        assertEquals(pages.size(), kept.of("2.0").byKey().size(), "only the entries of the last index are kept");

        assertEquals(SearchIndex.Kept.Entries.NONE, kept.last("2.0", List.of("admin")), "split for other audiences: not taken");
        assertEquals(kept.of("2.0"), kept.last("2.0", config.audiences().stream().map(SiteConfig.Audience::id).toList()));
    }

    /**
     * Pages prepared ahead join an index at their places while the others render (a one-page rebuild then only adds
     * that page after the render). Whatever order they joined in, in however many steps, the files are those of an
     * index made at once; an entry prepared ahead that is no longer the page's is not kept.
     */
    @Test
    void anIndexMadeAheadInAnyOrderGivesTheSameFilesAsOneMadeAtOnce() throws Exception {
        RenderCache cache = RenderCache.memoryOnly();
        SiteBuilder builder = new SiteBuilder(Fixture.renderer(), cache, new Layout(Fixture.TEMPLATES), 2);
        BuildResult r = builder.render(SiteBuilderTest.request(FixtureSite.CONTENT, List.of("2.0")));
        BuildResult.VersionBuild b = r.versions().get(0);
        var config = b.content().config();
        List<RenderedPage> pages = b.pages();
        assertTrue(pages.size() >= 4 && pages.stream().anyMatch(rp -> !rp.raw().tables().isEmpty()), "pages, one with an error table");
        Map<String, String> atOnce = SearchIndex.files(b, config, cache, () -> false);

        // The last page first, then every other page backwards: places out of order, in two steps.
        SearchIndex.Ahead ahead = new SearchIndex.Ahead();
        SearchIndex.prepare(new BuildResult.VersionBuild(b.content(), List.of(pages.get(pages.size() - 1))), config, cache, ahead, false);
        List<RenderedPage> some = new ArrayList<>();
        for (int i = pages.size() - 3; i >= 0; i -= 2) some.add(pages.get(i));
        SearchIndex.prepare(new BuildResult.VersionBuild(b.content(), some), config, cache, ahead, true);
        assertEquals(atOnce, SearchIndex.files(b, config, cache, () -> false, ahead, null));

        // Prepared ahead with other words than the page has now: those words must not be found.
        RenderedPage was = pages.get(1);
        RenderedPage stale = new RenderedPage(was.page(), was.version(),
                was.html() + "<p>Zanzibarquux</p>", was.raw(), null, was.links());
        SearchIndex.Ahead staleAhead = new SearchIndex.Ahead();
        SearchIndex.prepare(new BuildResult.VersionBuild(b.content(), List.of(pages.get(0), stale)), config, cache, staleAhead, false);
        Map<String, String> withStale = SearchIndex.files(b, config, cache, () -> false, staleAhead, null);
        assertEquals(atOnce, withStale);
        assertFalse(withStale.values().stream().anyMatch(f -> f.contains("zanzibarquux")));
    }
}
