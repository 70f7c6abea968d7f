package dev.docsite.check;

import dev.docsite.rules.LinkRules;
import dev.docsite.rules.Severity;
import dev.docsite.content.BodyLines;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.SourcePos;
import dev.docsite.content.Suggest;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.RenderResult;
import dev.docsite.render.Links;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.PageLink;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import dev.docsite.site.BuildResult.VersionBuild;
import dev.docsite.site.VersionContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Internal link checks on the pages of every version and on the site as written: xref targets exist in
 * the same version, anchors exist on their page, no id is used twice in a page (including ids of the
 * page layout), every file a page links to or shows exists, alias redirects lead to a page, and the
 * version switcher of every page points at a written file. One finding per broken link, at the YAML
 * line it was written on, naming the versions it is broken in.
 */
public final class InternalLinks {
    public static final String MISSING_PAGE = LinkRules.MISSING_PAGE.id();
    public static final String MISSING_ANCHOR = LinkRules.MISSING_ANCHOR.id();
    public static final String DUPLICATE_ID = LinkRules.DUPLICATE_ID.id();
    public static final String MISSING_FILE = LinkRules.MISSING_FILE.id();
    public static final String OUTSIDE_SITE = LinkRules.OUTSIDE_SITE.id();
    public static final String ABSOLUTE_PATH = LinkRules.ABSOLUTE_PATH.id();
    public static final String ALIAS_XREF = LinkRules.ALIAS_XREF.id();
    public static final String ALIAS_REDIRECT = LinkRules.ALIAS_REDIRECT.id();
    public static final String VERSION_SWITCHER = LinkRules.VERSION_SWITCHER.id();
    public static final String INTERNAL_SCHEME = LinkRules.INTERNAL_SCHEME.id();

    /**
     * What the last check found per page, for the next check of the same site (serve checks after every edit):
     * a page whose render is the same object as last time, in a version whose link targets (page ids, their
     * anchors and output paths, aliases, layout ids, the other versions' pages) did not change, has the same
     * findings, so only the edited pages are checked again.
     */
    public static final class Memo {
        private final Map<String, VersionMemo> versions = new HashMap<>();
    }

    private record VersionMemo(List<Object> targets, Map<RenderedPage, List<Finding>> byPage) {}

    private final BuildResult build;
    private final Path root;
    private final Memo memo;
    private final boolean reuse;
    private final Map<Path, Boolean> exists = new HashMap<>();
    private final Map<RenderResult, List<String>> duplicatesByRender = new IdentityHashMap<>();
    private final List<Finding> out = new ArrayList<>();

    private InternalLinks(BuildResult build, Memo memo, boolean reuse) {
        this.build = build;
        this.root = build.dir().toAbsolutePath().normalize();
        this.memo = memo;
        this.reuse = reuse;
    }

    /** Checks a build written into {@code build.dir()}. */
    public static List<Finding> check(BuildResult build) { return check(build, new Memo(), false); }

    /**
     * Checks a build written into {@code build.dir()}, recording what each page's check found in {@code memo};
     * with {@code reuse}, pages unchanged since the check recorded there (same render, same link targets) are not
     * checked again. Reuse only when the files beside the pages cannot have changed since (serve's partial updates).
     */
    public static List<Finding> check(BuildResult build, Memo memo, boolean reuse) {
        InternalLinks c = new InternalLinks(build, memo, reuse);
        for (VersionBuild v : build.versions()) c.checkVersion(v);
        return Findings.mergeVersions(c.out);
    }

    /** What a version's pages link against: if this is unchanged, a page's links check out as before. */
    private List<Object> targets(VersionBuild v, Set<String> layoutIds) {
        List<Object> t = new ArrayList<>();
        for (RenderedPage p : v.pages()) {
            t.add(p.page().id());
            t.add(p.outputPath());
            t.add(p.raw().anchors().keySet());
            t.add(p.page().aliases());
        }
        t.add(layoutIds);
        for (VersionBuild o : build.versions()) {
            t.add(o.name());
            for (RenderedPage p : o.pages()) t.add(p.page().id());
        }
        return t;
    }

