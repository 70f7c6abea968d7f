package dev.docsite.cli;

import dev.docsite.rules.Severity;
import dev.docsite.content.ContentException;
import dev.docsite.preview.Preview;
import dev.docsite.preview.ReviewSummary;
import dev.docsite.build.BuildFailure;
import dev.docsite.content.ContentRoot;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "preview", description = {"Build the content at a git revision (read from git, no checkout) into <out>/preview/<short-sha>/ "
                + "with a banner naming the revision and its base, and print a Markdown review summary for a pull request: "
                + "the pages added, changed or removed against the base (rendered pages compared), grouped by audience, "
                + "with links into the preview. A revision whose content is broken publishes nothing."})
final class PreviewCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REV", description = "The revision to preview: a commit, branch or tag (e.g. HEAD).")
    String rev;

    @Option(names = "--base", paramLabel = "REV", description = "The revision to compare with (default: the first parent of REV). For a pull request, its merge base.")
    String base;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the Markdown summary to FILE instead of printing it.")
    Path summary;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the output folder is published (e.g. https://previews.example.com/); "
            + "summary links become URL + preview/<short-sha>/... (default: paths under --out).")
    String baseUrl;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try (ContentRoot root = common.contentRoot()) {
            // Progress only when the summary goes to a file: otherwise stdout carries the Markdown.
            Terminal.Progress progress = Terminal.Progress.of(err, common.output, summary == null);
            Preview.Result r;
            try {
                r = Preview.run(common.transaction(root, common.out, progress), rev, base, common.out);
            } finally {
                progress.done();
            }
            for (Finding f : r.findings()) err.println(f.toText());
            long errors = Findings.count(r.findings(), Severity.ERROR), warnings = Findings.count(r.findings(), Severity.WARNING);
            if (!r.published()) {
                err.println(CommonOptions.summary(errors, warnings) + " in " + rev + " (" + r.revision().shortId() + "); nothing published");
                err.flush();
                return 1;
            }
            String markdown = ReviewSummary.markdown(r, baseUrl != null ? baseUrl : common.out.toString().replace('\\', '/'));
            if (summary != null) {
                if (summary.toAbsolutePath().getParent() != null) Files.createDirectories(summary.toAbsolutePath().getParent());
                Files.writeString(summary, markdown, StandardCharsets.UTF_8);
                if (!common.output.quiet) out.println("Preview of " + r.revision().shortId() + " published to " + r.dir() + "; summary written to " + summary);
            } else {
                out.print(markdown);
            }
            out.flush();
            err.flush();
            return 0;
        } catch (BuildFailure f) {
            return CommonOptions.failed(f, err);
        } catch (ContentException e) {
            // An unknown revision or a folder outside git is a usage error.
            e.problems().forEach(p -> err.println(Finding.of(p).toText()));
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("cannot write the summary " + summary + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
