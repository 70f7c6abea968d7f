package dev.docsite.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes. */
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

    /** One build writes an output folder at a time; a second one waits for the first unless told not to. */
    @Option(names = "--no-wait", defaultValue = "false", description = "Fail at once (exit 2) when another docsite build is writing the same output folder, instead of waiting for it.")
    void noWait(boolean noWait) { dev.docsite.site.Publisher.waitForLock(!noWait); }

    int threads() { return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()); }

    Path cacheDir(Path outDir) {
        if (cache != null) return cache;
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        return parent.resolve(".docsite-cache");
    }
}
