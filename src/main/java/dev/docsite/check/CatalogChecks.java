package dev.docsite.check;

import dev.docsite.render.RenderResult;
import dev.docsite.catalog.CatalogRules;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.content.GitRevisionSource;
import dev.docsite.content.Problem;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.SourcePos;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog rules, run with every build so a violation fails it and one run reports them all: the
 * rules on the catalogs themselves, what the built versions show (every entry in an admin table) and
 * what came before (an id never silently removed between versions, nor since the last commit).
 */
public final class CatalogChecks {
    /** The audience whose pages must show every catalog entry. */
    public static final String ADMIN = "admin";

    private CatalogChecks() {}

    /**
     * @param workTree   the content being built (the versions without {@code ref} are built from it)
     * @param root     where it lives: the git repository whose last commit it is compared with
     */
    public static List<Finding> check(BuildResult build, ContentSet workTree, ContentRoot root) {
        List<Finding> out = new ArrayList<>();
        out.addAll(structure(build));
        out.addAll(adminCoverage(build));
        out.addAll(endUserGuidance(build));
        out.addAll(removedBetweenVersions(build));
        out.addAll(removedSinceLastCommit(build, workTree, root));
        return Findings.mergeVersions(out);
    }

    /**
     * The rules on the catalogs themselves, once per distinct content (the work tree, each git ref),
     * naming the versions built from it. They do not stop loading: the content still renders, so one run
     * reports them together with every other finding (and the build still fails).
     */
    static List<Finding> structure(BuildResult build) {
        Map<ContentSet, List<String>> versionsOf = new IdentityHashMap<>();
        for (BuildResult.VersionBuild v : build.versions())
            versionsOf.computeIfAbsent(v.content().content(), k -> new ArrayList<>()).add(v.name());
        List<Finding> out = new ArrayList<>();
        versionsOf.forEach((content, versions) -> {
            for (Problem p : CatalogRules.checkStructure(content.catalogs())) out.add(Finding.of(p).inVersions(versions));
        });
        return out;
    }

    static List<Finding> adminCoverage(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        for (BuildResult.VersionBuild v : build.versions()) {
            // A site without an admin audience has nobody this rule could serve.
            if (v.content().config().audience(ADMIN).isEmpty()) continue;
            Set<String> shown = new HashSet<>();
            for (RenderedPage p : v.pages()) {
                if (!p.page().audience().equals(ADMIN)) continue;
                for (RenderResult.TableRef t : p.raw().tables()) if (t.audience().equals(ADMIN)) shown.add(t.catalog());
            }
            for (Problem p : CatalogRules.adminCoverage(v.name(), v.content().input().catalogs(), shown))
                out.add(Finding.of(p).inVersions(List.of(v.name())));
        }
        return out;
    }

    /** Entries an end-user table shows need the end user's meaning and action, per version (merged across versions). */
    static List<Finding> endUserGuidance(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        for (BuildResult.VersionBuild v : build.versions()) {
            Set<String> shown = new HashSet<>();
            for (RenderedPage p : v.pages())
                for (RenderResult.TableRef t : p.raw().tables()) if (t.audience().equals("end-user")) shown.add(t.catalog());
            for (Problem p : CatalogRules.endUserGuidance(v.content().input().catalogs(), shown))
                out.add(Finding.of(p).inVersions(List.of(v.name())));
        }
        return out;
    }

    /** Consecutive built versions, newer against older (versions are listed newest first). */
    static List<Finding> removedBetweenVersions(BuildResult build) {
        List<Finding> out = new ArrayList<>();
        List<BuildResult.VersionBuild> vs = build.versions();
        for (int i = 0; i + 1 < vs.size(); i++) {
            BuildResult.VersionBuild newer = vs.get(i), older = vs.get(i + 1);
            for (Problem p : CatalogRules.removedBetween(newer.name(), newer.content().content().catalogs(), older.name(), older.content().input().catalogs()))
                out.add(Finding.of(p).inVersions(List.of(newer.name())));
        }
        return out;
    }

    /**
     * The work tree against its last commit, when the content folder is in a git repository with one.
     * Content built from a git revision (a preview) has no work tree to compare.
     */
    static List<Finding> removedSinceLastCommit(BuildResult build, ContentSet workTree, ContentRoot root) {
        if (!(workTree.source() instanceof DirectorySource) || root == null || !root.hasCommits()) return List.of();
        SiteConfig config = workTree.config();
        List<String> fromWorkTree = new ArrayList<>();
        for (SiteConfig.VersionSpec s : config.versions()) if (s.ref() == null) fromWorkTree.add(s.name());
        List<ErrorCatalog> head;
        String headName;
        try (GitRevisionSource src = root.revision("HEAD")) {
            head = ContentLoader.catalogsOnly(src);
            headName = "HEAD " + src.shortId();
        } catch (ContentException e) {
            return List.of(); // not in a repository, or no commit yet: nothing to compare with
        } catch (IOException e) {
            return List.of(Finding.warning(SourcePos.of(root.dir().toString()), CatalogRules.REMOVED,
                    "cannot read the catalogs of the last commit to check for removed error ids: " + e.getMessage()));
        }
        // An id the comparison of versions already reports is not reported a second time.
        Set<String> reported = new HashSet<>();
        List<BuildResult.VersionBuild> vs = build.versions();
        for (int i = 0; i + 1 < vs.size(); i++)
            reported.addAll(CatalogRules.missingIds(vs.get(i + 1).content().input().catalogs(), vs.get(i).content().content().catalogs()));
        List<Finding> out = new ArrayList<>();
        for (Problem p : CatalogRules.removedFromWorkTree(head, workTree.catalogs(), config, fromWorkTree, headName, reported)) out.add(Finding.of(p));
        return out;
    }
}
