package dev.docsite.serve;

import dev.docsite.rules.Severity;
import dev.docsite.build.BuildFailure;
import dev.docsite.build.BuildTransaction;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.Page;
import dev.docsite.content.ContentRoot;
import dev.docsite.render.Layout;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Outputs;
import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The site that serve shows, kept current as files change. One long-lived {@link SiteBuilder} (one
 * renderer, one render cache) does all the work: a full build at start; after a change, only the
 * changed files are parsed again, only pages whose input changed are rendered (the cache is keyed by
 * content), and only the outputs whose content changed are written into the live folder
 * ({@link Outputs#changed}). A change that breaks the build records the problems, which the server
 * shows instead of the pages until a later change fixes them: a page that does not render is not
 * written at all; broken links are found by checking the written files, as the build does.
 */
public final class LiveSite {
    /**
     * What an update did.
     *
     * @param urls     site paths ("/11.6/admin/setup.html") whose content changed; ignored when {@code all}
     * @param all      every page may have changed (full write, or the build failed or recovered)
     * @param pages    page files written
     * @param problems non-empty when the build is broken: "file:line:col: error rule: message" lines
     */
    public record Update(List<String> urls, boolean all, int pages, int rendered, long millis, List<String> problems) {
        public boolean failed() { return !problems.isEmpty(); }

        public boolean changedAnything() { return all || !urls.isEmpty(); }
    }

    private final Path contentDir, templatesDir, out;
    private final Path templatesAsGiven;                      // for messages: the path the writer typed
    private final ContentRoot root;
    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();
    private BuildTransaction tx;
    private ContentSet content;                               // last content that loaded without problems
    private final Set<String> changedSinceLoad = new HashSet<>(); // content paths touched since `content` was loaded
    private boolean layoutChanged;                            // templates changed since `written` was laid out
    private boolean filesChanged;                             // files beside pages changed since `written`
    private BuildResult written;                              // what `out` holds; null before the first full write
    private volatile List<String> problems = List.of();

    /**
     * Search indexes are rebuilt after an update, on this thread, off the update's path: the next edit does not
     * wait for the index of the one before (at 1,000 pages an index takes longer than the page). An index starts
     * once the writer has paused for {@link #INDEX_AFTER_MILLIS}, and stops as soon as another update begins, so it
     * never takes the cores from the next edit's page. Each update bumps {@link #generation}; an index computed for
     * an older one is dropped, and the versions it was for stay in {@link #searchPending} for the newest one to write.
     */
    private final java.util.concurrent.ScheduledThreadPoolExecutor indexer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "docsite-search-index");
        t.setDaemon(true);
        return t;
    });
    static final long INDEX_AFTER_MILLIS = 300;
    private volatile long generation;                         // written under this; read unlocked to stop an outdated index
    private final Set<String> searchPending = new HashSet<>(); // guarded by this: versions whose index on disk is older than `written`
    private final BuildTransaction.LastBuildAt lastBuild;       // the record of `docsite build`, for the start's layout reuse; or null

    /**
     * @param lastBuild where `docsite build` keeps the record of its builds of {@code out} (null: none, --no-cache): the
     *                  start takes the pages it vouches for from the published site instead of laying them out again
     */
    public LiveSite(Path contentDir, Path templatesDir, Path out, SiteBuilder builder, BuildTransaction.LastBuildAt lastBuild) {
        this.lastBuild = lastBuild;
        this.contentDir = contentDir.toAbsolutePath().normalize();
        // No templates folder: the built-in theme alone, which does not change while serving.
        this.templatesDir = templatesDir == null ? null : templatesDir.toAbsolutePath().normalize();
        this.templatesAsGiven = templatesDir;
        this.out = out.toAbsolutePath().normalize();
        this.root = ContentRoot.of(contentDir);
        // Each edit makes the search index again: the entries of unchanged pages are kept from the last one.
        this.tx = new BuildTransaction(builder.keepingSearchEntries(), root);
        indexer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);   // close() drops an index not yet begun
    }

    public Path out() { return out; }

    public List<Path> watched() { return templatesDir == null ? List.of(contentDir) : List.of(contentDir, templatesDir); }

    /** Problems of the last update ("file:line: ..."), empty when the site is good. */
    public List<String> problems() { return problems; }

    public void onUpdate(Consumer<Update> listener) { listeners.add(listener); }

    /**
     * Warms the renderer up on the content last loaded (see {@link SiteBuilder#warmUpRenderer}); run it beside the
     * server. It is for the first edit: it stops once an update after the start has begun, and does nothing after.
     */
    public void warmUp() {
        ContentSet c;
        SiteBuilder b;
        long started;
        synchronized (this) {
            c = content;
            b = tx.builder();
            started = startedAt;
        }
        b.warmUpRenderer(c, () -> generation != started);
    }

    private long startedAt = -1;   // the generation of the start-up build (under this)

    /** Builds and publishes everything (first start). */
    public synchronized Update start() {
        Update u = update(List.of(contentDir));
        startedAt = generation;
        return u;
    }

    /**
     * Brings the site up to date after {@code paths} changed (files or folders under the content or
     * templates folder; the content folder itself means "anything may have changed").
     */
    public synchronized Update update(Collection<Path> paths) {
        long t0 = System.nanoTime();
        generation++;
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (templatesDir != null && abs.startsWith(templatesDir)) layoutChanged = true;
            else if (abs.equals(contentDir)) content = null;
            else if (abs.startsWith(contentDir)) {
                String rel = contentDir.relativize(abs).toString().replace('\\', '/');
                changedSinceLoad.add(rel);
                // Images and other files beside pages are copied by full writes, which also drop deleted ones.
                if (rel.startsWith("pages/") && !rel.endsWith(".yaml") && !rel.endsWith(".yml")) filesChanged = true;
            }
        }
        return build(null, t0, true);
    }

    /**
     * Runs an edit's way through the build once after the start, as if one page had been saved without a change,
     * so that the writer's first edit does not pay the first time of that way (classes loaded, code compiled): in
     * the start's content the page is replaced by an equal copy, which the build takes for an edited page (its
     * cache key, links and checks are worked out again), while nothing it shows changes, so nothing is written
     * and nobody is told. The conversion itself is warmed up by {@link #warmUp}. Nothing is done once an update
     * after the start has begun, or when the start did not build.
     *
     * @return what the rehearsal did (tests), or null when it was not run
     */
    public synchronized Update rehearseAnEdit() {
        if (generation != startedAt || written == null || content == null || !problems.isEmpty() || content.pages().isEmpty()) return null;
        List<Page> pages = new ArrayList<>(content.pages());
        pages.set(0, pages.get(0).copy());
        ContentSet c = content;
        return build(new ContentSet(c.config(), pages, c.catalogs(), c.schemas(), c.source(), c.problems(), c.brokenFiles(), c.sections()),
                System.nanoTime(), false);
    }

    /**
     * Builds {@code given}, or (null) the content with the changes noted since it was loaded, and writes what changed.
     * {@code tellUnchanged}: listeners also hear of an update that changed nothing.
     */
    private Update build(ContentSet given, long t0, boolean tellUnchanged) {
        boolean wasBroken = !problems.isEmpty();
        try {
            if (layoutChanged) tx = new BuildTransaction(tx.builder().withLayout(new Layout(templatesAsGiven)), root);
            ContentSet next = given != null ? given : content == null ? ContentLoader.load(root.workTree())
                    : changedSinceLoad.isEmpty() ? content : ContentLoader.reload(content, changedSinceLoad);
            content = next;
            changedSinceLoad.clear();
            boolean full = written == null || layoutChanged || filesChanged;
            BuildResult before = written;
            // A full write is staged and checked before the swap; otherwise only changed outputs are rewritten in place.
            BuildTransaction.Target target = new BuildTransaction.Target.InPlace(out,
                    rendered -> full ? Outputs.ALL : Outputs.changed(before, rendered));
            BuildTransaction.Outcome o = tx.run(next, new BuildTransaction.Plan(List.of(), null, target, List.of(), lastBuild));
            if (!o.published()) return fail(errors(o.findings()), t0);   // nothing written, or a full write not swapped in
            written = o.build();
            layoutChanged = filesChanged = false;
            Outputs outputs = o.outputs();
            Update u;
            if (o.hasErrors()) {
                u = fail(errors(o.findings()), t0);
            } else {
                problems = List.of();
                u = new Update(urls(outputs), outputs.all() || outputs.indexes() || wasBroken, outputs.pageCount(o.build()),
                        o.build().stats().rendered(), ms(t0), List.of());
                if (tellUnchanged || u.changedAnything()) done(u);
            }
            // The search data of a large version is megabytes: written after the open pages were told to reload.
            if (outputs.all()) searchPending.clear();
            else if (outputs.searchIndexes() != null) searchPending.addAll(outputs.searchIndexes());
            if (!searchPending.isEmpty()) scheduleSearchIndexes(new SiteBuilder.Request(next, root, List.of(), null), o.build());
            return u;
        } catch (ContentException e) {
            return fail(e.problems().stream().map(p -> Finding.of(p).toText()).toList(), t0);
        } catch (Layout.LayoutException e) {
            return fail(List.of(e.getMessage()), t0);
        } catch (BuildFailure e) {
            return fail(e.lines(), t0);
        }
    }

    private void scheduleSearchIndexes(SiteBuilder.Request req, BuildResult build) {
        long g = generation;
        SiteBuilder builder = tx.builder();
        indexer.schedule(() -> {
            Set<String> versions;
            synchronized (this) {
                if (g != generation) return;   // a newer update has scheduled its own
                versions = Set.copyOf(searchPending);
            }
            try {
                java.util.Map<String, String> files = builder.searchFiles(req, build, versions, () -> g != generation);
                synchronized (this) {
                    if (g != generation) return;
                    builder.writeSearchFiles(req, out, versions, files);
                    searchPending.removeAll(versions);
                }
            } catch (java.util.concurrent.CancellationException e) {
                // A newer update began: its own index follows.
            } catch (IOException | RuntimeException e) {
                // The pages are served; the search data stays as it was until the next update writes it.
            }
        }, INDEX_AFTER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops the search index thread: queued indexes are dropped, one being written finishes. */
    public void close() {
        synchronized (this) {
            generation++;
        }
        indexer.shutdown();
        try {
            indexer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::toText).toList();
    }

    private Update fail(List<String> errors, long t0) {
        problems = List.copyOf(errors);
        return done(new Update(List.of(), true, 0, 0, ms(t0), problems));
    }

    private Update done(Update u) {
        for (Consumer<Update> l : listeners) l.accept(u);
        return u;
    }

    private static List<String> urls(Outputs outputs) {
        if (outputs.pages() == null) return List.of();
        List<String> urls = new ArrayList<>();
        outputs.pages().forEach((version, ids) -> ids.forEach(id -> urls.add("/" + version + "/" + id + ".html")));
        return urls;
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
