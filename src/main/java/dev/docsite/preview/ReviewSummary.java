package dev.docsite.preview;

import dev.docsite.content.SiteConfig;
import dev.docsite.site.BuildResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Markdown a pull request gets for a preview: the revision and its base, the pages added, changed
 * or removed grouped by audience with links into the preview (changed sections linked, the rendered
 * text diff folded away), the catalogs that changed with the pages whose error tables they change,
 * and per-audience shortcut links, the way reviewers are used to from preview bots.
 */
public final class ReviewSummary {
    private static final int MAX_DIFF_LINES = 40;
    private static final int MAX_SECTIONS = 8;

    private final Preview.Result result;
    private final String root;        // link to the preview's folder, ending in '/'
    private final SiteConfig config;
    private final String latest;

    /** @param linkPrefix where the site folder is published (a URL or a path), ending in '/' */
    private ReviewSummary(Preview.Result result, String linkPrefix) {
        this.result = result;
        this.root = linkPrefix + Preview.FOLDER + "/" + result.revision().shortId() + "/";
        BuildResult.VersionBuild first = result.build().versions().get(0);
        this.config = first.content().config();
        this.latest = result.build().versions().stream().filter(v -> v.content().latest()).map(BuildResult.VersionBuild::name)
                .findFirst().orElse(first.name());
    }

    public static String markdown(Preview.Result result, String linkPrefix) {
        return new ReviewSummary(result, linkPrefix.endsWith("/") ? linkPrefix : linkPrefix + "/").render();
    }

    private String render() {
        StringBuilder b = new StringBuilder();
        Preview.Commit rev = result.revision(), base = result.base();
        b.append("## docsite preview of `").append(rev.shortId()).append("`: ").append(md(rev.subject())).append("\n\n");
        b.append("Published to the preview for Git SHA [`").append(rev.shortId()).append("`](").append(link(latest + "/index.html")).append(")");
        if (base == null) b.append(". It has no parent in this repository (the first commit, or a shallow clone: fetch more "
                + "history or pass --base), so pages are not compared.\n\n");
        else b.append(", compared with `").append(base.shortId()).append("` (")
                .append(base.asked() == null ? "its first parent" : "`" + base.asked().replace("`", "") + "`").append(").\n\n");

        Changes changes = result.changes();
        if (result.baseBroken() != null) {
            b.append("The base does not build, so pages are not compared: `").append(result.baseBroken().replace("`", "'")).append("`\n\n");
        } else if (changes != null && changes.isEmpty()) {
            b.append("**No page changes what readers see** in any version.\n\n");
        } else if (changes != null) {
            b.append("**").append(count(changes.count(Changes.Kind.CHANGED), "page")).append(" changed, ")
                    .append(changes.count(Changes.Kind.ADDED)).append(" added, ")
                    .append(changes.count(Changes.Kind.REMOVED)).append(" removed")
                    .append(changes.newVersions().isEmpty() ? "" : ", " + count(changes.newVersions().size(), "new version"))
                    .append("** (rendered pages compared in ")
                    .append(String.join(", ", result.build().versions().stream().map(BuildResult.VersionBuild::name).toList()))
                    .append(").\n\n");
            newVersions(b, changes);
            pages(b, changes);
            catalogs(b, changes);
        }
        shortcuts(b);
        return b.toString();
    }

    private void pages(StringBuilder b, Changes changes) {
        Map<String, List<Changes.PageChange>> byAudience = new LinkedHashMap<>();
        for (SiteConfig.Audience a : config.audiences()) byAudience.put(a.id(), new ArrayList<>());
        for (Changes.PageChange c : changes.pages()) byAudience.computeIfAbsent(c.audience(), k -> new ArrayList<>()).add(c);
        for (Map.Entry<String, List<Changes.PageChange>> e : byAudience.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            blankLine(b);
            b.append("### ").append(md(audienceTitle(e.getKey()))).append("\n\n");
            for (Changes.PageChange c : e.getValue()) page(b, c);
        }
    }

