package dev.docsite.cli;

import dev.docsite.rules.Severity;
import dev.docsite.content.ContentSet;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Publisher;
import dev.docsite.site.SiteBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "build", description = "Build every version of the site (or one) into the output folder. The previous output is replaced only when the build succeeds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:the content has errors (each names file:line); the output is left unchanged", "2:usage or configuration error"})
final class BuildCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--only", paramLabel = "NAME", description = "Build only this version (a name from the versions of site.yaml).")
    String only;

    /** The old spelling of --only, kept only to say so: --version is the standard "which docsite" flag. */
    @Option(names = "--version", arity = "0..1", paramLabel = "NAME", hidden = true)
    String oldVersionOption;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (spec.commandLine().getParseResult().hasMatchedOption("--version")) {
            err.println("build: --version NAME is now --only NAME (docsite build --only " + (oldVersionOption == null || oldVersionOption.isEmpty() ? "NAME" : oldVersionOption)
                    + "); docsite --version prints which docsite this is");
            return 2;
        }
        long t0 = System.nanoTime();
        Terminal.Progress progress = Terminal.Progress.of(err, common.output, false);
        try {
            AsciidocRenderer renderer = AsciidocRenderer.shared();
            ContentSet content = Pipeline.load(common.content);
            if (only != null) Pipeline.requireVersion(content, only, "--only");
            Layout layout = Pipeline.layout(common.templates());
            if (common.output.verbose) err.println("theme: " + common.themeName() + "; cache: " + (common.noCache ? "none" : common.cacheDir(common.out)));
            SiteBuilder builder = Pipeline.builder(common, renderer, layout, common.out).onProgress(progress);
            try (Publisher pub = new Publisher(common.out)) {
                BuildResult r;
                try {
                    r = Pipeline.build(builder, new SiteBuilder.Request(content, common.content,
                            only == null ? List.of() : List.of(only), null), pub.staging());
                } finally {
                    progress.done();
                }
                for (Finding f : r.findings()) err.println(Terminal.paint(f.toText()));
                long errors = Findings.count(r.findings(), Severity.ERROR), warnings = Findings.count(r.findings(), Severity.WARNING);
                if (errors > 0) {
                    err.println(Pipeline.summary(errors, warnings) + "; " + common.out + " left unchanged");
                    return 1;
                }
                pub.commit(List.of("preview"));
                if (!common.output.quiet) out.printf("Built %d pages in %d version%s into %s (%d rendered, %d reused) in %d ms%s%n",
                        r.stats().pages(), r.versions().size(), r.versions().size() == 1 ? "" : "s", common.out, r.stats().rendered(), r.stats().reused(),
                        (System.nanoTime() - t0) / 1_000_000, warnings > 0 ? "; " + Pipeline.summary(0, warnings) : "");
                return 0;
            }
        } catch (Pipeline.Failure f) {
            f.print(err);
            return f.exitCode;
        } catch (IOException e) {
            err.println(common.out + ": cannot write the site: " + e.getMessage());
            return 2;
        }
    }
}
