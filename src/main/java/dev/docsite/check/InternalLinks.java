package dev.docsite.check;

import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.RenderedPage;
import dev.docsite.render.RenderedPage.LinkKind;
import dev.docsite.render.RenderedPage.PageLink;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Internal link checks on the rendered pages of every version: the xref target page exists in the same
 * version, the anchor exists on it, no id is used twice in a page. One finding per broken link, naming
 * the versions it is broken in.
 */
public final class InternalLinks {
    public static final String MISSING_PAGE = "link/missing-page";
    public static final String MISSING_ANCHOR = "link/missing-anchor";
    public static final String DUPLICATE_ID = "link/duplicate-id";

    private InternalLinks() {}

    /** The build with these checks' findings added to its own, sorted: what every build must pass. */
    public static BuildResult checked(BuildResult build) {
        List<Finding> all = new ArrayList<>(build.findings());
        all.addAll(check(build));
        return new BuildResult(build.dir(), build.versions(), Findings.sorted(all), build.stats());
    }

    // Duplicate ids per render (link resolution does not touch ids), so a page shared by versions, or
    // unchanged since serve's last rebuild, is scanned once. Weak keys: entries go with their renders.
    private static final Map<String, List<String>> DUPLICATES = Collections.synchronizedMap(new WeakHashMap<>());

    private static List<String> duplicateIds(RenderedPage p) {
        return DUPLICATES.computeIfAbsent(p.raw().html(), AsciidocRenderer::duplicateIds);
    }

    public static List<Finding> check(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        for (BuildResult.VersionBuild v : build.versions()) {
            Map<String, RenderedPage> byId = new HashMap<>();
            for (RenderedPage p : v.pages()) byId.put(p.page().id(), p);
            Set<String> aliases = new HashSet<>();
            v.content().pages().forEach(p -> aliases.addAll(p.aliases()));
            for (RenderedPage p : v.pages()) {
                for (PageLink l : p.links()) {
                    if (l.kind() == LinkKind.PAGE) {
                        RenderedPage target = byId.get(l.targetPage());
                        if (target == null) {
                            if (aliases.contains(l.targetPage())) continue;
                            out.add(Finding.error(l.pos(), MISSING_PAGE, "xref to page '" + l.targetPage() + "', which does not exist in version "
                                    + v.name() + " (expected a page id: a file content/pages/" + l.targetPage() + ".yaml present in that version)")
                                    .inVersions(List.of(v.name())));
                        } else if (l.anchor() != null && !target.raw().anchors().containsKey(l.anchor())) {
                            out.add(Finding.error(l.pos(), MISSING_ANCHOR, "xref to '" + l.targetPage() + "#" + l.anchor()
                                    + "': no such anchor on that page (expected a section id or [#" + l.anchor() + "] anchor)")
                                    .inVersions(List.of(v.name())));
                        }
                    } else if (l.kind() == LinkKind.FRAGMENT && !p.raw().anchors().containsKey(l.anchor())) {
                        out.add(Finding.error(l.pos(), MISSING_ANCHOR, "link to '#" + l.anchor() + "': no such anchor on this page")
                                .inVersions(List.of(v.name())));
                    }
                }
                for (String id : duplicateIds(p))
                    out.add(Finding.error(p.page().pos(), DUPLICATE_ID, "id '" + id + "' is used more than once on this page (links to it are ambiguous)")
                            .inVersions(List.of(v.name())));
            }
        }
        return Findings.mergeVersions(out);
    }
}
