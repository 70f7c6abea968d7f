package dev.docsite.serve;

import dev.docsite.build.BuildTransaction;
import dev.docsite.site.SiteBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * docsite serve: the live site, the server that shows it and the watcher that feeds it, started and
 * closed together. Changes are applied one batch at a time on the watcher's thread.
 */
public final class Serve implements AutoCloseable {
    /**
     * How long a changed file must stay unchanged before it is built. It is most of the time from a save to
     * the page served, so it is short: a save whose steps pause longer leaves a file that is missing, empty
     * or unparsable in between, and such a file gets a longer wait anyway (see {@link Watcher}).
     */
    public static final long QUIET_MILLIS = 40;

    private final LiveSite site;
    private final SiteServer server;
    private final Watcher watcher;
    private final LiveSite.Update first;

    private Serve(LiveSite site, SiteServer server, Watcher watcher, LiveSite.Update first) {
        this.site = site;
        this.server = server;
        this.watcher = watcher;
        this.first = first;
    }

    /**
     * Serves {@code out} on 127.0.0.1:{@code port} (0: any free port), watches the content and templates
     * folders and builds the site. {@code log} hears every update, the first build included. {@code lastBuild}: where
     * `docsite build` keeps its record (null with --no-cache), so the start takes the pages it vouches for.
     */
    public static Serve start(Path content, Path templates, Path out, SiteBuilder builder, BuildTransaction.LastBuildAt lastBuild, int port,
                              Consumer<LiveSite.Update> log) throws IOException {
        LiveSite site = new LiveSite(content, templates, out, builder, lastBuild);
        site.onUpdate(log);
        // Bound before the first build, so a port in use is reported at once, not after a full build.
        SiteServer server = new SiteServer(site.out(), port, site::problems);
        site.onUpdate(server::changed);
        Watcher watcher = null;
        try {
            watcher = new Watcher(site.watched(), QUIET_MILLIS, Serve::looksWhole, site::update);
            // JRuby starts beside the start-up build (seconds; a build served from the render cache never starts
            // it), so an edit saved as soon as the site is served does not wait for it.
            builder.startRendererInBackground();
            Serve serve = new Serve(site, server, watcher, site.start());
            // Then, in the background, an edit is rehearsed and a few pages are converted, so the writer's first edit is
            // as fast as the later ones. The rehearsal comes first: it is short, and an edit waits for it to end, while
            // it stops the conversions.
            Thread warm = new Thread(() -> {
                site.rehearseAnEdit();
                site.warmUp();
            }, "docsite-warm-up");
            warm.setDaemon(true);
            warm.start();
            return serve;
        } catch (IOException | RuntimeException e) {
            if (watcher != null) watcher.close();
            server.close();
            throw e;
        }
    }

    private static final ObjectMapper YAML = new YAMLMapper(), JSON = new ObjectMapper();

    /**
     * Whether a changed file looks like a finished save: it exists, is not empty, and YAML or JSON parses.
     * A file that does not gets one more wait before its problems are shown (a half-done save would
     * otherwise flash an error page). Folders and other files count as whole.
     */
    static boolean looksWhole(Path p) {
        if (Files.isDirectory(p)) return true;
        try {
            if (!Files.exists(p) || Files.size(p) == 0) return false;
            String name = p.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) YAML.readTree(p.toFile());
            else if (name.endsWith(".json")) JSON.readTree(p.toFile());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public LiveSite site() { return site; }

    public SiteServer server() { return server; }

    /** The initial build. */
    public LiveSite.Update first() { return first; }

    /** Stops watching (after the update in progress, if any, has finished) and stops the server. */
    @Override public void close() throws IOException {
        watcher.close();
        site.close();
        server.close();
    }
}
