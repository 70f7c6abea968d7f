package dev.docsite.cli;

import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.content.ContentRoot;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes, and the build parts they configure. */
final class CommonOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Templates folder (default: ${DEFAULT-VALUE}).", defaultValue = "templates")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Render threads (default: number of cores).")
    Integer threads;

    @Option(names = "--cache", paramLabel = "DIR", description = "Render cache folder (default: .docsite-cache beside the output).")
    Path cache;

    @Option(names = "--no-cache", description = "Render every page, ignoring and not writing the on-disk cache.")
    boolean noCache;

    int threads() { return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()); }

    Path cacheDir(Path outDir) {
        if (cache != null) return cache;
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".docsite-cache");
    }

    /** The content folder, opened once for the whole command; a missing folder is a usage error. */
    ContentRoot contentRoot() throws BuildFailure {
        ContentRoot root = ContentRoot.of(content);
        if (!root.exists())
            throw new BuildFailure(2, content + ": content folder not found (expected site.yaml, pages/, errors/; set it with --content DIR)");
        return root;
    }

    Layout layout() throws BuildFailure {
        try {
            return new Layout(templates);
        } catch (Layout.LayoutException e) {
            throw new BuildFailure(2, e.getMessage());
        }
    }

    /** The process's one warm renderer, the render cache beside {@code outDir} and the templates. */
    SiteBuilder builder(Path outDir) throws BuildFailure {
        RenderCache renderCache = noCache ? RenderCache.memoryOnly() : new RenderCache(cacheDir(outDir));
        return new SiteBuilder(AsciidocRenderer.shared(), renderCache, layout(), threads());
    }

    BuildTransaction transaction(ContentRoot root, Path outDir) throws BuildFailure {
        return new BuildTransaction(builder(outDir), root);
    }

    /** "2 errors, 1 warning": the closing line of a command's findings. */
    static String summary(long errors, long warnings) {
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
