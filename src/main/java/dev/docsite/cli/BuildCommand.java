package dev.docsite.cli;

import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.content.ContentRoot;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Publisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        try (ContentRoot root = common.contentRoot()) {
            BuildTransaction tx = common.transaction(root, common.out, progress);
            if (common.output.verbose) err.println("theme: " + common.themeName() + "; cache: " + (common.noCache ? "none" : common.cacheDir(common.out)));
            BuildTransaction.Plan plan = BuildTransaction.Plan.publish(common.out, List.of(Publisher.PREVIEWS))
                    .only(only == null ? List.of() : List.of(only));
            // A rebuild with nothing changed is answered from the record of the last one (not with --no-cache).
            BuildTransaction.LastBuildAt record = common.lastBuild(common.out);
            if (record != null) plan = plan.skipWhenUnchanged(record);
            BuildTransaction.Outcome o;
            try {
                o = tx.run(root.workTree(), plan);
            } finally {
                progress.done();
            }
            for (Finding f : o.findings()) err.println(Terminal.paint(f.toText()));
            if (!o.published()) {
                err.println(CommonOptions.summary(o.errors(), o.warnings()) + "; " + common.out + " left unchanged");
                err.flush();
                return 1;
            }
            BuildResult.Stats s = o.build().stats();
            int versions = o.versionCount();
            String what = o.unchanged() != null ? "nothing changed since the last build" : s.rendered() + " rendered, " + s.reused() + " reused";
            if (!common.output.quiet) out.printf("Built %d pages in %d version%s into %s (%s) in %d ms%s%n",
                    s.pages(), versions, versions == 1 ? "" : "s", common.out, what,
                    (System.nanoTime() - t0) / 1_000_000, o.warnings() > 0 ? "; " + CommonOptions.summary(0, o.warnings()) : "");
            out.flush();
            err.flush();
            return 0;
        } catch (BuildFailure f) {
            return CommonOptions.failed(f, err);
        }
    }
}