    private void checkVersion(VersionBuild v) {
        Map<String, RenderedPage> byId = new HashMap<>();
        for (RenderedPage p : v.pages()) byId.put(p.page().id(), p);
        Map<String, Page> aliasOwner = new HashMap<>();
        for (Page p : v.content().pages()) for (String a : p.aliases()) aliasOwner.put(a, p);
        Set<String> layoutIds = layoutIds(v);
        List<Object> targets = targets(v, layoutIds);
        VersionMemo last = memo.versions.get(v.name());
        boolean sameTargets = reuse && last != null && last.targets().equals(targets);
        Map<RenderedPage, List<Finding>> byPage = new IdentityHashMap<>();
        for (RenderedPage p : v.pages()) {
            List<Finding> before = sameTargets ? last.byPage().get(p) : null;
            if (before != null) {
                out.addAll(before);
                byPage.put(p, before);
                continue;
            }
            int from = out.size();
            checkPage(v, p, byId, aliasOwner, layoutIds);
            byPage.put(p, List.copyOf(out.subList(from, out.size())));
        }
        memo.versions.put(v.name(), new VersionMemo(targets, byPage));
        SiteConfig config = v.content().config();
        checkSwitcher(v, "index.html", null, null, config.pos());
        for (SiteConfig.Audience a : config.audiences()) checkSwitcher(v, a.id() + "/index.html", null, a.id(), a.pos());
        for (Page p : v.content().pages()) for (String alias : p.aliases()) checkAlias(v, p, alias);
    }

    private void checkPage(VersionBuild v, RenderedPage p, Map<String, RenderedPage> byId, Map<String, Page> aliasOwner, Set<String> layoutIds) {
        for (PageLink l : p.links()) {
            switch (l.kind()) {
                case PAGE -> checkXref(v, p, l, byId, aliasOwner, layoutIds);
                case FRAGMENT -> {
                    if (!hasAnchor(p, l.anchor(), layoutIds)) {
                        String hint = byId.containsKey(l.anchor()) ? " (to link to that page write xref:" + l.anchor() + ".adoc[])"
                                : suggestAnchor(p, l.anchor(), layoutIds);
                        add(l.pos(), MISSING_ANCHOR, "link to '#" + l.anchor() + "': no such anchor on this page" + hint, v);
                    }
                }
                case ASSET -> checkFile(v, p, l, byId, layoutIds);
                default -> { }
            }
        }
        checkDuplicateIds(v, p, layoutIds);
        checkInternalScheme(v, p);
        checkSwitcher(v, p.outputPath(), p.page().id(), p.page().audience(), p.page().pos());
    }

    // ---- xrefs and anchors -------------------------------------------------------------------------

    private void checkXref(VersionBuild v, RenderedPage from, PageLink l, Map<String, RenderedPage> byId,
                           Map<String, Page> aliasOwner, Set<String> layoutIds) {
        RenderedPage target = byId.get(l.targetPage());
        if (target == null) {
            Page owner = aliasOwner.get(l.targetPage());
            if (owner != null) {
                // The redirect works, but it costs the reader a hop and loses the anchor without JavaScript.
                add(l.pos(), ALIAS_XREF, Severity.WARNING, "xref to '" + l.targetPage() + "', an old id (alias) of '" + owner.id()
                        + "': link to xref:" + owner.id() + ".adoc" + (l.anchor() == null ? "" : "#" + l.anchor()) + "[] instead", v);
                target = byId.get(owner.id());
                if (target == null) return;
            } else {
                // A page that failed to load is reported once, at its own file.
                if (!v.content().content().isBrokenPage(l.targetPage()))
                    add(l.pos(), MISSING_PAGE, "xref to page '" + l.targetPage() + "', which this version does not have"
                            + missingPageHint(v, l.targetPage(), byId.keySet()), v);
                return;
            }
        }
        if (l.anchor() != null && !hasAnchor(target, l.anchor(), layoutIds)) {
            add(l.pos(), MISSING_ANCHOR, "xref to '" + target.page().id() + "#" + l.anchor() + "': no such anchor on that page"
                    + suggestAnchor(target, l.anchor(), layoutIds), v);
        }
    }

