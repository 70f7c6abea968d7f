import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.BuildResult;
import dev.docsite.site.SiteBuilder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Time of the search index made from scratch (every page's text taken from its HTML, tokenized and indexed), as a
 * cold build makes it: renders CONTENT once (render cache in CACHE_DIR, so a second run of the benchmark skips
 * Asciidoctor), then makes every version's index RUNS times in the same process, each time with an empty cache of
 * search entries, and prints the first and the median time. Run it with the launcher's JIT flag
 * (-XX:TieredStopAtLevel=1) against two jars to compare them.
 *
 * Usage: java -XX:TieredStopAtLevel=1 -cp target/docsite.jar bench/SearchIndexBench.java CONTENT [RUNS] [CACHE_DIR]
 */
public class SearchIndexBench {
    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        RenderCache renders = args.length > 2 ? new RenderCache(Path.of(args[2])) : RenderCache.memoryOnly();
        int threads = Runtime.getRuntime().availableProcessors();
        Layout layout = new Layout(null);
        var set = ContentLoader.load(new DirectorySource(content));
        SiteBuilder.Request req = new SiteBuilder.Request(set, ContentRoot.of(content), List.of(), null);
        BuildResult rendered = new SiteBuilder(AsciidocRenderer.shared(), renders, layout, threads).render(req);
        Set<String> versions = rendered.versions().stream().map(BuildResult.VersionBuild::name).collect(Collectors.toSet());
        int pages = rendered.versions().stream().mapToInt(v -> v.pages().size()).sum();
        long[] ms = new long[runs];
        int files = 0;
        for (int r = 0; r < runs; r++) {
            SiteBuilder fresh = new SiteBuilder(AsciidocRenderer.shared(), RenderCache.memoryOnly(), layout, threads);   // no entry cached
            long t0 = System.nanoTime();
            Map<String, String> index = fresh.searchFiles(req, rendered, versions, () -> false);
            ms[r] = (System.nanoTime() - t0) / 1_000_000;
            files = index.size();
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("search index: %s, %d pages, %d files; first run %d ms, median of %d: %d ms %s%n",
                content, pages, files, ms[0], runs, sorted[runs / 2], Arrays.toString(ms));
        AsciidocRenderer.shared().close();
    }
}
