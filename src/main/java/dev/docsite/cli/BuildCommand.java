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
        try (ContentRoot root = common.contentRoot()) {
            BuildTransaction tx = common.transaction(root, common.out);
            BuildTransaction.Plan plan = BuildTransaction.Plan.publish(common.out, List.of(Publisher.PREVIEWS))
                    .only(version == null ? List.of() : List.of(version));
            BuildTransaction.Outcome o = tx.run(root.workTree(), plan);
            for (Finding f : o.findings()) err.println(f.toText());
            if (!o.published()) {
                err.println(CommonOptions.summary(o.errors(), o.warnings()) + "; " + common.out + " left unchanged");
                err.flush();
                return 1;
            }
            BuildResult.Stats s = o.build().stats();
            if (!quiet) out.printf("Built %d pages in %d versions into %s (%d rendered, %d reused) in %d ms%s%n",
                    s.pages(), o.build().versions().size(), common.out, s.rendered(), s.reused(),
                    (System.nanoTime() - t0) / 1_000_000, o.warnings() > 0 ? "; " + CommonOptions.summary(0, o.warnings()) : "");
            out.flush();
            err.flush();
            return 0;
        } catch (BuildFailure f) {
            f.lines().forEach(err::println);
            err.flush();
            return f.exitCode();
        }
    }
}
