package dev.docsite.check;

import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;

/**
 * The checks every build must pass, whoever builds (build, check, preview, serve): internal links,
 * which read the written files, and the catalog rules that need the built versions.
 */
public final class BuildChecks {
    private BuildChecks() {}

    /**
     * @param written    a build written into {@code written.dir()}
     * @param content    the content it was built from
     * @param root       where the content lives (for the comparison with the last commit; see {@link CatalogChecks})
     * @return the build with these findings added to its own, sorted
     */
    public static BuildResult run(BuildResult written, ContentSet content, ContentRoot root) {
        return run(written, content, root, new Memo(), false);
    }

    /**
     * What the checks found per page, for the next run on the same site (serve checks after every edit).
     * Kept for the last run only, so it does not grow with edits.
     */
    public static final class Memo {
        private final InternalLinks.Memo links = new InternalLinks.Memo();
        private Map<Page, List<Finding>> versionCompares = new IdentityHashMap<>();
        private List<String> declared = List.of();
    }

    /**
     * The same, with per-page findings recorded in {@code memo}; with {@code reuse}, pages unchanged since the
     * run recorded there are not checked again (see {@link InternalLinks#check(BuildResult, InternalLinks.Memo, boolean)}).
     */
    public static BuildResult run(BuildResult written, ContentSet content, ContentRoot root, Memo memo, boolean reuse) {
        List<Finding> all = new ArrayList<>(written.findings());
        all.addAll(InternalLinks.check(written, memo.links, reuse));
        all.addAll(CatalogChecks.check(written, content, root));
        all.addAll(TermsCheck.check(content));
        // Findings of a page's ifevals depend on its body and the declared versions only.
        List<String> declared = content.config().versions().stream().map(SiteConfig.VersionSpec::name).toList();
        Map<Page, List<Finding>> last = declared.equals(memo.declared) ? memo.versionCompares : Map.of();
        Map<Page, List<Finding>> next = new IdentityHashMap<>();
        for (Page p : content.pages()) { List<Finding> f = last.get(p); if (f != null) next.put(p, f); }
        all.addAll(VersionCompareCheck.check(content, next));
        memo.versionCompares = next;
        memo.declared = declared;
        return new BuildResult(written.dir(), written.versions(), Findings.sorted(all), written.stats());
    }
}
