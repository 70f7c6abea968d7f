package dev.docsite.cli;

import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.content.ContentRoot;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.site.SiteBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options every command that builds takes (where content, theme, output and cache are, how chatty to be), and the build parts they configure. */
final class CommonOptions {
    @Mixin Output output;

    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates that override the built-in theme, file by file (default: templates/ beside the content folder when it exists).")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path out;

    Integer threads;

    @Option(names = "--threads", paramLabel = "N", description = "Render threads (default: number of cores).")
    void threads(int n) {
        if (n < 1) throw new CommandLine.ParameterException(mixee.commandLine(), "--threads " + n + ": expected 1 or more render threads");
        threads = n;
    }

    @Option(names = "--cache", paramLabel = "DIR", description = "Render cache folder (default: .docsite-cache beside the output).")
    Path cache;

    @Option(names = "--no-cache", description = "Render every page, ignoring and not writing the on-disk cache.")
    boolean noCache;

    /** One build writes an output folder at a time; a second one waits for the first unless told not to. */
    @Option(names = "--no-wait", defaultValue = "false", description = "Fail at once (exit 2) when another docsite build is writing the same output folder, instead of waiting for it.")
    void noWait(boolean noWait) { dev.docsite.site.Publisher.waitForLock(!noWait); }

    int threads() { return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()); }

    /**
     * The project's templates folder, or null for the built-in theme alone: --templates when given (it must
     * exist), else templates/ beside the content folder when there is one.
     */
    Path templates() {
        if (templates != null) return templates;
        Path parent = content.getParent();
        Path beside = parent == null ? Path.of("templates") : parent.resolve("templates");
        return Files.isDirectory(beside) ? beside : null;
    }

    /** The templates folder for messages: the folder, or "the built-in theme". */
    String themeName() {
        Path t = templates();
        return t == null ? "the built-in theme" : t + " over the built-in theme";
    }

    Path cacheDir(Path outDir) {
        if (cache != null) return cache;
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".docsite-cache");
    }

    /** Where the record of the builds of {@code outDir} is kept (see {@link BuildTransaction.LastBuildAt}); null with --no-cache. */
    BuildTransaction.LastBuildAt lastBuild(Path outDir) {
        return noCache ? null : new BuildTransaction.LastBuildAt(cacheDir(outDir), templates());
    }

    /** The content folder, opened once for the whole command; a missing folder is a usage error. */
    ContentRoot contentRoot() throws BuildFailure {
        // git last-updated dates are kept in the cache too: a commit's history never changes.
        ContentRoot root = ContentRoot.of(content, noCache ? null : cacheDir(out).resolve("history"));
        if (!root.exists())
            throw new BuildFailure(2, content + ": content folder not found (expected site.yaml, pages/, errors/; set it with --content DIR)");
        return root;
    }

    Layout layout() throws BuildFailure {
        try {
            return new Layout(templates());
        } catch (Layout.LayoutException e) {
            throw new BuildFailure(2, e.getMessage());
        }
    }

    /** The process's one warm renderer, the render cache beside {@code outDir} and the theme. */
    SiteBuilder builder(Path outDir, SiteBuilder.Progress progress) throws BuildFailure {
        RenderCache renderCache = noCache ? RenderCache.memoryOnly() : new RenderCache(cacheDir(outDir));
        return new SiteBuilder(AsciidocRenderer.shared(), renderCache, layout(), threads()).onProgress(progress);
    }

    BuildTransaction transaction(ContentRoot root, Path outDir, SiteBuilder.Progress progress) throws BuildFailure {
        return new BuildTransaction(builder(outDir, progress), root);
    }

    /** Prints why a build could not run (its lines already say what to do) and returns its exit code. */
    static int failed(BuildFailure f, java.io.PrintWriter err) {
        f.lines().forEach(err::println);
        err.flush();
        return f.exitCode();
    }

    /** "2 errors, 1 warning": the closing line of a command's findings. */
    static String summary(long errors, long warnings) {
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    /** --help, --quiet and --verbose: on every command. */
    static final class Output {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "Also print what docsite is doing: theme, cache, timings.")
        boolean verbose;
    }
}
