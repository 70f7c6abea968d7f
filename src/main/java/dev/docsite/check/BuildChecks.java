package dev.docsite.check;

import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        return run(written, content, root, new InternalLinks.Memo(), false);
    }

    /**
     * The same, with link findings recorded in {@code links}; with {@code reuse}, pages unchanged since the
     * check recorded there are not checked again (see {@link InternalLinks#check(BuildResult, InternalLinks.Memo, boolean)}).
     */
    public static BuildResult run(BuildResult written, ContentSet content, ContentRoot root, InternalLinks.Memo links, boolean reuse) {
        List<Finding> all = new ArrayList<>(written.findings());
        all.addAll(InternalLinks.check(written, links, reuse));
        all.addAll(CatalogChecks.check(written, content, root));
        all.addAll(TermsCheck.check(content));
        all.addAll(VersionCompareCheck.check(content));
        return new BuildResult(written.dir(), written.versions(), Findings.sorted(all), written.stats());
    }
}
