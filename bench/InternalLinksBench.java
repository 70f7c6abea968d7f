import dev.docsite.check.InternalLinks;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Publisher;
import dev.docsite.site.SiteBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Time of the internal link checks (xrefs, anchors, duplicate ids, files, alias redirects, version
 * switcher) on a built site: builds CONTENT once (render cache in CACHE_DIR, so a second run of the
 * benchmark skips Asciidoctor), then runs the checks RUNS times in the same process and prints the
 * first and the median time.
 *
 * Usage: java -cp target/docsite.jar bench/InternalLinksBench.java CONTENT [RUNS] [CACHE_DIR]
 */
public class InternalLinksBench {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path cacheDir = args.length > 2 ? Path.of(args[2]) : null;
        Path out = Files.createTempDirectory("links-bench-site-");
        try {
            long b0 = System.nanoTime();
            var set = ContentLoader.load(new DirectorySource(content));
            SiteBuilder builder = new SiteBuilder(AsciidocRenderer.shared(), cacheDir == null ? RenderCache.memoryOnly() : new RenderCache(cacheDir),
                    new Layout(Path.of("templates")), Runtime.getRuntime().availableProcessors());
            BuildResult build = builder.build(new SiteBuilder.Request(set, content, List.of(), null), out);
            long buildMs = (System.nanoTime() - b0) / 1_000_000;
            int pages = 0, links = 0;
            for (BuildResult.VersionBuild v : build.versions()) for (RenderedPage p : v.pages()) { pages++; links += p.links().size(); }
            System.out.printf("internal link checks: %s, %d pages in %d version(s), %d links (site built in %d ms)%n",
                    content, pages, build.versions().size(), links, buildMs);
            long[] ms = new long[runs];
            List<Finding> findings = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                findings = InternalLinks.check(build);
                ms[r] = (System.nanoTime() - t0) / 1_000_000;
            }
            long first = ms[0];
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.printf("first run: %d ms; median of %d: %d ms %s; %d findings — %s%n", first, runs, sorted[runs / 2], Arrays.toString(ms),
                    findings.size(), first < 1000 ? "under 1 s" : "OVER 1 s");
            AsciidocRenderer.shared().close();
            System.exit(first < 1000 ? 0 : 1);
        } finally {
            Publisher.deleteTree(out);
        }
    }
}