    /** Why a page is missing: it exists in other versions (since/until), or the id has a typo. */
    private String missingPageHint(VersionBuild v, String id, Set<String> idsHere) {
        List<String> elsewhere = new ArrayList<>();
        Page other = null;
        for (VersionBuild o : build.versions()) {
            if (o == v) continue;
            var p = o.content().page(id);
            if (p.isPresent()) { elsewhere.add(o.name()); other = p.get(); }
        }
        if (other == null) for (Page p : v.content().content().pages()) if (p.id().equals(id)) other = p;
        if (other != null) {
            String range = (other.since() != null ? "since " + other.since() : "") + (other.since() != null && other.until() != null ? ", " : "")
                    + (other.until() != null ? "until " + other.until() : "");
            return " (the page " + other.pos().file() + " is limited to other versions" + (range.isEmpty() ? "" : ": " + range)
                    + (elsewhere.isEmpty() ? "" : "; it exists in " + String.join(", ", elsewhere)) + ")";
        }
        String hint = Suggest.closest(id, idsHere);
        return hint != null ? " (did you mean '" + hint + "'?)" : " (expected a page id: a file content/pages/" + id + ".yaml)";
    }

    private static String suggestAnchor(RenderedPage p, String anchor, Set<String> layoutIds) {
        String hint = Suggest.closest(anchor, p.raw().anchors().keySet());
        return hint != null ? " (did you mean '#" + hint + "'?)" : " (expected a section id or an [#" + anchor + "] anchor)";
    }

    /**
     * Whether a fragment finds its target: an id of the body or of the page layout, or a {@code name}
     * anchor in raw HTML; percent-encoded fragments are compared decoded, as browsers do.
     */
    static boolean hasAnchor(RenderedPage p, String anchor, Set<String> layoutIds) {
        if (anchor == null || anchor.isEmpty()) return true;
        if (p.raw().anchors().containsKey(anchor) || layoutIds.contains(anchor)) return true;
        String decoded = decode(anchor);
        if (!decoded.equals(anchor) && (p.raw().anchors().containsKey(decoded) || layoutIds.contains(decoded))) return true;
        // Rare path: look for the id in other spellings (entity-escaped, name= anchors in passthrough HTML).
        for (Element e : Jsoup.parseBodyFragment(p.html()).select("[id], a[name]")) {
            if (e.id().equals(anchor) || e.id().equals(decoded) || e.attr("name").equals(anchor) || e.attr("name").equals(decoded)) return true;
        }
        return false;
    }

    static String decode(String s) { return Links.decodeFragment(s); }

    // ---- docsite's link code left on a page ----------------------------------------------------------

    /** A link or link text still holding {@link dev.docsite.render.Links#MARKER}: the written page would show or link to it. */
    private void checkInternalScheme(VersionBuild v, RenderedPage p) {
        String html = p.html(), marker = dev.docsite.render.Links.MARKER;
        if (!html.contains(marker)) return;
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        dev.docsite.render.HtmlAttributes.scan(html, (tag, name, vs, ve) -> {
            if (html.startsWith(marker, vs) && ve > vs) found.add(html.substring(vs, ve));
        });
        for (int i = html.indexOf(">" + marker); i >= 0; i = html.indexOf(">" + marker, i + 1)) {
            int end = html.indexOf('<', i);
            found.add(html.substring(i + 1, end < 0 ? html.length() : end));
        }
        BodyLines lines = new BodyLines(p.page());
        for (String f : found) {
            String target = f.substring(marker.length()).replaceFirst("\\.html(#.*)?$", "");
            add(p.page().bodyPos(lines.lineContaining(target)), INTERNAL_SCHEME, "the page would show docsite's internal link code '" + f
                    + "' (expected a relative URL; write links to pages as xref:" + target + ".adoc[text])", v);
        }
    }

