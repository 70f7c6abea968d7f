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
    static final List<String> SITE_KEYS = List.of("title", "base_url", "edit_url", "audiences", "versions", "links", "terms", "allow_raw_html", "attributes");
    static final List<String> TERM_KEYS = List.of("avoid", "use", "reason", "match_case");
    static final List<String> AUDIENCE_KEYS = List.of("id", "title");
    static final List<String> VERSION_KEYS = List.of("name", "ref", "attributes");
    static final List<String> LINKS_KEYS = List.of("timeout_ms", "concurrency", "per_host", "retries", "cache_ttl_hours", "ignore",
            "deadline_seconds", "allow_private_redirects");
    static final List<String> PAGE_KEYS = List.of("title", "audience", "summary", "order", "since", "until", "aliases", "body");
    static final List<String> SECTION_KEYS = List.of("title", "summary", "order");
    static final List<String> CATALOG_KEYS = List.of("title", "errors");
    static final List<String> ERROR_KEYS = List.of("id", "layer", "http", "scenario", "user_title", "user_message",
            "user_meaning", "user_action", "placeholders", "retry", "user_options", "fallback", "cause", "resolution", "since", "until");
    private static final Pattern PAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The date of pages git knows nothing about (content outside a repository, a new file): SOURCE_DATE_EPOCH
     * when set (reproducible-builds.org), else none. The clock is never read, so output does not depend on it.
     */
    static final Instant SOURCE_DATE = sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH"));

    static Instant sourceDateEpoch(String value) {
        if (value == null || !value.strip().matches("\\d{1,12}")) return null;
        return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    }

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
        return loadAll(source, Map.of());
    }

    /**
     * As {@link #loadAll(ContentSource)}, reusing {@code parsed}: pages by path whose file has not changed since they
     * were parsed with the same site.yaml (a build after a change parses only the files that changed).
     */
    public static ContentSet loadAll(ContentSource source, Map<String, Page> parsed) throws ContentException {
        ContentLoader loader = new ContentLoader(source);
        loader.unchangedPages = parsed;
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
                // A page parsed before keeps everything but its last-updated time, which comes from git. Its id, which
                // becomes an output path, must still be the one its path gives (a saved parse is a file in the cache).
                if (p != null && (!p.path().equals(path) || !p.id().equals(pageId(path)))) p = null;
                if (p != null) p = p.withLastUpdated(updated.getOrDefault(path, SOURCE_DATE));
                else p = loadPage(path, config, updated.getOrDefault(path, SOURCE_DATE));
                if (p != null && problems.size() == before) pages.add(p);
                else broken.add(path);
            }
            // Files beside pages are copied into the site later: refuse any that leads out of the folder now.
            // (Only a folder can hold a link: a git revision stores a link as a small file naming its target.)
            for (String path : source instanceof DirectorySource ? source.list("pages", "") : List.<String>of()) {
                if (isPageFile(path)) continue;
                try {
                    source.checkInside(path);
                } catch (ContentReadException e) {
                    problems.add(e.problem(source.display(path)));
                    broken.add(path);   // reported once here, never copied
                }
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
        } catch (ContentReadException e) {
            problems.add(e.problem(file));
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
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            // It ends up in every canonical link and the sitemap: only a web address is allowed.
            problems.add(m.pos("base_url"), ContentRules.FIELD_VALUE.id(), "base_url '" + baseUrl
                    + "' is not an http(s) address (expected an absolute URL like https://docs.example.com/)");
            baseUrl = null;
        }
        if (baseUrl != null && !baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
        Boolean allowRawHtml = m.bool("allow_raw_html");
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
            else versions.add(new SiteConfig.VersionSpec(name, ref, v.pos(), ref == null ? v.pos() : vm.pos("ref"),
                    attributes(v.get("attributes"), "version " + name)));
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
                        ignore,
                        orDefault(lm.integer("deadline_seconds", false, 1, 24 * 3600), d.deadlineSeconds()),
                        Boolean.TRUE.equals(lm.bool("allow_private_redirects")));
            }
        }
        List<SiteConfig.Term> terms = new ArrayList<>();
        for (YNode t : m.list("terms", false)) {
            MapReader tm = MapReader.of(t, problems, "a term", TERM_KEYS);
            if (tm == null) continue;
            YNode avoidNode = t.get("avoid");
            List<String> avoid = avoidNode != null && avoidNode.kind() == YNode.Kind.LIST ? tm.strings("avoid") : new ArrayList<>();
            if (avoidNode == null || avoidNode.kind() != YNode.Kind.LIST) {
                String one = tm.string("avoid", true);
                if (one != null) avoid.add(one);
            }
            avoid = avoid.stream().filter(a -> !a.isBlank()).toList();
            String reason = tm.string("reason", true), use = tm.string("use", false);
            Boolean matchCase = tm.bool("match_case");
            if (avoid.isEmpty() && avoidNode != null) problems.add(tm.pos("avoid"), ContentRules.MISSING_FIELD.id(), "term has nothing to avoid (expected a phrase or a list of phrases)");
            else if (!avoid.isEmpty() && reason != null) terms.add(new SiteConfig.Term(List.copyOf(avoid), use, reason, Boolean.TRUE.equals(matchCase), t.pos()));
        }
        if (title == null || audiences.isEmpty() || versions.isEmpty()) return null;
        return new SiteConfig(title, baseUrl, editUrl, List.copyOf(audiences), List.copyOf(versions), links, List.copyOf(terms), Boolean.TRUE.equals(allowRawHtml), root.pos(),
                attributes(root.get("attributes"), "site.yaml"));
    }

    /** An absolute http(s) URL with a host: what base_url must be. */
    static boolean isHttpUrl(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            return u.getScheme() != null && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    && u.getHost() != null && !u.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Attributes docsite sets on every page itself: links and per-page values depend on them. */
    static final java.util.Set<String> OWN_ATTRIBUTES = java.util.Set.of("docname", "docfile", "docdir", "relfileprefix", "relfilesuffix",
            "docsite-version", "docsite-page", "outfilesuffix", "safe-mode-level", "safe-mode-name");

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    /** An {@code attributes:} mapping (Antora's conventions: value@ soft, false or ~ hard unset, false@ soft unset). */
    private List<SiteConfig.Attribute> attributes(YNode node, String where) {
        if (node == null || node.kind() == YNode.Kind.NULL) return List.of();
        if (node.kind() != YNode.Kind.MAP) {
            problems.add(node.pos(), ContentRules.FIELD_TYPE.id(), "attributes in " + where + " has the wrong type: expected a mapping of attribute names to values, found " + node.describeKind());
            return List.of();
        }
        List<SiteConfig.Attribute> out = new ArrayList<>();
        node.entries().forEach((name, v) -> {
            SourcePos pos = node.keyPos(name);
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                problems.add(pos, ContentRules.FIELD_VALUE.id(), "attribute name '" + name + "' in " + where + " is not an AsciiDoc attribute name (expected letters, digits, '_' and '-')");
            } else if (OWN_ATTRIBUTES.contains(name)) {
                problems.add(pos, ContentRules.FIELD_VALUE.id(), "attribute '" + name + "' in " + where + " is set by docsite for every page and cannot be set here");
            } else if (!v.isScalar()) {
                problems.add(v.pos(), ContentRules.FIELD_TYPE.id(), "attribute '" + name + "' in " + where + " has the wrong type: expected text, a number, true or false");
            } else if (v.kind() == YNode.Kind.NULL || (v.kind() == YNode.Kind.BOOLEAN && "false".equals(v.text()))) {
                out.add(new SiteConfig.Attribute(name, null, false, pos));
            } else {
                String text = v.kind() == YNode.Kind.BOOLEAN ? "" : v.text() == null ? "" : v.text();
                boolean soft = text.endsWith("@");
                if (soft) text = text.substring(0, text.length() - 1);
                out.add(new SiteConfig.Attribute(name, soft && text.equals("false") ? null : text, soft, pos));
            }
        });
        return List.copyOf(out);
    }

    private static int orDefault(Integer v, int d) { return v == null ? d : v; }

    /** The id a page file gives its page: its path under pages/ without the extension. */
    private static String pageId(String path) { return path.substring("pages/".length(), path.lastIndexOf('.')); }

    private Page loadPage(String path, SiteConfig config, Instant lastUpdated) {
        YNode root = parse(path);
        if (root == null) return null;
        String file = source.display(path);
        MapReader m = MapReader.of(root, problems, "a page", PAGE_KEYS);
        if (m == null) return null;
        String id = pageId(path);
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

    /**
     * Ids whose file docsite writes itself: the version's home (index), an audience's landing page
     * (&lt;audience&gt;/index) and search. A deeper .../index (admin/sso/index) collides with nothing.
     */
    static boolean isLandingPath(String id) {
        return id.equals("index") || id.equals("search") || (id.endsWith("/index") && id.indexOf('/') == id.length() - "/index".length());
    }

    private void checkPageIds(List<Page> pages, SiteConfig config) {
        Map<String, Page> byId = new HashMap<>();
        for (Page p : pages) {
            Page other = byId.putIfAbsent(p.id(), p);
            if (other != null)
                problems.add(p.pos(), ContentRules.DUPLICATE_PAGE.id(), "duplicate page id '" + p.id() + "': " + other.pos().file() + " has the same id (expected one file per page id)");
            if (isLandingPath(p.id()))
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
                else if (isLandingPath(alias))
                    problems.add(at, ContentRules.RESERVED_ID.id(), "alias '" + alias + "' is reserved: its redirect page would overwrite a generated landing page");
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
        // http: unknown is how a writer says the product does not publish the status (catalog/http-status accepts it).
        YNode httpNode = e.node().get("http");
        boolean httpUnknown = httpNode != null && httpNode.kind() == YNode.Kind.STRING && "unknown".equals(httpNode.text());
        Integer http = e.has("http") && !httpUnknown ? e.integer("http", false, 100, 599) : null;
        String scenario = e.string("scenario", true);
        String userTitle = e.string("user_title", false);
        String userMessage = e.string("user_message", false);
        String userMeaning = e.string("user_meaning", false), userAction = e.string("user_action", false);
        Map<String, String> placeholders = e.stringMap("placeholders");
        String retry = e.oneOf("retry", true, enumValues(ErrorEntry.Retry.values()));
        String fallback = e.oneOf("fallback", true, enumValues(ErrorEntry.Fallback.values()));
        List<ErrorEntry.UserOption> userOptions = new ArrayList<>();
        List<String> optionNames = enumValues(ErrorEntry.UserOption.values());
        List<String> writtenOptions = e.strings("user_options");
        for (int i = 0; i < writtenOptions.size(); i++) {
            String o = writtenOptions.get(i);
            int at = optionNames.indexOf(o);
            if (at < 0) {
                String hint = Suggest.closest(o, optionNames);
                problems.add(e.node().get("user_options").items().get(i).pos(), ContentRules.FIELD_VALUE.id(), "user_options item '" + o
                        + "' is not a choice the catalog knows: expected one of " + String.join(", ", optionNames) + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
            } else if (!userOptions.contains(ErrorEntry.UserOption.values()[at])) userOptions.add(ErrorEntry.UserOption.values()[at]);
        }
        // cause and resolution are checked by the catalog rules so they carry a rule id.
        String cause = e.string("cause", false), resolution = e.string("resolution", false);
        String since = e.string("since", false), until = e.string("until", false);
        if (config != null) {
            checkVersionName(e, "since", since, config);
            checkVersionName(e, "until", until, config);
        }
        if (id == null || layer == null || retry == null || fallback == null) return null;
        return new ErrorEntry(id, catalogId, ErrorEntry.Layer.valueOf(layer.toUpperCase().replace('-', '_')), http, httpUnknown,
                scenario, userTitle, userMessage, userMeaning, userAction, placeholders,
                ErrorEntry.Retry.valueOf(retry.toUpperCase()), List.copyOf(userOptions), ErrorEntry.Fallback.valueOf(fallback.toUpperCase().replace('-', '_')),
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
        } catch (ContentReadException e) {
            problems.add(e.problem(file));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new SourcePos(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr()), ContentRules.SCHEMA_FILE.id(),
                    "JSON syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            problems.add(SourcePos.of(file), ContentRules.UNREADABLE.id(), "cannot read: " + e.getMessage());
        }
    }


}
