package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads site.yaml, pages, error catalogs and schemas from a {@link ContentSource} and validates them.
 * Every problem of the run is collected and thrown together; nothing is half-loaded.
 */
public final class ContentLoader {
    static final List<String> SITE_KEYS = List.of("title", "base_url", "edit_url", "audiences", "versions", "links");
    static final List<String> AUDIENCE_KEYS = List.of("id", "title");
    static final List<String> VERSION_KEYS = List.of("name", "ref");
    static final List<String> LINKS_KEYS = List.of("timeout_ms", "concurrency", "per_host", "retries", "cache_ttl_hours", "ignore");
    static final List<String> PAGE_KEYS = List.of("title", "audience", "summary", "order", "since", "until", "aliases", "body");
    static final List<String> SECTION_KEYS = List.of("title", "summary", "order");
    static final List<String> CATALOG_KEYS = List.of("title", "errors");
    static final List<String> ERROR_KEYS = List.of("id", "layer", "http", "scenario", "user_title", "user_message",
            "placeholders", "retry", "fallback", "cause", "resolution", "since", "until");
    private static final Pattern PAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContentSource source;
    private final Problems problems = new Problems();
    private String lastText = "";   // text of the file parsed last, to find where a block scalar starts
    private Map<String, Page> unchangedPages = Map.of();   // by path: parsed before and not touched since
    private List<String> knownPageFiles;                    // when a reload knows them without listing the folder

    private ContentLoader(ContentSource source) { this.source = source; }

    public static ContentSet load(ContentSource source) throws ContentException {
        ContentSet set = new ContentLoader(source).load();
        if (!set.problems().isEmpty()) throw new ContentException(set.problems());
        return set;
    }

    /**
     * Loads what can be loaded: a page or catalog file with problems is left out and its problems are
     * returned with the rest, so a build reports them together with every finding of the content that did
     * load (one run, every mistake). Throws only when site.yaml itself is unusable.
     */
    public static ContentSet loadAll(ContentSource source) throws ContentException {
        ContentLoader loader = new ContentLoader(source);
        ContentSet set = loader.load();
        if (set.config() == null) throw new ContentException(set.problems());
        return set;
    }

    /**
     * Loads {@code previous}'s source again after the files in {@code changed} (paths relative to the
     * content root) changed: the other pages keep their previous parse, so an edit costs the files it
     * touched, not the whole set (serve). Every rule across files still runs; a changed site.yaml means
     * a full load, since pages are validated against it.
     */
    public static ContentSet reload(ContentSet previous, Set<String> changed) throws ContentException {
        ContentLoader loader = new ContentLoader(previous.source());
        if (!changed.contains("site.yaml")) {
            Map<String, Page> byPath = new HashMap<>();
            for (Page p : previous.pages()) if (!changed.contains(p.path())) byPath.put(p.path(), p);
            loader.unchangedPages = byPath;
            loader.knownPageFiles = pageFiles(previous, changed);
        }
        ContentSet set = loader.load();
        if (!set.problems().isEmpty()) throw new ContentException(set.problems());
        return set;
    }

    /**
     * The page files after an edit, from the previous load (which read every page file, or it would
     * have failed) and the changed paths, without walking pages/. Null when a changed path under pages/
     * is not a page file (a folder moved or removed): then the folder is listed.
     */
    private static List<String> pageFiles(ContentSet previous, Set<String> changed) {
        Set<String> files = new java.util.TreeSet<>();
        for (Page p : previous.pages()) files.add(p.path());
        for (Section s : previous.sections().values()) files.add(s.path());   // re-read each time: they are few and small
        try {
            for (String path : changed) {
                if (!path.startsWith("pages/")) continue;
                if (!isPageFile(path)) return null;
                if (previous.source().exists(path)) files.add(path);
                else files.remove(path);
            }
        } catch (IOException e) {
            return null;
        }
        return List.copyOf(files);
    }

    private static boolean isPageFile(String path) { return (path.endsWith(".yaml") || path.endsWith(".yml")) && !isSectionFile(path); }

    private static boolean isSectionFile(String path) { return path.endsWith("/" + Section.FILE); }