    // ---- duplicate ids -----------------------------------------------------------------------------

    private void checkDuplicateIds(VersionBuild v, RenderedPage p, Set<String> layoutIds) {
        // Ids do not depend on the version: versions that share a render share the answer.
        List<String> duplicates = duplicatesByRender.computeIfAbsent(p.raw(), r -> AsciidocRenderer.duplicateIds(r.html()));
        for (String id : duplicates)
            add(p.page().bodyPos(new BodyLines(p.page()).lineOfId(id, true)), DUPLICATE_ID, "id '" + id + "' is used more than once on this page (links to it are ambiguous)", v);
        if (layoutIds.isEmpty()) return;
        for (String id : p.raw().anchors().keySet()) {
            if (layoutIds.contains(id))
                add(p.page().bodyPos(new BodyLines(p.page()).lineOfId(id, false)), DUPLICATE_ID, "id '" + id + "' on this page is also an id of the page layout"
                        + " (links to it are ambiguous; give the section an explicit id such as [#" + id + "-section])", v);
        }
    }

    /**
     * Ids the layout adds around the body (skip link target, search, navigation, table of contents):
     * read from written pages of the version, one with a table of contents and one without, as the ids
     * of the written file minus those of its body.
     */
    private Set<String> layoutIds(VersionBuild v) {
        Set<String> ids = new HashSet<>();
        RenderedPage withToc = null, withoutToc = null;
        for (RenderedPage p : v.pages()) {
            if (p.raw().headings().isEmpty()) { if (withoutToc == null) withoutToc = p; }
            else if (withToc == null) withToc = p;
        }
        for (RenderedPage p : new RenderedPage[]{withToc, withoutToc}) {
            if (p == null) continue;
            Path f = root.resolve(v.name()).resolve(p.outputPath());
            try {
                Map<String, Integer> count = AsciidocRenderer.idCounts(Files.readString(f));
                AsciidocRenderer.idCounts(p.html()).forEach((id, n) -> count.merge(id, -n, Integer::sum));
                count.forEach((id, n) -> { if (n > 0) ids.add(id); });
            } catch (IOException e) {
                // Not written (e.g. a failed layout): the missing page shows up elsewhere.
            }
        }
        return ids;
    }


    // ---- files -------------------------------------------------------------------------------------

    private void checkFile(VersionBuild v, RenderedPage p, PageLink l, Map<String, RenderedPage> byId, Set<String> layoutIds) {
        String href = l.href();
        int hash = href.indexOf('#');
        String anchor = hash < 0 ? null : href.substring(hash + 1);
        String path = hash < 0 ? href : href.substring(0, hash);
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        if (path.isEmpty()) return;
        path = decode(path);
        Path versionDir = root.resolve(v.name());
        Path target;
        if (path.startsWith("/")) {
            String base = v.content().config().basePath();
            if (!path.startsWith(base)) {
                add(l.pos(), ABSOLUTE_PATH, Severity.WARNING, "'" + href + "' is an absolute path outside the site's base URL path " + base
                        + " (expected a path relative to the page, e.g. image::diagram.png[] for content/pages/"
                        + dir(p.outputPath()) + "diagram.png)", v);
                return;
            }
            target = root.resolve(path.substring(base.length())).normalize();
        } else {
            target = versionDir.resolve(dir(p.outputPath())).resolve(path).normalize();
        }
        if (!target.startsWith(root)) {
            add(l.pos(), OUTSIDE_SITE, "'" + href + "' points outside the site (expected a file beside the page under content/pages/)", v);
            return;
        }
        boolean found = isFile(target) || (Files.isDirectory(target) && isFile(target.resolve("index.html")));
        if (!found) {
            String rel = versionDir.relativize(target).toString().replace('\\', '/');
            String expected = !target.startsWith(versionDir) || rel.startsWith("..") ? ""
                    : rel.endsWith(".html") ? " (to link to a page write xref:" + rel.substring(0, rel.length() - 5)
                            + ".adoc[]: docsite checks xrefs per version and writes their URLs)"
                    : " (expected " + v.content().content().source().display("pages/" + rel) + " beside the page)";
            add(l.pos(), MISSING_FILE, "'" + href + "' does not exist in this version" + expected, v);
            return;
        }
        if (anchor != null && !anchor.isEmpty() && target.startsWith(versionDir) && target.toString().endsWith(".html")) {
            String rel = versionDir.relativize(target).toString().replace('\\', '/');
            RenderedPage page = byId.get(rel.substring(0, rel.length() - 5));
            if (page != null && !hasAnchor(page, anchor, layoutIds))
                add(l.pos(), MISSING_ANCHOR, "link to '" + href + "': no such anchor on that page" + suggestAnchor(page, anchor, layoutIds), v);
        }
    }

