package dev.docsite.site;

import dev.docsite.catalog.CatalogState;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.content.GitRevisionSource;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderDependency;
import dev.docsite.render.RenderResult;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.rules.ContentRules;
import dev.docsite.rules.Rules;
import dev.docsite.rules.SecurityRules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds every version of the site into a folder: filter per version, render (each distinct input
 * once, in parallel, through the cache), resolve links, lay out and write. Publishing the folder is
 * the caller's decision (see {@link Publisher}).
 */
public final class SiteBuilder {

    private final AsciidocRenderer renderer;
    private final RenderCache cache;
    private final Layout layout;
    private final int threads;
    private final Memo memo;
    private volatile Progress progress = (done, total) -> { };

    /** Told after each page render (not for pages the cache already had): the CLI's progress line. */
    public interface Progress {
        void rendered(int done, int total);
    }

    /** Reports render progress to {@code p} (the CLI's progress line on a terminal). */
    public SiteBuilder onProgress(Progress p) {
        this.progress = p;
        return this;
    }

    public SiteBuilder(AsciidocRenderer renderer, RenderCache cache, Layout layout, int threads) {
        this(renderer, cache, layout, threads, new Memo());
    }

    private SiteBuilder(AsciidocRenderer renderer, RenderCache cache, Layout layout, int threads, Memo memo) {
        this.renderer = renderer;
        this.cache = cache;
        this.layout = layout;
        this.threads = Math.max(1, threads);
        this.memo = memo;
    }

    /**
     * Per-page work of the previous render (cache key, link resolution), reused for pages that come
     * again unchanged: serve renders the whole site after every edit, and hashing and resolving 1,000
     * unchanged pages would cost more than rendering the one that changed. Only the last render is
     * kept, so memory does not grow with edits.
     */
    private static final class Memo {
        volatile Map<KeyInput, String> keys = Map.of();
        volatile Map<ResolveInput, RenderedPage> resolved = Map.of();
        /** URL findings of a resolved page (they depend on its HTML alone), by identity. */
        volatile Map<RenderedPage, List<Finding>> urls = Map.of();
        /** Whether a render has xrefs without text (their text is another page's title), by identity. */
        volatile Map<RenderResult, Boolean> textless = Map.of();
        /** The search entries of the last index made, for the next; null: not kept (see {@link #keepingSearchEntries}). */
        volatile SearchIndex.Kept search;
    }

    private record KeyInput(Page page, String version, String envHash) {
        /** How {@link #renderKeys} names it for a page: the version and its render inputs' hash. */
        String label() { return version + "\0" + envHash; }
    }

    /**
     * The render cache keys the last render gave {@code pages} (by identity: the work tree's pages, not a git ref's),
     * by page path, each as version and inputs (see {@link #knowRenderKeys}) to key. A later process that knows a
     * page is unchanged takes its key from here instead of hashing its body again.
     */
    public Map<String, Map<String, String>> renderKeys(List<Page> pages) {
        Set<Page> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(pages);
        Map<String, Map<String, String>> out = new TreeMap<>();
        memo.keys.forEach((in, key) -> {
            if (wanted.contains(in.page())) out.computeIfAbsent(in.page().path(), k -> new TreeMap<>()).put(in.label(), key);
        });
        return out;
    }

    /** Takes keys from {@link #renderKeys} of an earlier process for pages equal to those they were made for. */
    public void knowRenderKeys(Map<Page, Map<String, String>> known) {
        if (known.isEmpty()) return;
        Map<KeyInput, String> keys = new HashMap<>(memo.keys);
        known.forEach((page, byLabel) -> byLabel.forEach((label, key) -> {
            int cut = label.indexOf('\0');
            if (cut > 0) keys.put(new KeyInput(page, label.substring(0, cut), label.substring(cut + 1)), key);
        }));
        memo.keys = keys;
    }

    private record ResolveInput(Page page, String version, String key, String aliasState) {}

    public Layout layout() { return layout; }

    /**
     * Starts Asciidoctor on another thread now, when the build is likely to render something: JRuby's start
     * (seconds) then overlaps loading the content instead of delaying the first render.
     */
    public void startRendererInBackground() {
        startRendererInBackground(Integer.MAX_VALUE);
    }

