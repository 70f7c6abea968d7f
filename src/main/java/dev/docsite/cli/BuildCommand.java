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

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build every version of the site (or one) into the output folder. The previous output is replaced only when the build succeeds.")
final class BuildCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--version", paramLabel = "NAME", description = "Build only this version.")
    String version;

    @Option(names = "--quiet", description = "Print only problems.")
    boolean quiet;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        try {
            AsciidocRenderer renderer = AsciidocRenderer.shared();
            ContentSet content = Pipeline.load(common.content);
            Layout layout = Pipeline.layout(common.templates);
            SiteBuilder builder = Pipeline.builder(common, renderer, layout, common.out);
            try (Publisher pub = new Publisher(common.out)) {
                BuildResult r = Pipeline.build(builder, new SiteBuilder.Request(content, common.content,
                        version == null ? List.of() : List.of(version), null), pub.staging());
                for (Finding f : r.findings()) err.println(f.toText());
                long errors = Findings.count(r.findings(), Severity.ERROR), warnings = Findings.count(r.findings(), Severity.WARNING);
                if (errors > 0) {
                    err.println(Pipeline.summary(errors, warnings) + "; " + common.out + " left unchanged");
                    return 1;
                }
                pub.commit(List.of("preview"));
                if (!quiet) out.printf("Built %d pages in %d versions into %s (%d rendered, %d reused) in %d ms%s%n",
                        r.stats().pages(), r.versions().size(), common.out, r.stats().rendered(), r.stats().reused(),
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
