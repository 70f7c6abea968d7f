package dev.docsite.serve;

import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * docsite serve: the live site, the server that shows it and the watcher that feeds it, started and
 * closed together. Changes are applied one batch at a time on the watcher's thread.
 */
public final class Serve implements AutoCloseable {
    /** Quiet time that ends a batch of file events: long enough for an editor's save, short next to a render. */
    public static final long QUIET_MILLIS = 25;

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
     * folders and builds the site. {@code log} hears every update, the first build included.
     */
    public static Serve start(Path content, Path templates, Path out, SiteBuilder builder, int port,
                              Consumer<LiveSite.Update> log) throws IOException {
        LiveSite site = new LiveSite(content, templates, out, builder);
        site.onUpdate(log);
        // Bound before the first build, so a port in use is reported at once, not after a full build.
        SiteServer server = new SiteServer(site.out(), port, site::problems);
        site.onUpdate(server::changed);
        Watcher watcher = null;
        try {
            watcher = new Watcher(site.watched(), QUIET_MILLIS, site::update);
            Serve serve = new Serve(site, server, watcher, site.start());
            // A start-up build served from the render cache never started JRuby; start it now, in the background,
            // so the writer's first edit is as fast as the later ones.
            Thread warm = new Thread(builder::warmUpRenderer, "docsite-warm-up");
            warm.setDaemon(true);
            warm.start();
            return serve;
        } catch (IOException | RuntimeException e) {
            if (watcher != null) watcher.close();
            server.close();
            throw e;
        }
    }

    public LiveSite site() { return site; }

    public SiteServer server() { return server; }

    /** The initial build. */
    public LiveSite.Update first() { return first; }

    @Override public void close() throws IOException {
        watcher.close();
        server.close();
    }
}
