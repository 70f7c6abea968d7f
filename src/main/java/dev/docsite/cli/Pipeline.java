package dev.docsite.cli;

import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.check.BuildChecks;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The steps commands share: load, build into a folder, run the checks every build runs. */
final class Pipeline {
    private Pipeline() {}

    /** A user-facing failure: messages already name file and line; {@code exitCode} per DESIGN. */
    static final class Failure extends Exception {
        final int exitCode;
        final List<String> lines;
        /** The content problems behind the failure, for reports in other formats (empty for usage errors). */
        final List<Finding> findings;
        Failure(int exitCode, List<String> lines) { this(exitCode, lines, List.of()); }
        Failure(int exitCode, List<String> lines, List<Finding> findings) {
            super(String.join("\n", lines), null, false, false);
            this.exitCode = exitCode; this.lines = lines; this.findings = findings;
        }
        void print(PrintWriter err) { lines.forEach(err::println); err.flush(); }
    }

    static ContentSet load(Path contentDir) throws Failure {
        if (!Files.isDirectory(contentDir))
            throw new Failure(2, List.of(contentDir + ": content folder not found (expected site.yaml, pages/, errors/; set it with --content DIR)"));
        try {
            return ContentLoader.load(new DirectorySource(contentDir));
        } catch (ContentException e) {
            throw contentFailure(e);
        }
    }

    /** A version name given on the command line must be one site.yaml declares: a usage mistake (exit 2) otherwise. */
    static void requireVersion(ContentSet content, String name, String option) throws Failure {
        List<String> names = content.config().versions().stream().map(dev.docsite.content.SiteConfig.VersionSpec::name).toList();
        if (!names.contains(name))
            throw new Failure(2, List.of(option + " " + name + ": site.yaml has no version named " + name + " (expected one of " + String.join(", ", names) + ")"));
    }

    static Failure contentFailure(ContentException e) {
        List<String> lines = new ArrayList<>();
        List<Finding> findings = Findings.sorted(e.problems().stream().map(Finding::of).toList());
        for (Finding f : findings) lines.add(f.toText());
        lines.add(summary(e.problems().size(), 0));
        return new Failure(1, lines, List.copyOf(findings));
    }

    static Layout layout(Path templates) throws Failure {
        try {
            return new Layout(templates);
        } catch (Layout.LayoutException e) {
            throw new Failure(2, List.of(e.getMessage()));
        }
    }

    static SiteBuilder builder(CommonOptions o, AsciidocRenderer renderer, Layout layout, Path outDir) {
        RenderCache cache = o.noCache ? RenderCache.memoryOnly() : new RenderCache(o.cacheDir(outDir));
        return new SiteBuilder(renderer, cache, layout, o.threads());
    }

    /** Builds into {@code dir} and adds the checks every build must pass. */
    static BuildResult build(SiteBuilder builder, SiteBuilder.Request req, Path dir) throws Failure {
        return withBuildChecks(render(builder, req, dir), req);
    }

    /** Renders and writes every version into {@code dir}, without the checks. */
    static BuildResult render(SiteBuilder builder, SiteBuilder.Request req, Path dir) throws Failure {
        try {
            return builder.build(req, dir);
        } catch (ContentException e) {
            throw contentFailure(e);
        } catch (Layout.LayoutException e) {
            throw new Failure(1, List.of(e.getMessage()));
        } catch (IOException e) {
            throw new Failure(2, List.of("cannot write " + dir + ": " + e.getMessage()));
        }
    }

    /** Adds the checks every build must pass: internal links and the catalog rules that need the built versions. */
    static BuildResult withBuildChecks(BuildResult r, SiteBuilder.Request req) {
        return BuildChecks.run(r, req.content(), req.contentDir());
    }

    static String summary(long errors, long warnings) {
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
