package dev.docsite.preview;

import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.GitRevisionSource;
import dev.docsite.content.Problem;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Publisher;
import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A per-commit preview: the content at a git revision (read with JGit, no checkout) built with the
 * site pipeline into {@code <out>/preview/<short-sha>/} with a banner naming the revision and its base,
 * and compared page by page with the base's rendering. The revision is rendered, written into a
 * staging folder and checked before it is published; a broken revision publishes nothing. Unchanged pages come from the render
 * cache, so the base costs only the pages that differ.
 */
public final class Preview {
    public static final String FOLDER = Publisher.PREVIEWS;

    /**
     * @param base       the base commit compared with, or null (a root commit has none)
     * @param baseBroken why the base could not be compared ("file:line: ..."), or null
     * @param changes    what changed against the base; null when there is no base to compare with
     * @param findings   the revision's findings (warnings only when published)
     */
    public record Result(Commit revision, Commit base, String baseBroken, Path dir, BuildResult build, Changes changes,
                         List<Finding> findings, boolean published) {}

    /** A resolved revision: what was asked for (null: the default base), the commit it names and its subject line. */
    public record Commit(String asked, String id, String shortId, String subject) {
        static Commit of(String asked, GitRevisionSource src) {
            return new Commit(asked, src.commitId(), src.shortId(), src.commit().getShortMessage());
        }
    }

    private Preview() {}

    /**
     * @param tx      the build transaction over the work tree's content root (names the repository and the folder in it)
     * @param baseRev the revision to compare with; null: the first parent of {@code rev}
     * @param out     the site folder; the preview goes to {@code out/preview/<short-sha>/}
     * @throws ContentException when {@code rev} or {@code baseRev} is not a revision of the repository
     */
    public static Result run(BuildTransaction tx, String rev, String baseRev, Path out) throws ContentException, BuildFailure {
        try (GitRevisionSource revSrc = tx.root().revision(rev)) {
            Commit revision = Commit.of(rev, revSrc);
            String baseName = baseRev != null ? baseRev
                    : revSrc.commit().getParentCount() > 0 ? revSrc.commit().getParent(0).getName() : null;
            try (GitRevisionSource baseSrc = baseName == null ? null : tx.root().revision(baseName)) {
                Commit base = baseSrc == null ? null : Commit.of(baseRev, baseSrc);
                Path dir = out.resolve(FOLDER).resolve(revision.shortId());
                BuildTransaction.Outcome o = tx.run(revSrc, BuildTransaction.Plan.publishInside(dir, out).banner(banner(revision, base)));
                if (!o.published()) return new Result(revision, base, null, dir, o.build(), null, o.findings(), false);
                Changes changes = null;
                String baseBroken = null;
                if (baseSrc != null) {
                    try {
                        ContentSet baseContent = ContentLoader.load(baseSrc);
                        BuildResult baseBuilt = tx.builder().render(new SiteBuilder.Request(baseContent, tx.root(), List.of(), null));
                        changes = Changes.between(baseContent, baseBuilt, o.content(), o.build());
                    } catch (ContentException e) {
                        Problem p = e.problems().get(0);
                        baseBroken = Finding.of(p).toText() + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : "");
                    } catch (IOException e) {
                        baseBroken = "cannot render the base " + base.shortId() + ": " + e.getMessage();
                    }
                }
                return new Result(revision, base, baseBroken, dir, o.build(), changes, o.findings(), true);
            }
        }
    }

    /** The banner on every preview page: which commit this is and what it is compared with. */
    static String banner(Commit revision, Commit base) {
        String s = "Preview of " + revision.shortId() + " \u201c" + revision.subject() + "\u201d";
        s += base == null ? " (no base to compare with)" : ", compared with " + base.shortId();
        return s + ". Not the published documentation.";
    }
}