    /**
     * Only the error catalogs of {@code source}, best effort: files that do not parse are left out and no
     * rule is applied. For comparing with an earlier revision, whose other content may no longer be valid.
     */
    public static List<ErrorCatalog> catalogsOnly(ContentSource source) throws IOException {
        ContentLoader loader = new ContentLoader(source);
        List<ErrorCatalog> out = new ArrayList<>();
        for (String path : source.list("errors", ".yaml")) {
            ErrorCatalog c = loader.loadCatalog(path, null);
            if (c != null) out.add(c);
        }
        return out;
    }

    private ContentSet load() {
        SiteConfig config = loadSite();
        Set<String> broken = new java.util.TreeSet<>();
        List<Page> pages = new ArrayList<>();
        List<ErrorCatalog> catalogs = new ArrayList<>();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        Map<String, Section> sections = new java.util.TreeMap<>();
        try {
            Map<String, Instant> updated = source.lastUpdated();
            List<String> pageFiles = knownPageFiles;
            if (pageFiles == null) {
                pageFiles = new ArrayList<>(source.list("pages", ".yaml"));
                pageFiles.addAll(source.list("pages", ".yml"));
            }
            for (String path : pageFiles) {
                if (isSectionFile(path)) {
                    Section s = loadSection(path);
                    if (s != null) sections.put(s.id(), s);
                    continue;
                }
                Page p = unchangedPages.get(path);
                int before = problems.size();
                if (p == null) p = loadPage(path, config, updated.get(path));
                if (p != null && problems.size() == before) pages.add(p);
                else broken.add(path);
            }
            for (String path : source.list("errors", ".yaml")) {
                int before = problems.size();
                ErrorCatalog c = loadCatalog(path, config);
                if (c != null && problems.size() == before) catalogs.add(c);
                else broken.add(path);
            }
            for (String path : source.list("schemas", ".schema.json")) loadSchema(path, schemas);
        } catch (IOException e) {
            problems.add(SourcePos.of(source.display("")), ContentRules.UNREADABLE.id(), "cannot read content: " + e.getMessage());
        }
        if (config != null) checkPageIds(pages, config);
        // The catalog rules (CatalogRules) run with the build's checks, so one run reports them with everything else.
        pages.sort((a, b) -> a.id().compareTo(b.id()));
        return new ContentSet(config, List.copyOf(pages), List.copyOf(catalogs), Map.copyOf(schemas), source, problems.list(), Set.copyOf(broken),
                java.util.Collections.unmodifiableMap(sections));
    }

    /**
     * A section file: title, summary and order of the folder it is in. Only folders under an audience
     * folder are sections; a section file elsewhere would describe nothing.
     */
    private Section loadSection(String path) {
        String folder = path.substring("pages/".length(), path.length() - Section.FILE.length() - 1);
        String file = source.display(path);
        if (!folder.contains("/") || !PAGE_ID.matcher(folder).matches()) {
            problems.add(new SourcePos(file, 1, 1), ContentRules.FIELD_VALUE.id(), "a section file belongs in a folder under an audience folder "
                    + "(expected pages/<audience>/<section>/" + Section.FILE + ")");
            return null;
        }
        YNode root = parse(path);
        if (root == null) return null;
        MapReader m = MapReader.of(root, problems, "a section", SECTION_KEYS);
        if (m == null) return null;
        String title = m.string("title", false);
        String summary = m.string("summary", false);
        Integer order = m.integer("order", false, -1_000_000, 1_000_000);
        return new Section(folder, path, new SourcePos(file, 1, 1), title == null ? Section.defaultTitle(folder) : title,
                summary == null ? "" : summary, order == null ? 1000 : order);
    }

    private YNode parse(String path) {
        String file = source.display(path);
        try {
            String text = source.read(path);
            lastText = text;
            return YamlReader.parse(text, file);
        } catch (ContentException e) {
            problems.addAll(e.problems());
        } catch (IOException e) {
            problems.add(SourcePos.of(file), ContentRules.UNREADABLE.id(), "cannot read: " + e.getMessage());
        }
        return null;
    }

