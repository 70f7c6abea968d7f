package dev.docsite.cli;

import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.check.InternalLinks;
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
        Failure(int exitCode, List<String> lines) { super(String.join("\n", lines), null, false, false); this.exitCode = exitCode; this.lines = lines; }
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

    static Failure contentFailure(ContentException e) {
        List<String> lines = new ArrayList<>();
        for (Finding f : Findings.sorted(e.problems().stream().map(Finding::of).toList())) lines.add(f.toText());
        lines.add(summary(e.problems().size(), 0));
        return new Failure(1, lines);
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

    /** Builds into {@code dir} and adds the internal link checks every build must pass. */
    static BuildResult build(SiteBuilder builder, SiteBuilder.Request req, Path dir) throws Failure {
        try {
            BuildResult r = builder.build(req, dir);
            List<Finding> all = new ArrayList<>(r.findings());
            all.addAll(InternalLinks.check(r));
            return new BuildResult(r.dir(), r.versions(), Findings.sorted(all), r.stats());
        } catch (ContentException e) {
            throw contentFailure(e);
        } catch (Layout.LayoutException e) {
            throw new Failure(1, List.of(e.getMessage()));
        } catch (IOException e) {
            throw new Failure(2, List.of("cannot write " + dir + ": " + e.getMessage()));
        }
    }

    static String summary(long errors, long warnings) {
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
