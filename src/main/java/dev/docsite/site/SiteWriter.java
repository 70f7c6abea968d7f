package dev.docsite.site;

import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.render.RenderedPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes the site: per version the home page, audience and section landing pages, pages, the search
 * index and the version's other files; at the top the files of {@link SiteFiles} and the shared assets.
 * What each template gets comes from {@link PageModels}; {@link Outputs} says which files a write produces.
 */
final class SiteWriter {
    static final String ASSETS = "_";
    private static final String PAGES = "pages";

    private final Layout layout;
    private final RenderCache cache;
    private final SiteConfig config;
    private final Path out;
    private final PageModels models;
    private final SiteFiles files;

    /**
     * Into a folder nobody reads yet (a staging folder, a check's temporary folder): files are written
     * directly, and a file whose bytes equal the published site's ({@link #previous}) is hard-linked from it,
     * so unchanged outputs keep their time and inode (rsync and deploy tools see only what changed).
     * Otherwise (serve's live folder) each file is written beside and renamed into place.
     */
    private final boolean fresh;
    private final Path previous;   // the published site unchanged files are linked from, or null
    private final String banner;
    private LayoutReuse reuse;     // pages whose layout key is the published file's are linked without a layout
    private SearchIndex.Kept kept; // where the search entries of the indexes it makes are kept for the next (serve), or null
    private volatile String shape; // what every page's layout reads of the site, computed once
    private final SearchIndex.Ahead ahead = new SearchIndex.Ahead();   // search entries prepared before the index
    /** Folders already created: one check per folder, not per file (the first writer creates it while the others wait). */
    private final Map<Path, Boolean> dirs = new ConcurrentHashMap<>();

    SiteWriter(Layout layout, SiteConfig config, String banner, Path out, RenderCache cache) throws IOException {
        this(layout, config, banner, out, cache, false, null);
    }

    SiteWriter(Layout layout, SiteConfig config, String banner, Path out, RenderCache cache, boolean fresh, Path previous) throws IOException {
        this.fresh = fresh;
        this.previous = previous != null && Files.isDirectory(previous) ? previous : null;
        this.banner = banner;
        this.cache = cache;
        this.layout = layout;
        this.config = config;
        this.out = out;
        this.models = new PageModels(layout, config, banner, assetVersion());
        this.files = new SiteFiles(layout, config, models);
    }

    void write(List<BuildResult.VersionBuild> builds, Outputs outputs) throws IOException, Layout.LayoutException {
        write(builds, outputs, true);
    }