    private SiteConfig loadSite() {
        try {
            if (!source.exists("site.yaml")) {
                problems.add(SourcePos.of(source.display("site.yaml")), ContentRules.MISSING_FIELD.id(), "missing site.yaml (expected the site's title, audiences and versions)");
                return null;
            }
        } catch (IOException e) {
            problems.add(SourcePos.of(source.display("site.yaml")), ContentRules.UNREADABLE.id(), "cannot read: " + e.getMessage());
            return null;
        }
        YNode root = parse("site.yaml");
        if (root == null) return null;
        MapReader m = MapReader.of(root, problems, "site.yaml", SITE_KEYS);
        if (m == null) return null;
        String title = m.string("title", true);
        String baseUrl = m.string("base_url", false);
        if (baseUrl != null && !baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        String editUrl = m.string("edit_url", false);
        List<SiteConfig.Audience> audiences = new ArrayList<>();
        for (YNode a : m.list("audiences", true)) {
            MapReader am = MapReader.of(a, problems, "an audience", AUDIENCE_KEYS);
            if (am == null) continue;
            String id = am.string("id", true), t = am.string("title", true);
            if (id == null || t == null) continue;
            if (audiences.stream().anyMatch(x -> x.id().equals(id))) problems.add(am.pos("id"), ContentRules.FIELD_VALUE.id(), "duplicate audience id '" + id + "'");
            else if (!id.matches("[a-z0-9][a-z0-9-]*")) problems.add(am.pos("id"), ContentRules.FIELD_VALUE.id(), "audience id '" + id + "' must be lowercase letters, digits and '-' (it names a folder)");
            else audiences.add(new SiteConfig.Audience(id, t, a.pos()));
        }
        if (audiences.isEmpty() && m.has("audiences")) problems.add(m.pos("audiences"), ContentRules.MISSING_FIELD.id(), "site.yaml declares no audience (expected at least one)");
        List<SiteConfig.VersionSpec> versions = new ArrayList<>();
        for (YNode v : m.list("versions", true)) {
            MapReader vm = MapReader.of(v, problems, "a version", VERSION_KEYS);
            if (vm == null) continue;
            String name = vm.string("name", true), ref = vm.string("ref", false);
            if (name == null) continue;
            if (versions.stream().anyMatch(x -> x.name().equals(name))) problems.add(vm.pos("name"), ContentRules.FIELD_VALUE.id(), "duplicate version '" + name + "'");
            else if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) problems.add(vm.pos("name"), ContentRules.FIELD_VALUE.id(), "version name '" + name + "' must be letters, digits, '.', '_' or '-' (it names a folder)");
            else versions.add(new SiteConfig.VersionSpec(name, ref, v.pos(), ref == null ? v.pos() : vm.pos("ref")));
        }
        if (versions.isEmpty() && m.has("versions")) problems.add(m.pos("versions"), ContentRules.MISSING_FIELD.id(), "site.yaml declares no version (expected at least one, newest first)");
        SiteConfig.LinksConfig links = SiteConfig.LinksConfig.defaults();
        YNode ln = root.get("links");
        if (ln != null && ln.kind() != YNode.Kind.NULL) {
            MapReader lm = MapReader.of(ln, problems, "links", LINKS_KEYS);
            if (lm != null) {
                SiteConfig.LinksConfig d = links;
                List<String> ignore = lm.strings("ignore");
                for (int i = 0; i < ignore.size(); i++) {
                    try { Pattern.compile(ignore.get(i)); } catch (RuntimeException e) {
                        problems.add(root.get("links").get("ignore").items().get(i).pos(), ContentRules.FIELD_VALUE.id(), "ignore pattern is not a valid regular expression: " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }
                links = new SiteConfig.LinksConfig(
                        orDefault(lm.integer("timeout_ms", false, 1, 600_000), d.timeoutMs()),
                        orDefault(lm.integer("concurrency", false, 1, 256), d.concurrency()),
                        orDefault(lm.integer("per_host", false, 1, 64), d.perHost()),
                        orDefault(lm.integer("retries", false, 0, 10), d.retries()),
                        orDefault(lm.integer("cache_ttl_hours", false, 0, 24 * 365), d.cacheTtlHours()),
                        ignore);
            }
        }
        if (title == null || audiences.isEmpty() || versions.isEmpty()) return null;
        return new SiteConfig(title, baseUrl, editUrl, List.copyOf(audiences), List.copyOf(versions), links, root.pos());
    }

    private static int orDefault(Integer v, int d) { return v == null ? d : v; }

    private Page loadPage(String path, SiteConfig config, Instant lastUpdated) {
        YNode root = parse(path);
        if (root == null) return null;
        String file = source.display(path);
        MapReader m = MapReader.of(root, problems, "a page", PAGE_KEYS);
        if (m == null) return null;
        String id = path.substring("pages/".length(), path.lastIndexOf('.'));
        if (!PAGE_ID.matcher(id).matches())
            problems.add(SourcePos.of(file), ContentRules.FIELD_VALUE.id(), "page file name '" + id + "' must be lowercase letters, digits, '.', '_' or '-' (it becomes the page's URL)");
        String title = m.string("title", true);
        String audience = m.string("audience", true);
        String summary = m.string("summary", true);
        Integer order = m.integer("order", false, -1_000_000, 1_000_000);
        String since = m.string("since", false), until = m.string("until", false);
        List<String> aliases = m.strings("aliases");
        String body = m.string("body", true);
        if (config != null) {
            if (audience != null && config.audience(audience).isEmpty()) {
                List<String> ids = config.audiences().stream().map(SiteConfig.Audience::id).toList();
                String hint = Suggest.closest(audience, ids);
                problems.add(m.pos("audience"), ContentRules.FIELD_VALUE.id(), "unknown audience '" + audience + "': expected one of " + String.join(", ", ids)
                        + " (declared in site.yaml)" + (hint != null ? "; did you mean '" + hint + "'?" : ""));
            }
            checkVersionName(m, "since", since, config);
            checkVersionName(m, "until", until, config);
            if (since != null && until != null && config.versionIndex(since) >= 0 && config.versionIndex(until) > config.versionIndex(since))
                problems.add(m.pos("until"), ContentRules.UNKNOWN_VERSION.id(), "until '" + until + "' is older than since '" + since + "' (expected until to be the same as or newer than since)");
        }
        if (title == null || audience == null || summary == null || body == null) return null;
        return new Page(id, path, new SourcePos(file, 1, 1), title, audience, summary, order == null ? 1000 : order,
                since, until, List.copyOf(aliases), body, bodyLine(root.get("body"), lastText), lastUpdated, fieldPositions(root));
    }

    /** Where each field of a page was written, list items as "field/index". */
    private static Map<String, SourcePos> fieldPositions(YNode root) {
        Map<String, SourcePos> out = new HashMap<>();
        if (root == null || root.entries() == null) return Map.of();
        root.entries().forEach((key, value) -> {
            out.put(key, value.pos());
            if (value.items() != null) for (int i = 0; i < value.items().size(); i++) out.put(key + "/" + i, value.items().get(i).pos());
        });
        return Map.copyOf(out);
    }

    /** First YAML line of the body text: the line after a block indicator ("body: |"), else the value's own line. */
    private static int bodyLine(YNode body, String text) {
        SourcePos p = body.pos();
        String line = text.lines().skip(p.line() - 1).findFirst().orElse("");
        int col = Math.max(p.column() - 1, 0);
        char c = col < line.length() ? line.charAt(col) : ' ';
        return c == '|' || c == '>' ? p.line() + 1 : p.line();
    }

    private void checkVersionName(MapReader m, String key, String value, SiteConfig config) {
        if (value == null || config.versionIndex(value) >= 0) return;
        List<String> names = config.versions().stream().map(SiteConfig.VersionSpec::name).toList();
        problems.add(m.pos(key), ContentRules.UNKNOWN_VERSION.id(), key + " names version '" + value + "', which site.yaml does not declare (expected one of "
                + String.join(", ", names) + ")");
    }

    private void checkPageIds(List<Page> pages, SiteConfig config) {
        Map<String, Page> byId = new HashMap<>();
        for (Page p : pages) {
            Page other = byId.putIfAbsent(p.id(), p);
            if (other != null)
                problems.add(p.pos(), ContentRules.DUPLICATE_PAGE.id(), "duplicate page id '" + p.id() + "': " + other.pos().file() + " has the same id (expected one file per page id)");
            if (p.id().equals("index") || p.id().endsWith("/index") || p.id().equals("search"))
                problems.add(p.pos(), ContentRules.RESERVED_ID.id(), "page id '" + p.id() + "' is reserved: it would overwrite a generated landing page (expected another file name)");
            if (config.versionIndex(p.id().split("/")[0]) >= 0 || p.id().startsWith("_/"))
                problems.add(p.pos(), ContentRules.RESERVED_ID.id(), "page id '" + p.id() + "' starts with a reserved folder name (a version name or _)");
        }
        Map<String, Page> aliasOwner = new HashMap<>();
        for (Page p : pages) {
            for (int i = 0; i < p.aliases().size(); i++) {
                String alias = p.aliases().get(i);
                SourcePos at = p.posOf("aliases/" + i);
                if (byId.containsKey(alias))
                    problems.add(at, ContentRules.ALIAS.id(), "alias '" + alias + "' collides with the page " + byId.get(alias).pos().file()
                            + " (expected an old page id that no page uses any more)");
                else if (aliasOwner.containsKey(alias) && aliasOwner.get(alias) != p)
                    problems.add(at, ContentRules.ALIAS.id(), "alias '" + alias + "' is also claimed by " + aliasOwner.get(alias).pos().file());
                else if (!PAGE_ID.matcher(alias).matches())
                    problems.add(at, ContentRules.ALIAS.id(), "alias '" + alias + "' is not a page id (expected a path like admin/old-name)");
                else aliasOwner.put(alias, p);
            }
        }
    }

    private ErrorCatalog loadCatalog(String path, SiteConfig config) {
        YNode root = parse(path);
        if (root == null) return null;
        String id = path.substring("errors/".length(), path.length() - ".yaml".length());
        MapReader m = MapReader.of(root, problems, "an error catalog", CATALOG_KEYS);
        if (m == null) return null;
        String title = m.string("title", true);
        List<ErrorEntry> entries = new ArrayList<>();
        for (YNode n : m.list("errors", true)) {
            MapReader e = MapReader.of(n, problems, "an error entry", ERROR_KEYS);
            if (e == null) continue;
            ErrorEntry entry = readEntry(e, id, config);
            if (entry != null) entries.add(entry);
        }
        return new ErrorCatalog(id, title == null ? id : title, path, new SourcePos(source.display(path), 1, 1), List.copyOf(entries));
    }

    private ErrorEntry readEntry(MapReader e, String catalogId, SiteConfig config) {
        String id = e.string("id", true);
        String layer = e.oneOf("layer", true, enumValues(ErrorEntry.Layer.values()));
        Integer http = e.has("http") ? e.integer("http", false, 100, 599) : null;
        String scenario = e.string("scenario", true);
        String userTitle = e.string("user_title", false);
        String userMessage = e.string("user_message", false);
        Map<String, String> placeholders = e.stringMap("placeholders");
        String retry = e.oneOf("retry", true, enumValues(ErrorEntry.Retry.values()));
        String fallback = e.oneOf("fallback", true, enumValues(ErrorEntry.Fallback.values()));
        // cause and resolution are checked by the catalog rules so they carry a rule id.
        String cause = e.string("cause", false), resolution = e.string("resolution", false);
        String since = e.string("since", false), until = e.string("until", false);
        if (config != null) {
            checkVersionName(e, "since", since, config);
            checkVersionName(e, "until", until, config);
        }
        if (id == null || layer == null || retry == null || fallback == null) return null;
        return new ErrorEntry(id, catalogId, ErrorEntry.Layer.valueOf(layer.toUpperCase().replace('-', '_')), http,
                scenario, userTitle, userMessage, placeholders,
                ErrorEntry.Retry.valueOf(retry.toUpperCase()), ErrorEntry.Fallback.valueOf(fallback.toUpperCase().replace('-', '_')),
                cause, resolution, since, until, e.node().pos(), e.fieldPositions());
    }

    private static List<String> enumValues(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> {
            try { return (String) v.getClass().getField("yaml").get(v); } catch (ReflectiveOperationException ex) { throw new IllegalStateException(ex); }
        }).toList();
    }

    private void loadSchema(String path, Map<String, JsonNode> schemas) {
        String file = source.display(path);
        String name = path.substring("schemas/".length(), path.length() - ".schema.json".length());
        try {
            schemas.put(name, JSON.readTree(source.read(path)));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new SourcePos(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr()), ContentRules.SCHEMA_FILE.id(),
                    "JSON syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            problems.add(SourcePos.of(file), ContentRules.UNREADABLE.id(), "cannot read: " + e.getMessage());
        }
    }


}
