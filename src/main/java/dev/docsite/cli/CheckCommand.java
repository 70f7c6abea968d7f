package dev.docsite.cli;

import dev.docsite.rules.Severity;
import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.check.ErrorTableChecks;
import dev.docsite.external.ExternalLinks;
import dev.docsite.external.LinkCache;
import dev.docsite.check.UpstreamI18n;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.content.SiteConfig;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.report.ReportFormat;
import dev.docsite.report.Reporter;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Publisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "check", description = "Build every version (into a temporary folder unless --out is given) and run the link and error-table checks.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above the fail level", "1:findings at or above the fail level", "2:usage or configuration error"})
final class CheckCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--external", description = "Also check external links (settings: links: in site.yaml; successes cached in the cache folder as links.json).")
    boolean external;

    @Option(names = "--offline", description = "With --external: send no request; only URLs fresh in the cache count as checked.")
    boolean offline;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). github prints workflow annotations and writes a Markdown job summary to $GITHUB_STEP_SUMMARY (stdout when unset).")
    ReportFormat format;

    @Option(names = "--fail-level", paramLabel = "LEVEL", defaultValue = "error",
            description = "Lowest severity that fails the check (exit 1): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailLevel failLevel;

    @Option(names = "--upstream-i18n", paramLabel = "FILE",
            description = "Compare the server and configuration errors of the catalog with the product's translation file, [{\"id\": ..., \"translation\": ...}].")
    Path upstreamI18n;

    enum FailLevel {
        error(Severity.ERROR), warning(Severity.WARNING);
        final Severity severity;
        FailLevel(Severity s) { severity = s; }
    }

    /** The external checker, its HTTP client already starting up while the site builds. */
    private ExternalLinks externalLinks(ContentSet content, boolean outGiven) {
        SiteConfig.LinksConfig links = content.config().links();
        Path cacheFile = common.cacheDir(outGiven ? common.out : Path.of("site")).resolve("links.json");
        LinkCache cache = common.noCache ? LinkCache.none() : LinkCache.open(cacheFile, links.cacheTtlHours());
        ExternalLinks checker = new ExternalLinks(ExternalLinks.Settings.of(links), cache);
        return offline ? checker : checker.warmUp();
    }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
        List<UpstreamI18n.Translation> upstream;
        try {
            upstream = upstreamI18n == null ? null : UpstreamI18n.read(upstreamI18n);
        } catch (UpstreamI18n.BadFile e) {
            err.println(e.getMessage());
            return 2;
        }
        // The progress line goes to stderr, and only beside the text report: other formats are read by tools.
        Terminal.Progress progress = Terminal.Progress.of(err, common.output, format != ReportFormat.text);
        try (ContentRoot root = common.contentRoot()) {
            BuildTransaction tx = common.transaction(root, outGiven ? common.out : Path.of("site"), progress);
            if (common.output.verbose) err.println("theme: " + common.themeName() + "; " + (outGiven ? "publishing into " + common.out : "building into a temporary folder"));
            ContentSet content;
            try {
                content = ContentLoader.loadAll(root.workTree());
            } catch (ContentException e) {
                // Content that does not load is reported like any other finding, in the format asked for.
                return report(BuildTransaction.Outcome.notLoaded(e).findings(), out, err);
            }
            ExternalLinks externalLinks = external ? externalLinks(content, outGiven) : null;
            List<Function<BuildResult, List<Finding>>> checks = new ArrayList<>();
            checks.add(ErrorTableChecks::check);
            if (upstream != null) checks.add(b -> UpstreamI18n.compare(upstream, b, upstreamI18n));
            // The checks read the written pages: with --out they run on the staging folder, which is published only when clean.
            BuildTransaction.Plan plan = (outGiven ? BuildTransaction.Plan.publish(common.out, List.of(Publisher.PREVIEWS))
                    : new BuildTransaction.Plan(List.of(), null, new BuildTransaction.Target.Temporary(), List.of())).checks(checks);
            long cpu0 = processCpuNanos();
            BuildTransaction.Outcome o;
            try {
                o = tx.run(content, plan);
            } finally {
                progress.done();
            }
            built = o.build();
            checkNanos = o.checkNanos();
            checkCpuNanos = processCpuNanos() - cpu0;
            List<Finding> all = new ArrayList<>(o.findings());
            if (externalLinks != null && o.build() != null) {
                // Network-bound, so after publishing: a slow or flaky host never holds the site back.
                ExternalLinks.Result ext = externalLinks.check(ExternalLinks.usages(o.build()), offline);
                all.addAll(ext.findings());
                externalSummary = ext.stats().summary();
            }
            return report(all, out, err);
        } catch (BuildFailure f) {
            return CommonOptions.failed(f, err);
        }
    }

    private BuildResult built;
    private long checkNanos, checkCpuNanos;
    private String externalSummary;

    /** CPU time of the whole process (all threads), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private int report(List<Finding> findings, PrintWriter out, PrintWriter err) {
        findings = Findings.sorted(findings);
        BuildResult r = built;
        String context = r == null ? "" : r.stats().pages() + (r.stats().pages() == 1 ? " page of " : " pages of ") + r.versions().size() + (r.versions().size() == 1 ? " version" : " versions");
        Reporter reporter = new Reporter(format, failLevel.severity, context);
        // What the external check did (checked, cached, ignored): on stdout beside the text report, else on stderr.
        if (externalSummary != null && !common.output.quiet) (format == ReportFormat.text ? out : err).println(externalSummary);
        String summaryFile = System.getenv("GITHUB_STEP_SUMMARY");
        try {
            reporter.write(findings, out, summaryFile == null || summaryFile.isBlank() ? null : Path.of(summaryFile));
        } catch (IOException e) {
            err.println("cannot write the GitHub job summary to " + summaryFile + ": " + e.getMessage());
            return 2;
        }
        if (format != ReportFormat.text && format != ReportFormat.github)
            err.println(Reporter.counts(findings) + (context.isEmpty() ? "" : " in " + context));
        if (r != null && System.getenv("DOCSITE_TIMING") != null)
            err.printf("timing: build %d ms; checks %d ms (%d ms CPU)%n", r.stats().millis(), checkNanos / 1_000_000, checkCpuNanos / 1_000_000);
        return reporter.fails(findings) ? 1 : 0;
    }

}