    /** @param parallel lay pages out on every core; false: on this thread only (while JRuby starts on another) */
    void write(List<BuildResult.VersionBuild> builds, Outputs outputs, boolean parallel) throws IOException, Layout.LayoutException {
        try {
            if (outputs.indexes()) copyAssets();
            for (BuildResult.VersionBuild b : builds) writeVersion(b, builds, outputs, parallel);
            if (!outputs.indexes()) return;
            String latest = builds.get(0).name();
            for (BuildResult.VersionBuild b : builds) if (b.content().latest()) latest = b.name();
            writeAll(files.top(builds, latest));
        } catch (LayoutFailure f) {
            throw f.cause;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeVersion(BuildResult.VersionBuild b, List<BuildResult.VersionBuild> all, Outputs outputs, boolean parallel)
            throws IOException, Layout.LayoutException {
        VersionContent v = b.content();
        if (outputs.indexes()) copyPageAssets(v);
        List<RenderedPage> pages = b.pages().stream().filter(rp -> outputs.page(v.name(), rp.page().id())).toList();
        LayoutReuse reuse = fresh ? this.reuse : null;   // keys are recorded even when there is nothing to take them from
        String shape = reuse == null ? null : shape(all);
        java.util.function.Supplier<String> headings = memo(() -> LayoutReuse.headings(b));
        java.util.concurrent.atomic.AtomicInteger linked = new java.util.concurrent.atomic.AtomicInteger();
        (parallel ? pages.parallelStream() : pages.stream()).forEach(rp -> {
            String rel = v.name() + "/" + rp.outputPath();
            String key = reuse == null ? null : reuse.key(shape, rp, headings);
            try {
                if (reuse != null && previous != null && reuse.reusable(previous, rel, key) && linkPrevious(rel)) {
                    reuse.made(rel, key);
                    linked.incrementAndGet();
                    return;
                }
                writeFile(rel, layout.render("page.ftlh", models.page(rp, b, all)));
                laidOut = true;
                if (reuse != null) reuse.made(rel, key);
            } catch (Layout.LayoutException e) {
                throw new LayoutFailure(e);
            }
        });
        if (SiteBuilder.TIMING) System.err.printf("timing: pages %s: %d laid out, %d taken from the published site%n", v.name(), pages.size() - linked.get(), linked.get());
        if (outputs.searchIndex(v.name())) {
            long t0 = System.nanoTime();
            Map<String, String> search = SearchIndex.files(b, config, cache, () -> false, ahead, kept);
            long built = System.nanoTime();
            writeSearch(v.name(), search);
            if (SiteBuilder.TIMING) System.err.printf("timing: search index %s: %d files, built in %d ms, written in %d ms%n",
                    v.name(), search.size(), (built - t0) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        }
        if (!outputs.indexes()) return;
        writeFile(v.name() + "/index.html", layout.render("home.ftlh", models.home(b, all)));
        for (SiteConfig.Audience a : config.audiences()) {
            writeFile(v.name() + "/" + a.id() + "/index.html", layout.render("audience.ftlh", models.audience(a, b, all)));
        }
        for (SectionTree.Node s : v.sections().sections()) {
            writeFile(v.name() + "/" + s.url(), layout.render("section.ftlh", models.section(s, b, all)));
        }
        writeAll(files.redirects(v));
        writeAll(files.versionData(v));
    }

    /**
     * Content assets (images, downloads) live beside the pages: every file under content/pages/ that is
     * not a page is copied to the same place in the version folder, so {@code image::diagram.png[]} in
     * a page resolves relative to it as Asciidoctor writes it. Read from the version's own source, so a
     * version built from a git ref gets the assets of that ref.
     */
    private void copyPageAssets(VersionContent v) throws IOException {
        var source = v.content().source();
        for (String path : source.list(PAGES, "")) {
            String rel = path.substring(PAGES.length() + 1);
            if (path.endsWith(".yaml") || rel.startsWith(".") || rel.contains("/.") || v.content().brokenFiles().contains(path)) continue;
            writeBytes(v.name() + "/" + rel, source.readBytes(path));
        }
    }

    /** A short hash of the theme's assets, appended to asset URLs so browsers fetch changed assets. */
    private String assetVersion() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, Path> a : layout.assets().entrySet()) {
            byte[] bytes = Files.readAllBytes(a.getValue());
            all.append(a.getValue().getFileName()).append(bytes.length).append(java.util.Arrays.hashCode(bytes));
        }
        return SiteBuilder.hash(all.toString()).substring(0, 8);
    }

    /** Copies the theme's assets (the project's templates/assets over the built-in ones) to the shared asset folder. */
    private void copyAssets() throws IOException {
        for (Map.Entry<String, Path> a : layout.assets().entrySet()) writeBytes(ASSETS + "/" + a.getKey(), Files.readAllBytes(a.getValue()));
    }

    private void writeFile(String rel, String text) { writeBytes(rel, text.getBytes(StandardCharsets.UTF_8)); }

    private void writeBytes(String rel, byte[] bytes) {
        try {
            Path f = out.resolve(rel);
            createParent(f);
            if (fresh) {
                if (previous != null && sameBytes(previous.resolve(rel), bytes)) {
                    try {
                        Files.createLink(f, previous.resolve(rel));
                        return;
                    } catch (IOException | UnsupportedOperationException e) {
                        // a file system without hard links: write it
                    }
                }
                try {
                    Files.write(f, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // Written twice (an asset named like a page): never write through a link into the published site.
                    Files.delete(f);
                    Files.write(f, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                }
                return;
            }
            // Written beside and renamed into place: serve writes into the folder it is serving.
            Path tmp = f.resolveSibling(".tmp-" + Thread.currentThread().getId() + "-" + f.getFileName());
            Files.write(tmp, bytes);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code f} is a regular file (not a link) holding exactly {@code bytes}. */
    private static boolean sameBytes(Path f, byte[] bytes) {
        try {
            var attrs = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() && attrs.size() == bytes.length && java.util.Arrays.equals(Files.readAllBytes(f), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    void reuse(LayoutReuse r) { this.reuse = r; }

    /** Keeps the search entries of the indexes this writer makes in {@code k} for the next index (serve); null: not kept. */
    void keep(SearchIndex.Kept k) { this.kept = k; }

    /**
     * Lays out the first of these pages and throws the result away, unless a page was laid out already: when every
     * page the cache holds was taken from the published site, the changed pages' layout would otherwise be the
     * first, and pay for parsing the templates and loading FreeMarker after the last render instead of while the
     * renders wait (that layout took about 70-90 ms in a one-page rebuild of 1,000 pages, about 10 ms after this).
     */
    void warmLayout(List<BuildResult.VersionBuild> builds) throws Layout.LayoutException {
        if (laidOut) return;
        for (BuildResult.VersionBuild b : builds) {
            if (b.pages().isEmpty()) continue;
            layout.render("page.ftlh", models.page(b.pages().get(0), b, builds));
            laidOut = true;
            return;
        }
    }

    private volatile boolean laidOut;   // whether this writer has laid out a page (warmLayout's question)

    /** Prepares the search entries of these pages for the index a later {@link #write} makes (on this thread unless {@code parallel}). */
    void prepareSearch(List<BuildResult.VersionBuild> builds, boolean parallel) {
        for (BuildResult.VersionBuild b : builds) SearchIndex.prepare(b, config, cache, ahead, parallel);
    }

    private String shape(List<BuildResult.VersionBuild> all) {
        String s = shape;
        if (s == null) shape = s = LayoutReuse.shape(banner, models.assetVersion(), all);
        return s;
    }

    private static java.util.function.Supplier<String> memo(java.util.function.Supplier<String> f) {
        return new java.util.function.Supplier<>() {
            private volatile String value;
            @Override public synchronized String get() {
                if (value == null) value = f.get();
                return value;
            }
        };
    }

    /** Links the published file at {@code rel} into the new folder; false when it cannot (then it is laid out). */
    private boolean linkPrevious(String rel) {
        Path f = out.resolve(rel);
        try {
            createParent(f);
            Files.createLink(f, previous.resolve(rel));
            return true;
        } catch (IOException | UnsupportedOperationException | UncheckedIOException e) {
            return false;
        }
    }

    private void createParent(Path f) {
        dirs.computeIfAbsent(f.getParent(), d -> {
            try {
                Files.createDirectories(d);
                return Boolean.TRUE;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writeAll(Map<String, String> texts) { texts.forEach(this::writeFile); }

    /** The search files of the versions of {@code builds} named in {@code versions}, by path relative to the site. */
    Map<String, String> searchFiles(List<BuildResult.VersionBuild> builds, Set<String> versions, java.util.function.BooleanSupplier stop) throws IOException {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (BuildResult.VersionBuild b : builds) if (versions.contains(b.name())) all.putAll(SearchIndex.files(b, config, cache, stop, null, kept));
        return all;
    }

    /** Writes search files made by {@link #searchFiles} for {@code versions}, removing files their indexes no longer have. */
    void writeSearchFiles(Set<String> versions, Map<String, String> files) throws IOException {
        for (String v : versions) {
            String prefix = v + "/" + SearchIndex.DIR + "/";
            Map<String, String> mine = new java.util.LinkedHashMap<>();
            files.forEach((path, text) -> { if (path.startsWith(prefix)) mine.put(path, text); });
            writeSearch(v, mine);
        }
    }

    /**
     * The search files of a version: serve rewrites them after every edit, and most (the pages'
     * files, the chunks of words the edit did not touch) come out the same, so only files that differ
     * are written, and files of an earlier index that this one no longer has are removed.
     */
    private void writeSearch(String version, Map<String, String> files) throws IOException {
        Path dir = out.resolve(version).resolve(SearchIndex.DIR);
        if (fresh) {
            files.entrySet().parallelStream().forEach(e -> writeFile(e.getKey(), e.getValue()));
            return;
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    String rel = out.relativize(f).toString().replace('\\', '/');
                    if (!files.containsKey(rel)) Files.deleteIfExists(f);
                }
            }
        }
        files.entrySet().parallelStream().forEach(e -> {
            Path f = out.resolve(e.getKey());
            try {
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(f) && Files.size(f) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(f), bytes)) return;
            } catch (IOException ex) {
                // unreadable: write it again
            }
            writeFile(e.getKey(), e.getValue());
        });
    }

    static final class LayoutFailure extends RuntimeException {
        final Layout.LayoutException cause;
        LayoutFailure(Layout.LayoutException cause) { super(cause.getMessage(), null, false, false); this.cause = cause; }
    }
}
