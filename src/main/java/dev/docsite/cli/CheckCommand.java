package dev.docsite.cli;

import dev.docsite.check.ExternalLinks;
import dev.docsite.check.LinkCache;
import dev.docsite.content.ContentSet;
import dev.docsite.content.SiteConfig;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Build every version (into a temporary folder unless --out is given) and run the link and error-table checks.")
final class CheckCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--external", description = "Also check external links (settings: links: in site.yaml; successes cached in the cache folder as links.json).")
    boolean external;

    @Option(names = "--offline", description = "With --external: send no request; only URLs fresh in the cache count as checked.")
    boolean offline;

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
        try {
            AsciidocRenderer renderer = AsciidocRenderer.shared();
            ContentSet content = Pipeline.load(common.content);
            Layout layout = Pipeline.layout(common.templates);
            Path dir = outGiven ? common.out : Files.createTempDirectory("docsite-check-");
            ExternalLinks externalLinks = external ? externalLinks(content, outGiven) : null;
            try {
                SiteBuilder builder = Pipeline.builder(common, renderer, layout, outGiven ? common.out : Path.of("site"));
                BuildResult r;
                if (outGiven) {
                    try (Publisher pub = new Publisher(common.out)) {
                        r = Pipeline.build(builder, new SiteBuilder.Request(content, common.content, List.of(), null), pub.staging());
                        pub.commit(List.of("preview"));
                        r = new BuildResult(common.out, r.versions(), r.findings(), r.stats());
                    }
                } else {
                    r = Pipeline.build(builder, new SiteBuilder.Request(content, common.content, List.of(), null), dir);
                }
                List<Finding> findings = r.findings();
                String externalSummary = null;
                if (externalLinks != null) {
                    ExternalLinks.Result ext = externalLinks.check(ExternalLinks.usages(r), offline);
                    List<Finding> all = new ArrayList<>(findings);
                    all.addAll(ext.findings());
                    findings = Findings.sorted(all);
                    externalSummary = ext.stats().summary();
                }
                for (Finding f : findings) out.println(f.toText());
                long errors = Findings.count(findings, Finding.Severity.ERROR), warnings = Findings.count(findings, Finding.Severity.WARNING);
                if (externalSummary != null) out.println(externalSummary);
                out.println(Pipeline.summary(errors, warnings) + " in " + r.stats().pages() + " pages of " + r.versions().size() + " versions");
                return errors > 0 ? 1 : 0;
            } finally {
                if (!outGiven) Publisher.deleteTree(dir);
            }
        } catch (Pipeline.Failure f) {
            f.print(err);
            return f.exitCode;
        } catch (IOException e) {
            err.println("cannot create a temporary folder for the check: " + e.getMessage());
            return 2;
        }
    }
}
