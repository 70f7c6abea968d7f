package dev.docsite.site;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.docsite.Fixture;
import dev.docsite.TestSite;
import dev.docsite.catalog.CatalogState;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.content.SourcePos;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The render cache never serves a stale page: for every field of a catalog entry (found by reflection, so a
 * field added to {@link ErrorEntry} is covered without touching this test), for included files, schemas and
 * the site settings that reach pages, an edit followed by a rebuild through the same cache gives exactly
 * the site a build without any cache gives, and the new value is on it.
 */
class CacheKeyTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String A = "api.test.token_expired.app_error", B = "model.config.tenant.app_error";

    // ---- the catalog's state is every record component but positions --------------------------------

    @Test
    void onlySourcePositionsAreLeftOutOfTheCatalogState() {
        List<String> all = Stream.of(ErrorEntry.class.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> visible = CatalogState.visibleComponents(ErrorEntry.class).stream().map(RecordComponent::getName).toList();
        List<String> left = new ArrayList<>(all);
        left.removeAll(visible);
        assertEquals(POSITIONS, left);
        assertEquals(List.of("pos"), Stream.of(ErrorCatalog.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !CatalogState.visibleComponents(ErrorCatalog.class).stream().map(RecordComponent::getName).toList().contains(n)).toList());
    }

    @Test
    void movingAnEntryInItsFileKeepsItsState() throws Exception {
        ErrorEntry e = entry();
        ErrorEntry moved = with(e, "pos", new SourcePos("errors/x.yaml", 40, 5));
        moved = with(moved, "fieldPos", Map.of("cause", new SourcePos("errors/x.yaml", 48, 12)));
        assertEquals(state(e), state(moved));
    }

    /** Every component of an entry but its positions (independent of CatalogState, which must not be trusted here). */
    static Stream<String> entryFields() {
        return Stream.of(ErrorEntry.class.getRecordComponents()).map(RecordComponent::getName).filter(n -> !POSITIONS.contains(n));
    }

    private static final List<String> POSITIONS = List.of("pos", "fieldPos");

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryFields")
    void everyEntryFieldChangesTheCatalogState(String field) throws Exception {
        ErrorEntry e = entry();
        RecordComponent rc = component(ErrorEntry.class, field);
        Object changed = otherValue(rc, rc.getAccessor().invoke(e));
        assertNotEquals(state(e), state(with(e, field, changed)), field + " is not part of the catalog state");
    }

    @Test
    void keyOfAPageThatShowsNoCatalogIgnoresTheCatalog() {
        VersionContent v = version(List.of());
        var inputs = new java.util.EnumMap<>(SiteBuilder.inputHashes(v));
        var page = new dev.docsite.content.Page("admin/a", "pages/admin/a.yaml", new SourcePos("a", 1, 1), "A", "admin", "s", 0,
                null, null, List.of(), "== Plain\nText.", 5, null, Map.of());
        var table = new dev.docsite.content.Page("admin/b", "pages/admin/b.yaml", new SourcePos("b", 1, 1), "B", "admin", "s", 0,
                null, null, List.of(), "error-table::sign-in[]", 5, null, Map.of());
        String plain = SiteBuilder.cacheKey(page, inputs), withTable = SiteBuilder.cacheKey(table, inputs);
        inputs.put(dev.docsite.render.RenderDependency.Input.CATALOGS, "other");
        assertEquals(plain, SiteBuilder.cacheKey(page, inputs), "a page without catalog macros must be shared across catalog edits");
        assertNotEquals(withTable, SiteBuilder.cacheKey(table, inputs));
    }

    // ---- end to end: edit, rebuild through the cache, compare with a build without cache -------------

    /** How to edit each entry field in YAML where a plain new value would not be valid content. */
    private static final Map<String, Consumer<Content>> SPECIAL = Map.of(
            "id", c -> c.renameEntry(A, "api.test.session_gone.app_error"),
            "catalogId", c -> c.renameCatalog("sign-in", "login"),
            "layer", c -> c.entry(B).put("layer", "mobile"),
            // Entry B: only tables show it, so leaving a version breaks no reference.
            "since", c -> c.entry(B).put("since", "2.0"),
            "until", c -> c.entry(B).put("until", "1.0"),
            // http: unknown in place of a number (the reference then shows "not published").
            "httpUnknown", c -> c.entry(A).put("http", "unknown"),
            // The buttons the alert offers (entry A is shown, not silent).
            "userOptions", c -> c.entry(A).put("user_options", List.of("retry", "log-out")));

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryFields")
    void editingAnEntryFieldRerendersThePagesThatShowIt(String field, @TempDir Path dir) throws Exception {
        Consumer<Content> edit = SPECIAL.get(field);
        String expected = null;
        if (edit == null) {
            RecordComponent rc = component(ErrorEntry.class, field);
            String key = snake(field);
            Content probe = new Content();
            Object now = probe.entry(A).get(key);
            Object next = yamlValue(rc, now);
            expected = next instanceof String s ? s : null;
            edit = c -> c.entry(A).put(key, next);
        }
        assertRebuildMatchesCleanBuild(dir, edit, expected);
    }

    @Test
    void editingAnIncludedFileRerendersThePage(@TempDir Path dir) throws Exception {
        assertRebuildMatchesCleanBuild(dir, c -> c.files.put("pages/admin/partial.adoc", "Edited partial text.\n\nuser-message::" + A + "[]\n"),
                "Edited partial text.");
    }

    @Test
    void aCatalogEditReachesAMacroInAnIncludedFile(@TempDir Path dir) throws Exception {
        // The body of the including page has no catalog macro; the included file does.
        assertRebuildMatchesCleanBuild(dir, c -> c.entry(A).put("user_message", "Changed through the include."), "Changed through the include.");
    }

    @Test
    void editingASchemaRevalidatesTheExample(@TempDir Path dir) throws Exception {
        Content c = new Content();
        Path content = dir.resolve("content");
        c.write(content);
        Path cache = dir.resolve("cache");
        SiteBuilder warm = builder(new RenderCache(cache));
        assertTrue(errors(build(warm, content, dir.resolve("one"))).isEmpty());
        c.files.put("schemas/cfg.schema.json", "{\"type\": \"object\", \"required\": [\"Enable\", \"TenantId\"]}\n");
        c.write(content);
        BuildResult again = build(builder(new RenderCache(cache)), content, dir.resolve("two"));
        assertTrue(errors(again).stream().anyMatch(f -> f.rule().equals(dev.docsite.rules.RenderRules.LIVE_SCHEMA.id()) && f.message().contains("TenantId")),
                "expected the example to be validated again: " + errors(again));
        assertTrue(errors(build(warm, content, dir.resolve("three"))).stream().anyMatch(f -> f.message().contains("TenantId")));
    }

    /** README: "a rebuild with nothing changed never starts JRuby". */
    @Test
    void aRebuildWithNothingChangedNeverStartsJRuby(@TempDir Path dir) throws Exception {
        Content c = new Content();
        Path content = dir.resolve("content"), cache = dir.resolve("cache");
        c.write(content);
        build(builder(new RenderCache(cache)), content, dir.resolve("first"));
        dev.docsite.render.AsciidocRenderer fresh = new dev.docsite.render.AsciidocRenderer();   // as in a new process
        BuildResult again = new SiteBuilder(fresh, new RenderCache(cache), new Layout(Fixture.TEMPLATES), 2)
                .build(new SiteBuilder.Request(ContentLoader.load(new DirectorySource(content)), dev.docsite.content.ContentRoot.of(content), List.of(), null), dir.resolve("again"));
        assertEquals(0, again.stats().rendered());
        assertFalse(fresh.started(), "Asciidoctor was started for a build served from the cache");
        assertEquals(TestSite.snapshot(dir.resolve("first")), TestSite.snapshot(dir.resolve("again")));
    }

    @Test
    void editingSiteSettingsReachesThePages(@TempDir Path dir) throws Exception {
        assertRebuildMatchesCleanBuild(dir, c -> c.site = c.site.replace("title: Key test", "title: Renamed site")
                .replace("title: Administrators", "title: Operators").replace("https://example.com/edit/", "https://example.org/e/"), "Renamed site");
    }

    /**
     * Builds the content, edits it, and rebuilds it twice through the cache: with the same builder (serve:
     * memory cache and memo) and with a new one reading the disk cache (a second `docsite build`). Both must
     * equal a build without any cache, differ from the first build, and (when given) contain {@code expected}.
     */
    private static void assertRebuildMatchesCleanBuild(Path dir, Consumer<Content> edit, String expected) throws Exception {
        Content c = new Content();
        Path content = dir.resolve("content"), cache = dir.resolve("cache");
        c.write(content);
        SiteBuilder warm = builder(new RenderCache(cache));
        BuildResult first = build(warm, content, dir.resolve("first"));
        assertEquals(List.of(), errors(first), "the content before the edit must be valid");
        // A copy of the disk cache as the first build left it, for the second process.
        Path cacheCopy = dir.resolve("cache-copy");
        try (Stream<Path> s = Files.walk(cache)) {
            for (Path p : s.toList()) {
                Path to = cacheCopy.resolve(cache.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
            }
        }

        edit.accept(c);
        c.write(content);
        BuildResult same = build(warm, content, dir.resolve("same-builder"));
        BuildResult disk = build(builder(new RenderCache(cacheCopy)), content, dir.resolve("new-builder"));
        BuildResult clean = build(builder(RenderCache.memoryOnly()), content, dir.resolve("clean"));
        assertEquals(List.of(), errors(clean), "the edit must leave valid content");

        Map<String, String> cleanFiles = TestSite.snapshot(dir.resolve("clean"));
        assertSameSite(dir.resolve("clean"), dir.resolve("same-builder"), "the same builder served a stale render");
        assertSameSite(dir.resolve("clean"), dir.resolve("new-builder"), "the disk cache served a stale render");
        assertNotEquals(TestSite.snapshot(dir.resolve("first")), cleanFiles, "the edit changed nothing on the site");
        assertTrue(disk.stats().rendered() > 0 && same.stats().rendered() > 0 || first.stats().pages() != clean.stats().pages()
                || onlyLayoutChanged(expected), "nothing was rendered again");
        if (expected != null) assertTrue(containsText(dir.resolve("new-builder"), expected), "'" + expected + "' is on no page");
    }

    private static void assertSameSite(Path expected, Path actual, String message) throws IOException {
        Map<String, String> a = TestSite.snapshot(expected), b = TestSite.snapshot(actual);
        if (a.equals(b)) return;
        List<String> differ = new ArrayList<>();
        for (String f : a.keySet()) if (!a.get(f).equals(b.get(f))) differ.add(f);
        for (String f : b.keySet()) if (!a.containsKey(f)) differ.add(f);
        String first = differ.get(0), detail = "";
        if (Files.isRegularFile(expected.resolve(first)) && Files.isRegularFile(actual.resolve(first))) {
            List<String> x = Files.readAllLines(expected.resolve(first)), y = Files.readAllLines(actual.resolve(first));
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                String l1 = i < x.size() ? x.get(i) : "", l2 = i < y.size() ? y.get(i) : "";
                if (!l1.equals(l2)) { detail = "\n  clean:  " + l1 + "\n  cached: " + l2; break; }
            }
        }
        fail(message + ": " + differ + ", first difference in " + first + detail);
    }

    private static boolean onlyLayoutChanged(String expected) { return "Renamed site".equals(expected); }

    private static boolean containsText(Path site, String text) throws IOException {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String t = Files.readString(f);
                if (t.contains(text) || t.contains(escaped)) return true;
            }
        }
        return false;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static SiteBuilder builder(RenderCache cache) throws Exception {
        return new SiteBuilder(Fixture.renderer(), cache, new Layout(Fixture.TEMPLATES), 2);
    }

    private static BuildResult build(SiteBuilder b, Path content, Path out) throws Exception {
        var set = ContentLoader.load(new DirectorySource(content));
        return b.build(new SiteBuilder.Request(set, dev.docsite.content.ContentRoot.of(content), List.of(), null), out);
    }

    private static List<Finding> errors(BuildResult r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    static String snake(String camel) { return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT); }

    /** A different valid YAML value for a field of entry A, chosen by the component's type. */
    private static Object yamlValue(RecordComponent rc, Object now) {
        Class<?> t = rc.getType();
        if (t == String.class) return (now == null ? "" : now + " ") + "Edited " + snake(rc.getName()) + " text.";
        if (t == Integer.class || t == int.class) return ((Integer) now) + 103;
        if (t.isEnum()) {
            for (Object k : t.getEnumConstants()) {
                String yaml = yamlName(k);
                if (!yaml.equals(now)) return yaml;
            }
        }
        if (Map.class.isAssignableFrom(t)) {
            Map<String, Object> m = new LinkedHashMap<>();
            @SuppressWarnings("unchecked") Map<String, Object> old = (Map<String, Object>) now;
            old.forEach((k, v) -> m.put(k, v + " Edited."));
            return m;
        }
        return fail("no way to edit entry field '" + rc.getName() + "' of type " + rc.getGenericType() + ": add one to CacheKeyTest.SPECIAL");
    }

    private static String yamlName(Object enumConstant) {
        try {
            return (String) enumConstant.getClass().getField("yaml").get(enumConstant);
        } catch (ReflectiveOperationException e) {
            return ((Enum<?>) enumConstant).name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A different value of the component's Java type (for the state tests). */
    private static Object otherValue(RecordComponent rc, Object now) {
        Class<?> t = rc.getType();
        if (t == String.class) return now + " changed";
        if (t == Integer.class) return now == null ? 1 : (Integer) now + 1;
        if (t.isEnum()) {
            for (Object k : t.getEnumConstants()) if (k != now) return k;
        }
        if (Map.class.isAssignableFrom(t)) {
            Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) now);
            boolean strings = rc.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[1] == String.class;
            m.put("added", strings ? "value" : null);
            return m;
        }
        if (List.class.isAssignableFrom(t)) {
            List<Object> l = new ArrayList<>((List<?>) now);
            l.add("added");
            return l;
        }
        if (t == boolean.class || t == Boolean.class) return !Boolean.TRUE.equals(now);
        return fail("no other value for " + rc + ": extend CacheKeyTest.otherValue");
    }

    private static RecordComponent component(Class<? extends Record> type, String name) {
        return Stream.of(type.getRecordComponents()).filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }

    private static <R extends Record> R with(R r, String name, Object value) { return dev.docsite.TestRecords.with(r, name, value); }

    /** An entry with every field set, built through the canonical constructor (new components get a value too). */
    private static ErrorEntry entry() throws Exception {
        RecordComponent[] rcs = ErrorEntry.class.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            Class<?> t = rcs[i].getType();
            types[i] = t;
            args[i] = t == String.class ? rcs[i].getName() + " text"
                    : t == Integer.class ? 401
                    : t.isEnum() ? t.getEnumConstants()[0]
                    : t == SourcePos.class ? new SourcePos("errors/x.yaml", 3, 5)
                    : Map.class.isAssignableFrom(t) ? Map.of()
                    : List.class.isAssignableFrom(t) ? List.of()
                    : t == boolean.class ? Boolean.FALSE
                    : null;
        }
        return ErrorEntry.class.getDeclaredConstructor(types).newInstance(args);
    }

    private static String state(ErrorEntry e) {
        return CatalogState.of(List.of(new ErrorCatalog("c", "C", "errors/c.yaml", new SourcePos("errors/c.yaml", 1, 1), List.of(e))));
    }

    private static VersionContent version(List<ErrorCatalog> catalogs) {
        var config = new dev.docsite.content.SiteConfig("T", null, null, List.of(new dev.docsite.content.SiteConfig.Audience("admin", "A", null)),
                List.of(new dev.docsite.content.SiteConfig.VersionSpec("1.0", null, null, null, List.of())),
                dev.docsite.content.SiteConfig.LinksConfig.defaults(), List.of(), false, null, List.of());
        var set = new dev.docsite.content.ContentSet(config, List.of(), catalogs, Map.of(), new DirectorySource(Path.of("content")));
        return VersionContent.of(config, set, "1.0");
    }

    /** The content of the end-to-end tests, as data, so each test edits one thing and writes it again. */
    static final class Content {
        String site = """
                title: Key test
                edit_url: https://example.com/edit/{path}
                audiences:
                  - id: admin
                    title: Administrators
                  - id: end-user
                    title: End users
                versions:
                  - name: "2.0"
                  - name: "1.0"
                """;
        String catalogId = "sign-in";
        final List<Map<String, Object>> entries = new ArrayList<>();
        final Map<String, String> files = new LinkedHashMap<>();

        Content() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", A);
            a.put("layer", "server");
            a.put("http", 400);
            a.put("scenario", "The token has expired");
            a.put("user_title", "Session Expired");
            a.put("user_message", "Your session at {organization} has expired.");
            a.put("placeholders", new LinkedHashMap<>(Map.of("organization", "The organization name.")));
            a.put("retry", "none");
            a.put("fallback", "none");
            a.put("cause", "The token is too old.");
            a.put("resolution", "Sign in again.");
            entries.add(a);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", B);
            b.put("layer", "config");
            b.put("scenario", "Tenant ID is empty");
            b.put("user_message", "Tenant ID is required.");
            b.put("retry", "none");
            b.put("fallback", "none");
            b.put("cause", "The setting is empty.");
            b.put("resolution", "Enter the tenant ID.");
            entries.add(b);
            page("admin/troubleshoot", "admin", "== Errors\n\nerror-table::sign-in[audience=admin]\n");
            page("end-user/messages", "end-user", "== Messages\n\nerror-table::sign-in[audience=end-user]\n");
            page("end-user/alert", "end-user", "== Alert\n\nuser-message::" + A + "[]\n");
            page("admin/response", "admin", "== Response\n\nerror-response::" + A + "[]\n");
            page("admin/links", "admin", "== Links\n\nSee error:" + A + "[] for details.\n");
            page("admin/included", "admin", "== Included\n\ninclude::partial.adoc[]\n");
            files.put("pages/admin/partial.adoc", "Partial text.\n\nuser-message::" + A + "[]\n");
            page("admin/config", "admin", "== Config\n\n[source,json,role=live,schema=cfg]\n----\n{\"Enable\": true}\n----\n");
            files.put("schemas/cfg.schema.json", "{\"type\": \"object\", \"required\": [\"Enable\"]}\n");
        }

        private void page(String id, String audience, String body) {
            String indented = body.lines().map(l -> l.isEmpty() ? "" : "  " + l).reduce("", (x, y) -> x + y + "\n");
            files.put("pages/" + id + ".yaml", "title: " + id.substring(id.indexOf('/') + 1) + "\naudience: " + audience
                    + "\nsummary: A page.\nbody: |\n" + indented);
        }

        Map<String, Object> entry(String id) {
            return entries.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow();
        }

        void renameEntry(String from, String to) {
            entry(from).put("id", to);
            files.replaceAll((k, v) -> v.replace(from, to));
        }

        void renameCatalog(String from, String to) {
            catalogId = to;
            files.replaceAll((k, v) -> v.replace("error-table::" + from + "[", "error-table::" + to + "["));
        }

        void write(Path content) throws IOException {
            if (Files.isDirectory(content)) {
                try (Stream<Path> s = Files.walk(content)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            Fixture.write(content, "site.yaml", site);
            Map<String, Object> catalog = new LinkedHashMap<>();
            catalog.put("title", "Sign-in errors");
            catalog.put("errors", entries);
            Fixture.write(content, "errors/" + catalogId + ".yaml", YAML.writeValueAsString(catalog));
            for (var f : files.entrySet()) Fixture.write(content, f.getKey(), f.getValue());
        }
    }
}