    /** The same, knowing about how many pages will be converted (see {@link AsciidocRenderer#expectConversions}). */
    public void startRendererInBackground(int expectedConversions) {
        if (renderer.started()) return;
        renderer.expectConversions(expectedConversions);
        Thread t = new Thread(renderer::warmUp, "docsite-renderer-start");
        t.setDaemon(true);
        t.start();
    }

    /** Pages converted, and how many times each, by {@link #warmUpRenderer}. */
    static final int WARM_UP_PAGES = 6, WARM_UP_ROUNDS = 3;

    /**
     * Starts Asciidoctor and converts a few pages of {@code content} a few times (serve, after its start-up build,
     * which converts no page when it is served from the cache): the first conversions load the HTML converter and the extensions and compile
     * the parser's hot paths, and one result is serialized as the cache would, all of which the writer's first
     * edit would pay otherwise. The results are thrown away: nothing is cached, written or reported. Once
     * {@code stop} says so (the writer's edit has begun), no further page is converted: the edit's own conversion
     * would otherwise share the cores with the warm-up's.
     */
    public void warmUpRenderer(ContentSet content, java.util.function.BooleanSupplier stop) {
        renderer.warmUp();
        if (content == null || content.config().versions().isEmpty()) return;
        VersionContent v = VersionContent.of(content.config(), content, content.config().versions().get(0).name());
        List<Page> sample = v.pages().stream().limit(WARM_UP_PAGES).toList();
        long t0 = System.nanoTime();
        int converted = 0;
        try {
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (Page p : sample) {
                    if (stop.getAsBoolean()) return;
                    RenderResult r = renderer.render(p, v.input());
                    if (converted++ == 0) cache.warmUp(r);
                }
            }
        } finally {
            if (TIMING) System.err.printf("timing: warm-up %d conversions in %d ms%s%n", converted, (System.nanoTime() - t0) / 1_000_000,
                    converted < sample.size() * WARM_UP_ROUNDS ? " (stopped by an edit)" : "");
        }
    }

    /**
     * @param root       where the content lives: versions with a ref are read from its git repository
     * @param only       version names to build (empty: all)
     * @param banner     text of a banner on every page (previews), or null
     */
    public record Request(ContentSet content, ContentRoot root, List<String> only, String banner) {}

    /** Renders every version and writes all of it into {@code dir}: a full build. */
    public BuildResult build(Request req, Path dir) throws ContentException, IOException, Layout.LayoutException {
        return write(req, render(req), dir, Outputs.ALL);
    }

    /**
     * Keeps the search entries of every index this builder (and its {@link #withLayout} twins) makes, whole or after
     * an edit, for the next one: serve, whose indexes after each edit would otherwise read every page's entry back
     * and split it into terms again. A one-off build does not keep them (they would be held to the end for nothing).
     */
    public synchronized SiteBuilder keepingSearchEntries() {
        if (memo.search == null) memo.search = new SearchIndex.Kept();
        return this;
    }

    /** The search entries kept for the next index, none when this builder keeps none (tests). */
    SearchIndex.Kept searchEntries() { return memo.search == null ? new SearchIndex.Kept() : memo.search; }

    /** {@code writer}, keeping its indexes' search entries when this builder keeps them. */
    private SiteWriter keeping(SiteWriter writer) {
        writer.keep(memo.search);
        return writer;
    }

    /** The same renderer, cache and threads with other templates (serve, after a template edit). */
    public SiteBuilder withLayout(Layout other) { return new SiteBuilder(renderer, cache, other, threads, memo); }

    /** DOCSITE_TIMING=1 prints where a build's time goes (for the benchmark, not for users). */
    public static final boolean TIMING = System.getenv("DOCSITE_TIMING") != null;

    /**
     * Renders and resolves every version without writing anything (the result's dir is null): what a
     * preview compares with its base, and what serve compares with the pages it last wrote.
     */
    public BuildResult render(Request req) throws ContentException, IOException {
        return render(req, null);
    }

    /** Told the pages already resolved while the pages the cache lacks are still rendering (see {@link #buildFresh}). */
    private interface EarlyPages {
        void resolved(List<BuildResult.VersionBuild> ready);
    }

    private BuildResult render(Request req, EarlyPages early) throws ContentException, IOException {
        long start = System.nanoTime();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            return render(req, req.content().config(), open, start, early);
        } finally {
            for (AutoCloseable c : open) {
                try { c.close(); } catch (Exception ignored) { }
            }
        }
    }

    /** Lays out and writes {@code outputs} of a rendered build into {@code dir}. */
    public BuildResult write(Request req, BuildResult rendered, Path dir, Outputs outputs) throws IOException, Layout.LayoutException {
        return write(keeping(new SiteWriter(layout, req.content().config(), req.banner(), dir, cache)), rendered, dir, outputs);
    }

    /**
     * The search index files of {@code versions} of a rendered build (serve computes them apart from writing);
     * throws {@link java.util.concurrent.CancellationException} once {@code stop} says so.
     */
    public Map<String, String> searchFiles(Request req, BuildResult rendered, Set<String> versions, java.util.function.BooleanSupplier stop) throws IOException {
        return keeping(new SiteWriter(layout, req.content().config(), req.banner(), null, cache)).searchFiles(rendered.versions(), versions, stop);
    }

    /** Writes search files made by {@link #searchFiles} into the live folder {@code dir}, only the files that differ. */
    public void writeSearchFiles(Request req, Path dir, Set<String> versions, Map<String, String> files) throws IOException {
        new SiteWriter(layout, req.content().config(), req.banner(), dir, cache).writeSearchFiles(versions, files);
    }

    /**
     * Writes all of a rendered build into {@code dir}, a new folder nobody reads yet; files whose bytes equal
     * those of {@code previous} (the published site, or null) are hard-linked from it instead of written again, and
     * so are the pages {@code reuse} (or null) finds there with their layout key, without being laid out.
     */
    public BuildResult writeFresh(Request req, BuildResult rendered, Path dir, Path previous, LayoutReuse reuse) throws IOException, Layout.LayoutException {
        SiteWriter writer = keeping(new SiteWriter(layout, req.content().config(), req.banner(), dir, cache, true, previous));
        writer.reuse(reuse);
        BuildResult written = write(writer, rendered, dir, Outputs.ALL);
        // serve's start after a build takes every page: one is laid out and thrown away, so the first edit's layout is
        // not the process's first (the templates parsed, FreeMarker loaded).
        writer.warmLayout(rendered.versions());
        return written;
    }

    private BuildResult write(SiteWriter writer, BuildResult rendered, Path dir, Outputs outputs) throws IOException, Layout.LayoutException {
        long start = System.nanoTime();
        writer.write(rendered.versions(), outputs);
        BuildResult.Stats s = rendered.stats();
        if (TIMING) System.err.printf("timing: render %d ms, write %d ms%n", s.millis(), (System.nanoTime() - start) / 1_000_000);
        long ms = s.millis() + (System.nanoTime() - start) / 1_000_000;
        return new BuildResult(dir, rendered.versions(), rendered.findings(), new BuildResult.Stats(s.pages(), s.rendered(), s.reused(), ms));
    }

    private BuildResult render(Request req, SiteConfig config, List<AutoCloseable> open, long start, EarlyPages early)
            throws ContentException, IOException {
        List<VersionContent> versions = new ArrayList<>();
        for (SiteConfig.VersionSpec spec : config.versions()) {
            if (!req.only().isEmpty() && !req.only().contains(spec.name())) continue;
            ContentSet set = spec.ref() == null ? req.content() : loadRef(req.root(), spec, open);
            versions.add(VersionContent.of(config, set, spec.name()));
        }
        if (versions.isEmpty())
            throw new ContentException(new dev.docsite.content.Problem(config.pos(), ContentRules.UNKNOWN_VERSION.id(),
                    "no version named " + String.join(", ", req.only()) + " in site.yaml (expected one of "
                            + String.join(", ", config.versions().stream().map(SiteConfig.VersionSpec::name).toList()) + ")"));

        // Render each distinct input once: versions that share a page's inputs share its render.
        Map<String, Job> jobs = new LinkedHashMap<>();
        List<List<String>> keysPerVersion = new ArrayList<>();
        Map<KeyInput, String> lastKeys = memo.keys, keyMemo = new HashMap<>();
        for (VersionContent v : versions) {
            Map<RenderDependency.Input, String> inputs = inputHashes(v);
            String envHash = hash(inputs.toString());
            List<String> keys = new ArrayList<>();
            for (Page p : v.pages()) {
                KeyInput in = new KeyInput(p, v.name(), envHash);
                String key = lastKeys.get(in);
                if (key == null) key = cacheKey(p, inputs);
                keyMemo.put(in, key);
                keys.add(key);
                jobs.putIfAbsent(key, new Job(p, v));
            }
            keysPerVersion.add(keys);
        }
        long keyed = System.nanoTime();
        // xrefs without text show other pages' titles, which can change while this page does not: such pages are
        // resolved again each time. Whether a render has them is asked once per render (this thread only).
        Map<RenderResult, Boolean> lastTextless = memo.textless, textlessMemo = new java.util.IdentityHashMap<>();
        java.util.function.Predicate<RenderResult> textless = r -> textlessMemo.computeIfAbsent(r, x -> textless(x, lastTextless));
        Map<String, RenderedPage> resolvedEarly = new HashMap<>();   // version \0 page id -> resolved while others rendered
        Map<RenderedPage, List<Finding>> urlsEarly = new java.util.IdentityHashMap<>();   // their URL findings
        Map<String, RenderResult> results = renderAll(jobs, early == null ? null : cached -> {
            List<BuildResult.VersionBuild> ready = ready(versions, keysPerVersion, cached, textless);
            for (BuildResult.VersionBuild b : ready) for (RenderedPage rp : b.pages()) resolvedEarly.put(b.name() + "\0" + rp.page().id(), rp);
            early.resolved(ready);
            for (BuildResult.VersionBuild b : ready) for (RenderedPage rp : b.pages()) urlsEarly.put(rp, UrlPolicy.check(rp));
        });
        if (TIMING) System.err.printf("timing: cache keys %d ms, renders (cache reads and misses) %d ms%n",
                (keyed - start) / 1_000_000, (System.nanoTime() - keyed) / 1_000_000);
        long rendersDone = System.nanoTime();
        int rendered = (int) jobs.values().stream().filter(j -> j.rendered).count();

        List<Finding> findings = new ArrayList<>();
        List<BuildResult.VersionBuild> builds = new ArrayList<>();
        Map<ResolveInput, RenderedPage> lastResolved = memo.resolved, resolvedMemo = new HashMap<>();
        Map<RenderedPage, List<Finding>> lastUrls = memo.urls, urlsMemo = new java.util.IdentityHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionContent v = versions.get(i);
            List<RenderedPage> pages = new ArrayList<>();
            List<String> keys = keysPerVersion.get(i);
            LinkResolver.Targets targets = targets(v, keys, results);
            String aliasState = hash(new TreeMap<>(targets.aliasOwner()).toString());
            int n = v.pages().size();
            RenderedPage[] resolved = new RenderedPage[n];
            ResolveInput[] ins = new ResolveInput[n];
            List<Integer> toResolve = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Page p = v.pages().get(k);
                RenderResult r = results.get(keys.get(k));
                // Resolved while other pages rendered (same render, no xref whose text another page's anchors give),
                // or by the previous render of this builder (serve).
                RenderedPage rp = resolvedEarly.get(v.name() + "\0" + p.id());
                ins[k] = new ResolveInput(p, v.name(), keys.get(k), aliasState);
                if (rp == null) rp = lastResolved.get(ins[k]);
                if (rp == null || rp.raw() != r || textless.test(r)) toResolve.add(k);
                else resolved[k] = rp;
            }
            // On every core: a page's resolution depends on its render and the version's targets only. Whether the render
            // has textless xrefs is asked by the next render of this builder (serve's next edit) for each page it takes
            // from the memo: answered here, beside the resolution, so the first edit after a start does not scan them all.
            Boolean[] textlessOf = new Boolean[n];
            toResolve.parallelStream().forEach(k -> {
                RenderResult r = results.get(keys.get(k));
                resolved[k] = LinkResolver.resolve(v.pages().get(k), v.name(), r, keys.get(k), targets);
                textlessOf[k] = textless(r, lastTextless);
            });
            for (int k : toResolve) textlessMemo.putIfAbsent(results.get(keys.get(k)), textlessOf[k]);
            @SuppressWarnings("unchecked") List<Finding>[] urls = new List[n];
            List<Integer> toCheck = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                urls[k] = lastUrls.get(resolved[k]);
                if (urls[k] == null) urls[k] = urlsEarly.get(resolved[k]);
                if (urls[k] == null) toCheck.add(k);
            }
            toCheck.parallelStream().forEach(k -> urls[k] = UrlPolicy.check(resolved[k]));
            for (int k = 0; k < n; k++) {
                Page p = v.pages().get(k);
                RenderResult r = results.get(keys.get(k));
                RenderedPage rp = resolved[k];
                resolvedMemo.put(ins[k], rp);
                pages.add(rp);
                for (RenderResult.Message m : r.messages()) {
                    // Raw HTML is found by every render; a trusted project's site.yaml allows it.
                    if (config.allowRawHtml() && m.rule().equals(SecurityRules.RAW_HTML.id())) continue;
                    Finding f = Finding.of(Rules.get(m.rule()), position(p, v, m), m.text());
                    findings.add(f.inVersions(List.of(v.name())));
                }
                urlsMemo.put(rp, urls[k]);
                for (Finding f : urls[k]) findings.add(f.inVersions(List.of(v.name())));
            }
            builds.add(new BuildResult.VersionBuild(v, List.copyOf(pages)));
        }
        if (TIMING) System.err.printf("timing: links resolved, messages and URLs checked in %d ms%n", (System.nanoTime() - rendersDone) / 1_000_000);
        memo.keys = keyMemo;
        memo.resolved = resolvedMemo;
        memo.urls = urlsMemo;
        memo.textless = textlessMemo;
        long ms = (System.nanoTime() - start) / 1_000_000;
        int total = builds.stream().mapToInt(b -> b.pages().size()).sum();
        return new BuildResult(null, List.copyOf(builds), Findings.mergeVersions(findings), new BuildResult.Stats(total, rendered, total - rendered, ms));
    }

    /**
     * Renders everything and writes it into {@code dir}, a new folder nobody reads yet (files whose bytes equal those
     * of {@code previous}, the published site or null, are hard-linked from it). While the pages the cache lacks
     * render, the pages it holds are laid out and written: a change to one page then does not wait for JRuby's start
     * (seconds) to lay out the other thousand.
     */
    public BuildResult buildFresh(Request req, Path dir, Path previous, LayoutReuse reuse) throws ContentException, IOException, Layout.LayoutException {
        SiteWriter writer = keeping(new SiteWriter(layout, req.content().config(), req.banner(), dir, cache, true, previous));
        writer.reuse(reuse);
        Map<String, Map<String, RenderedPage>> written = new HashMap<>();   // version -> page id -> what was written early
        BuildResult rendered;
        try {
            rendered = render(req, ready -> {
                Map<String, Set<String>> ids = new HashMap<>();
                for (BuildResult.VersionBuild b : ready) {
                    Map<String, RenderedPage> mine = written.computeIfAbsent(b.name(), n -> new HashMap<>());
                    for (RenderedPage rp : b.pages()) mine.put(rp.page().id(), rp);
                    ids.put(b.name(), mine.keySet());
                }
                try {
                    // On this thread only: the renders are waiting for JRuby's start, which needs a core of its own.
                    writer.write(ready, new Outputs(ids, false, Set.of()), renderer.started());
                    // Then their search entries, which the index would otherwise make after the last render.
                    writer.prepareSearch(ready, renderer.started());
                    // And the templates, if every page so far was taken from the published site.
                    writer.warmLayout(ready);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (Layout.LayoutException e) {
                    throw new SiteWriter.LayoutFailure(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (SiteWriter.LayoutFailure f) {
            throw f.cause;
        }
        // The rest: every page not written early with the same HTML, the search indexes and everything else.
        Map<String, Set<String>> rest = new HashMap<>();
        for (BuildResult.VersionBuild b : rendered.versions()) {
            Map<String, RenderedPage> early = written.getOrDefault(b.name(), Map.of());
            Set<String> ids = new java.util.HashSet<>();
            for (RenderedPage rp : b.pages()) {
                RenderedPage e = early.get(rp.page().id());
                if (e != rp) ids.add(rp.page().id());
            }
            rest.put(b.name(), ids);
        }
        return write(writer, rendered, dir, written.isEmpty() ? Outputs.ALL : new Outputs(rest, true, null));
    }

    /**
     * The pages of each version that can be resolved before the missing renders arrive: those whose render is in
     * {@code cached} and that have no xref without text (whose text may be a missing page's section title).
     */
    private static List<BuildResult.VersionBuild> ready(List<VersionContent> versions, List<List<String>> keysPerVersion, Map<String, RenderResult> cached,
                                                        java.util.function.Predicate<RenderResult> textless) {
        List<BuildResult.VersionBuild> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionContent v = versions.get(i);
            List<String> keys = keysPerVersion.get(i);
            LinkResolver.Targets targets = targets(v, keys, cached);
            List<RenderedPage> pages = new ArrayList<>();
            for (int k = 0; k < v.pages().size(); k++) {
                RenderResult r = cached.get(keys.get(k));
                if (r != null && !textless.test(r)) pages.add(LinkResolver.resolve(v.pages().get(k), v.name(), r, keys.get(k), targets));
            }
            out.add(new BuildResult.VersionBuild(v, List.copyOf(pages)));
        }
        return out;
    }

    /** Whether the last render of this builder knows if {@code r} has xrefs without text (tests: the next render need not scan it). */
    boolean knowsTextless(RenderResult r) { return memo.textless.containsKey(r); }

    /** Whether a render has xrefs without text (see {@link LinkResolver#hasTextlessXref}), as the last render knew it if it did. */
    private static boolean textless(RenderResult r, Map<RenderResult, Boolean> last) {
        Boolean known = last.get(r);
        return known != null ? known : LinkResolver.hasTextlessXref(r);
    }

    /** Titles, anchors and aliases of a version's pages: what its links resolve against (anchors of pages rendered so far). */
    private static LinkResolver.Targets targets(VersionContent v, List<String> keys, Map<String, RenderResult> results) {
        Map<String, String> titles = new HashMap<>();
        Map<String, Map<String, String>> anchors = new HashMap<>();
        Map<String, String> aliasOwner = new HashMap<>();
        for (int k = 0; k < v.pages().size(); k++) {
            Page p = v.pages().get(k);
            titles.put(p.id(), p.title());
            RenderResult r = results.get(keys.get(k));
            if (r != null) anchors.put(p.id(), r.anchors());
            for (String a : p.aliases()) aliasOwner.put(a, p.id());
        }
        return new LinkResolver.Targets(titles, anchors, aliasOwner);
    }

    /** Where a render message points: a line of the page's YAML, or of the included file it is inside. */
    static dev.docsite.content.SourcePos position(Page p, VersionContent v, RenderResult.Message m) {
        if (m.file() == null) return p.bodyPos(m.line());
        return new dev.docsite.content.SourcePos(v.input().source().display(m.file()), Math.max(m.line(), 0), m.column());
    }

    /**
     * A hash of each input a render can read in a version ({@link RenderDependency.Input}), in a fixed order.
     * Catalogs count with every field but source positions: moving an entry must not invalidate renders.
     */
    static Map<RenderDependency.Input, String> inputHashes(VersionContent v) {
        Map<RenderDependency.Input, String> m = new EnumMap<>(RenderDependency.Input.class);
        for (RenderDependency.Input in : RenderDependency.Input.values()) {
            m.put(in, switch (in) {
                case VERSION -> v.name();
                // A catalog file that did not load changes what the macros report (unknown ids are not reported then).
                case CATALOGS -> hash(CatalogState.of(v.input().catalogs()) + v.input().catalogsIncomplete());
                // Sorted: Map.copyOf iterates in a different order in every JVM, which would miss the disk cache.
                case TABLE_PAGES -> hash(new TreeMap<>(v.input().tablePageByCatalog()).toString());
                case SCHEMAS -> hash(new TreeMap<>(v.input().schemas()).toString());
                // Site attributes reach every page; with data-uri set site-wide, images are embedded from the
                // version's own source, so versions never share those renders.
                case ATTRIBUTES -> hash(new TreeMap<>(v.input().attributes()).toString()
                        + (v.input().attributes().containsKey("data-uri") ? "\0" + v.name() : ""));
            });
        }
        return m;
    }

    private static final class Job {
        final Page page;
        final VersionContent version;
        boolean rendered;
        Job(Page page, VersionContent version) { this.page = page; this.version = version; }
    }

    /** @param whileRendering run on this thread with the cached renders once the missing ones have started, or null */
    private Map<String, RenderResult> renderAll(Map<String, Job> jobs, java.util.function.Consumer<Map<String, RenderResult>> whileRendering) throws IOException {
        long t0 = System.nanoTime();
        Map<String, RenderResult> results = new LinkedHashMap<>();
        List<Map.Entry<String, Job>> todo = new ArrayList<>();
        for (Map.Entry<String, Job> e : jobs.entrySet()) {
            RenderResult r = cache.get(e.getKey());
            if (r != null && includesUnchanged(r, e.getValue())) results.put(e.getKey(), r);
            else todo.add(e);
        }
        if (TIMING) System.err.printf("timing: cache reads %d ms, %d to render%n", (System.nanoTime() - t0) / 1_000_000, todo.size());
        if (todo.isEmpty()) return results;
        renderer.expectConversions(todo.size());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Progress progress = this.progress;
        boolean overlap = whileRendering != null && !results.isEmpty();
        if (!overlap && (todo.size() == 1 || threads == 1)) {
            for (Map.Entry<String, Job> e : todo) {
                results.put(e.getKey(), renderOne(e.getKey(), e.getValue()));
                progress.rendered(done.incrementAndGet(), todo.size());
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), r -> {
            Thread t = new Thread(r, "docsite-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RenderResult>> futures = new ArrayList<>();
            for (Map.Entry<String, Job> e : todo) futures.add(pool.submit(() -> {
                RenderResult r = renderOne(e.getKey(), e.getValue());
                progress.rendered(done.incrementAndGet(), todo.size());
                return r;
            }));
            if (overlap) whileRendering.accept(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results)));
            for (int i = 0; i < todo.size(); i++) results.put(todo.get(i).getKey(), futures.get(i).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private RenderResult renderOne(String key, Job job) {
        RenderResult r = renderer.render(job.page, job.version.input());
        job.rendered = true;
        cache.put(key, r);
        return r;
    }

    private static boolean includesUnchanged(RenderResult r, Job job) {
        for (Map.Entry<String, String> inc : r.includes().entrySet()) {
            try {
                if (!job.version.input().source().exists(inc.getKey())) return false;
                if (!RenderCache.sha(job.version.input().source().readBytes(inc.getKey())).equals(inc.getValue())) return false;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Everything that can change a page's render: the page's id, path and body, and the inputs read by each
     * part of the renderer that acts on the body ({@link AsciidocRenderer#DEPENDENCIES}). Only those, so
     * versions with the same page render it once.
     */
    static String cacheKey(Page p, Map<RenderDependency.Input, String> inputs) {
        String body = p.body();
        StringBuilder tail = new StringBuilder();
        for (RenderDependency.Input in : AsciidocRenderer.readsOf(body)) tail.append('\0').append(in).append('=').append(inputs.get(in));
        // The hash of version, id, path, body and tail joined, without joining them: the body is most of a page.
        return RenderCache.sha(RenderCache.RENDERER_VERSION + '\0' + p.id() + '\0' + p.path() + '\0', body, tail.toString());
    }

    /** Loads a version's content from its git ref; the source stays open for includes until the build ends. */
    private ContentSet loadRef(ContentRoot root, SiteConfig.VersionSpec spec, List<AutoCloseable> open) throws ContentException {
        GitRevisionSource src;
        try {
            src = root.revision(spec.ref());
        } catch (ContentException e) {
            // The revision itself is the mistake: it is written at the ref line of site.yaml.
            List<dev.docsite.content.Problem> ps = new ArrayList<>();
            for (var p : e.problems()) ps.add(new dev.docsite.content.Problem(spec.refPos(), p.rule(), p.message() + " (version " + spec.name() + ")"));
            throw new ContentException(ps);
        }
        open.add(src);
        try {
            return ContentLoader.load(src);
        } catch (ContentException e) {
            List<dev.docsite.content.Problem> ps = new ArrayList<>();
            for (var p : e.problems()) ps.add(new dev.docsite.content.Problem(p.pos(), p.rule(), p.message() + " (version " + spec.name() + ", ref " + spec.ref() + ")"));
            throw new ContentException(ps);
        }
    }

    static String hash(String s) { return RenderCache.sha(s).substring(0, 16); }
}