    private static String dir(String outputPath) {
        int slash = outputPath.lastIndexOf('/');
        return slash < 0 ? "" : outputPath.substring(0, slash + 1);
    }

    private boolean isFile(Path p) { return exists.computeIfAbsent(p, Files::isRegularFile); }

    // ---- aliases and the version switcher ----------------------------------------------------------

    private void checkAlias(VersionBuild v, Page owner, String alias) {
        Path redirect = root.resolve(v.name()).resolve(alias + ".html");
        SourcePos pos = aliasPos(v, owner, alias);
        if (!isFile(redirect)) {
            add(pos, ALIAS_REDIRECT, "alias '" + alias + "' has no redirect page in version " + v.name() + " (expected " + v.name() + "/" + alias + ".html)", v);
            return;
        }
        String target;
        try {
            Element refresh = Jsoup.parse(redirect.toFile(), "UTF-8").selectFirst("meta[http-equiv=refresh]");
            String content = refresh == null ? "" : refresh.attr("content");
            int at = content.toLowerCase().indexOf("url=");
            target = at < 0 ? null : content.substring(at + 4).strip();
        } catch (IOException e) {
            target = null;
        }
        if (target == null || target.isEmpty()) {
            add(pos, ALIAS_REDIRECT, "the redirect page for alias '" + alias + "' in version " + v.name() + " names no target", v);
            return;
        }
        Path dest = redirect.getParent().resolve(target).normalize();
        if (!dest.startsWith(root) || !isFile(dest))
            add(pos, ALIAS_REDIRECT, "alias '" + alias + "' redirects to '" + target + "', which does not exist in version " + v.name()
                    + " (expected the page " + owner.id() + ")", v);
    }

    /** The YAML line that lists the alias (read only when there is something to report). */
    private static SourcePos aliasPos(VersionBuild v, Page owner, String alias) {
        try {
            String[] lines = v.content().content().source().read(owner.path()).split("\n", -1);
            int aliasesAt = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("aliases:")) aliasesAt = i;
                if (aliasesAt >= 0 && lines[i].contains(alias)) return owner.pos().atLine(i + 1);
            }
        } catch (IOException e) {
            // fall back to the page
        }
        return owner.pos();
    }

    private void checkSwitcher(VersionBuild v, String path, String pageId, String audience, SourcePos pos) {
        for (VersionBuild other : build.versions()) {
            if (other == v) continue;
            VersionContent oc = other.content();
            String target = oc.switchTarget(path, pageId, audience);
            if (!isFile(root.resolve(other.name()).resolve(target)))
                add(pos, VERSION_SWITCHER, "the version switcher on " + path + " in version " + v.name() + " points to " + other.name() + "/" + target
                        + ", which the build did not write", v);
        }
    }

    // ---- findings ----------------------------------------------------------------------------------

    private void add(SourcePos pos, String rule, String message, VersionBuild v) { add(pos, rule, Severity.ERROR, message, v); }

    private void add(SourcePos pos, String rule, Severity severity, String message, VersionBuild v) {
        out.add(new Finding(pos, severity, rule, message, List.of(v.name())));
    }
}