    private void page(StringBuilder b, Changes.PageChange c) {
        String version = c.versions().get(0);
        String url = link(version + "/" + c.id() + ".html");
        b.append("- **").append(label(c.kind())).append(":** ");
        if (c.kind() == Changes.Kind.REMOVED) b.append(md(c.title()));
        else b.append('[').append(md(c.title())).append("](").append(url).append(')');
        b.append(" `").append(c.id()).append("` (").append(String.join(", ", c.versions())).append(')');
        if (c.diff() != null) b.append(", +").append(c.diff().added()).append(" \u2212").append(c.diff().removed()).append(" lines");
        b.append('\n');
        if (!c.sections().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Changes.Section s : c.sections().subList(0, Math.min(MAX_SECTIONS, c.sections().size()))) {
                String name = md(s.title()) + (s.kind() == Changes.Kind.CHANGED ? "" : " (" + label(s.kind()).toLowerCase() + ")");
                parts.add(s.id() == null || s.kind() == Changes.Kind.REMOVED ? name : "[" + name + "](" + url + "#" + s.id() + ")");
            }
            if (c.sections().size() > MAX_SECTIONS) parts.add("and " + (c.sections().size() - MAX_SECTIONS) + " more");
            b.append("  - Sections: ").append(String.join(", ", parts)).append('\n');
        }
        if (c.diff() != null && !c.diff().isEmpty()) {
            List<String> lines = c.diff().lines();
            String body = String.join("\n", lines.subList(0, Math.min(MAX_DIFF_LINES, lines.size())))
                    + (lines.size() > MAX_DIFF_LINES ? "\n\u2026 " + (lines.size() - MAX_DIFF_LINES) + " more lines" : "");
            String fence = fence(body);
            b.append("  <details><summary>What readers see differently</summary>\n\n")
                    .append("  ").append(fence).append("diff\n")
                    .append(body.lines().map(l -> "  " + l).collect(Collectors.joining("\n"))).append('\n')
                    .append("  ").append(fence).append("\n\n  </details>\n\n");
        }
    }

    /** A new version as one entry: its size, and only the pages that differ from the version it follows. */
    private void newVersions(StringBuilder b, Changes changes) {
        if (changes.newVersions().isEmpty()) return;
        blankLine(b);
        b.append("### New versions\n\n");
        for (Changes.NewVersion v : changes.newVersions()) {
            b.append("- **[").append(md(v.name())).append("](").append(link(v.name() + "/index.html")).append(")**: ")
                    .append(count(v.pages(), "page"));
            if (v.follows() == null) {
                b.append(" (the only version)\n");
                continue;
            }
            b.append("; ").append(v.differ().isEmpty() ? "all the same as " + md(v.follows())
                    : v.differ().size() + " differ from " + md(v.follows()) + ":").append('\n');
            for (Changes.PageChange c : v.differ()) {
                b.append("  - ").append(c.kind() == Changes.Kind.ADDED ? "New: " : "Changed: ")
                        .append('[').append(md(c.title())).append("](").append(link(v.name() + "/" + c.id() + ".html")).append(")")
                        .append(" `").append(c.id()).append('`');
                if (c.diff() != null) b.append(", +").append(c.diff().added()).append(" \u2212").append(c.diff().removed()).append(" lines");
                b.append('\n');
            }
        }
    }

    private void catalogs(StringBuilder b, Changes changes) {
        if (changes.catalogs().isEmpty()) return;
        blankLine(b);
        b.append("### Error catalogs\n\n");
        for (Changes.CatalogChange c : changes.catalogs()) {
            b.append("- **").append(label(c.kind())).append(":** `").append(c.id()).append("` (").append(md(c.title())).append(")");
            List<String> what = new ArrayList<>();
            if (!c.changed().isEmpty()) what.add("changed " + ids(c.changed()));
            if (!c.added().isEmpty()) what.add("added " + ids(c.added()));
            if (!c.removed().isEmpty()) what.add("removed " + ids(c.removed()));
            if (!what.isEmpty()) b.append(": ").append(String.join("; ", what));
            b.append('\n');
            b.append("  - Error tables changed on: ").append(c.tables().isEmpty() ? "no page" : refs(c.tables())).append('\n');
            if (!c.examples().isEmpty()) b.append("  - Live examples changed on: ").append(refs(c.examples())).append('\n');
        }
    }

    private String refs(List<Changes.PageRef> refs) {
        return refs.stream().map(r -> "[" + md(r.title()) + "](" + link(r.versions().get(0) + "/" + r.id() + ".html") + ") ("
                + md(audienceTitle(r.audience())) + "; " + String.join(", ", r.versions()) + ")").collect(Collectors.joining(", "));
    }

    private void shortcuts(StringBuilder b) {
        blankLine(b);
        b.append("### Preview shortcuts for reviewers\n\n");
        for (BuildResult.VersionBuild v : result.build().versions()) {
            if (!v.name().equals(latest)) continue;
            b.append("Documentation for ").append(v.name()).append(": [Home](").append(link(v.name() + "/index.html")).append(")");
            for (SiteConfig.Audience a : config.audiences())
                b.append(" \u00b7 [").append(md(a.title())).append("](").append(link(v.name() + "/" + a.id() + "/index.html")).append(')');
            b.append('\n');
        }
        List<String> older = result.build().versions().stream().map(BuildResult.VersionBuild::name).filter(n -> !n.equals(latest)).toList();
        if (!older.isEmpty())
            b.append("Other versions: ").append(older.stream().map(n -> "[" + n + "](" + link(n + "/index.html") + ")")
                    .collect(Collectors.joining(" \u00b7 "))).append('\n');
    }

    /** Markdown needs a blank line before a heading that follows an HTML block or a list. */
    private static void blankLine(StringBuilder b) {
        int n = b.length();
        if (n >= 2 && b.charAt(n - 1) == '\n' && b.charAt(n - 2) == '\n') return;
        b.append(b.charAt(n - 1) == '\n' ? "\n" : "\n\n");
    }

    private String audienceTitle(String id) { return config.audience(id).map(SiteConfig.Audience::title).orElse(id); }

    private String link(String path) { return (root + path).replace(" ", "%20").replace(")", "%29"); }

    private static String label(Changes.Kind k) {
        return switch (k) { case ADDED -> "Added"; case CHANGED -> "Changed"; case REMOVED -> "Removed"; };
    }

    private static String ids(List<String> ids) { return ids.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")); }

    private static String count(long n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    /** Text that Markdown must show as written. */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) b.append('\\');
            b.append(c == '\n' ? ' ' : c);
        }
        return b.toString();
    }

    /** A code fence longer than any run of backticks in the text. */
    static String fence(String text) {
        int longest = 0, run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
