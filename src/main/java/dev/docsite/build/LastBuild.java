package dev.docsite.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.Page;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.rules.DocsiteVersion;
import dev.docsite.site.LayoutReuse;
import dev.docsite.site.Publisher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the last successful build of an output folder was made from and what it wrote, kept in the render
 * cache folder: a rebuild whose inputs (content, project templates, git history, docsite itself, the
 * options) and output folder are exactly as recorded has nothing to do, and replays the recorded findings
 * instead. Inputs are compared by content hash, taken from the record for files whose size and modification
 * time are as recorded and computed for the others only: a file merely touched (a checkout, {@code touch})
 * still counts as unchanged, and only files whose stamp moved are read.
 */
public final class LastBuild {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String DIR = "builds";

    /** A file as last seen: size, modification time (ns, as precise as the file system keeps it) and, for inputs, the SHA-256 of its bytes. */
    public record Stamp(long size, long modified, String sha) {}

    /**
     * @param setup    docsite's identity and the options that shape the output
     * @param git      the commits the content's repository points at (last-updated dates, versions with a ref)
     * @param inputs   every file under the content folder and the project's templates, by path
     * @param outputs  every file of the published site (previews excepted), by path relative to it
     * @param findings what the build reported (warnings only: a build with errors is not published)
     * @param layouts  the layout key of each page it wrote, by path relative to the site (see {@link LayoutReuse})
     */
    public record Record(String setup, String git, Map<String, Stamp> inputs, Map<String, Stamp> outputs,
                         List<Finding> findings, int pages, int versions, Map<String, String> layouts) {}

    private final Path file;
    private final Path out;
    private final Path contentDir;
    private final Path templates;
    private final String setup;

    private LastBuild(Path file, Path out, Path contentDir, Path templates, String setup) {
        this.file = file;
        this.out = out;
        this.contentDir = contentDir;
        this.templates = templates;
        this.setup = setup;
    }

    /** The record of builds of {@code out}, kept in {@code cacheDir}; {@code options} is everything else that shapes the output. */
    public static LastBuild of(Path cacheDir, Path out, ContentRoot root, Path templates, String options) {
        Path abs = out.toAbsolutePath().normalize();
        String setup = DocsiteVersion.describe() + "\0" + codeStamp() + "\0" + abs + "\0" + root.dir().toAbsolutePath().normalize()
                + "\0" + templates + "\0" + options + "\0" + System.getenv("SOURCE_DATE_EPOCH");
        return new LastBuild(cacheDir.toAbsolutePath().normalize().resolve(DIR).resolve(RenderCache.sha(abs.toString()).substring(0, 24) + ".json"), abs,
                root.dir().toAbsolutePath().normalize(), templates == null ? null : templates.toAbsolutePath().normalize(), setup);
    }

    /** The inputs as they are now, reusing the hashes of {@code last} for files whose size and time it recorded. */
    public Map<String, Stamp> inputs(Record last) throws IOException {
        Map<String, Stamp> known = last == null ? Map.of() : last.inputs();
        Map<String, Stamp> now = new TreeMap<>();
        stampTree(contentDir, "content/", known, now, true);
        if (templates != null) stampTree(templates, "templates/", known, now, true);
        return now;
    }

    /** The inputs' paths, sizes and times, without their hashes: what a build with no record will read. */
    public Map<String, Stamp> unhashedInputs() throws IOException {
        Map<String, Stamp> now = new TreeMap<>();
        stampTree(contentDir, "content/", Map.of(), now, false);
        if (templates != null) stampTree(templates, "templates/", Map.of(), now, false);
        return now;
    }

    /**
     * Whether {@code last} (see {@link #read()}) was made from these inputs (from {@link #inputs}: same paths,
     * same bytes), git state and setup, and the output folder still holds exactly what that build wrote.
     */
    public boolean unchanged(Record last, Map<String, Stamp> inputs, ContentRoot root) {
        if (last == null || !last.setup().equals(setup) || !changed(last.inputs(), inputs).isEmpty()) return false;
        try {
            if (!Objects.equals(last.git(), root.gitState()) || !Files.isDirectory(out)) return false;
            Map<String, Stamp> outputs = new TreeMap<>();
            stampTree(out, "", Map.of(), outputs, false);
            return outputs.equals(last.outputs());
        } catch (IOException e) {
            return false;
        }
    }

    /** Paths added, removed or with other bytes in {@code now} than in {@code before} (both from {@link #inputs}). */
    public static java.util.Set<String> changed(Map<String, Stamp> before, Map<String, Stamp> now) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Map.Entry<String, Stamp> e : now.entrySet()) {
            Stamp was = before.get(e.getKey());
            if (was == null || !Objects.equals(was.sha(), e.getValue().sha())) out.add(e.getKey());
        }
        for (String k : before.keySet()) if (!now.containsKey(k)) out.add(k);
        return out;
    }

    /** Records a published build; {@code inputs} were stamped before the build read them, so an edit made meanwhile is seen next time. */
    public void save(ContentRoot root, Map<String, Stamp> inputs, List<Finding> findings, int pages, int versions, Map<String, String> layouts) {
        try {
            Map<String, Stamp> outputs = new TreeMap<>();
            stampTree(out, "", Map.of(), outputs, false);
            Record r = new Record(setup, root.gitState(), inputs, outputs, findings, pages, versions, layouts);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
            JSON.writeValue(tmp.toFile(), r);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            forget();   // a record that cannot be written must not leave an older one that no longer matches the site
        }
    }

    /**
     * The work tree's pages as this build parsed them, kept beside the record with their render cache keys:
     * {@link #parsedPages} gives them back to the next build for files that did not change. {@code parsedAs} names
     * what else a parse depends on (how the source shows its paths). Nothing is written when every page and key is
     * as {@code reused} (from {@link #parsedPages}) has them.
     */
    public void savePages(List<Page> pages, Map<String, Stamp> inputs, String parsedAs, Parsed reused, Map<String, Map<String, String>> keys) {
        if (pages.size() == reused.pages().size() && keys.equals(reused.keys())
                && pages.stream().allMatch(p -> p.withLastUpdated(null).equals(reused.pages().get(p.path())))) return;
        try {
            Map<String, ParsedPage> byPath = new TreeMap<>();
            for (Page p : pages) {
                Stamp s = inputs.get("content/" + p.path());
                if (s != null) byPath.put(p.path(), new ParsedPage(s.sha(), p.withLastUpdated(null), keys.getOrDefault(p.path(), Map.of())));
            }
            Path f = pagesFile();
            Path tmp = Files.createTempFile(f.getParent(), ".tmp-", ".json");
            JSON.writeValue(tmp.toFile(), new ParsedPages(parseSetup(inputs, parsedAs), byPath));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(pagesFile());
            } catch (IOException ignored) {
                // unreadable pages are parsed again anyway
            }
        }
    }

    /**
     * Saved parses by page path, with the render cache keys the last build gave each page (version and render
     * inputs to key, see {@link dev.docsite.site.SiteBuilder#renderKeys}).
     */
    public record Parsed(Map<String, Page> pages, Map<String, Map<String, String>> keys) {
        public static final Parsed NONE = new Parsed(Map.of(), Map.of());

        /** The saved keys of {@code pages} whose parse is the saved one (the loader took it), by page. */
        public Map<Page, Map<String, String>> keysOf(List<Page> pages) {
            Map<Page, Map<String, String>> out = new java.util.IdentityHashMap<>();
            for (Page p : pages) {
                Map<String, String> k = keys.get(p.path());
                if (k != null && p.withLastUpdated(null).equals(this.pages.get(p.path()))) out.put(p, k);
            }
            return out;
        }
    }

    /**
     * Pages saved by {@link #savePages} whose file has the same bytes now (by path), when site.yaml, docsite and the
     * setup are the same too; none when nothing is known. Their last-updated times are the loader's to set.
     */
    public Parsed parsedPages(Map<String, Stamp> inputs, String parsedAs) {
        Path f = pagesFile();
        if (inputs == null || !Files.isRegularFile(f)) return Parsed.NONE;
        try {
            ParsedPages saved = JSON.readValue(f.toFile(), ParsedPages.class);
            if (!parseSetup(inputs, parsedAs).equals(saved.setup())) return Parsed.NONE;
            Map<String, Page> pages = new java.util.HashMap<>();
            Map<String, Map<String, String>> keys = new TreeMap<>();
            saved.pages().forEach((path, parsed) -> {
                Stamp now = inputs.get("content/" + path);
                if (now == null || !now.sha().equals(parsed.sha())) return;
                pages.put(path, parsed.page());   // the loader checks path and id
                if (parsed.keys() != null && !parsed.keys().isEmpty()) keys.put(path, parsed.keys());
            });
            return new Parsed(pages, keys);
        } catch (IOException | RuntimeException e) {
            return Parsed.NONE;   // damaged or from another docsite: parse everything
        }
    }

    /**
     * Lets this build take pages from the published site as {@code last} recorded them: the layout reads, beyond the
     * content, docsite and the options (the setup), the project's templates and site.yaml; a published file is as
     * that build left it when its size and time are the recorded ones.
     */
    public LayoutReuse layoutReuse(Record last, Map<String, Stamp> inputs) {
        StringBuilder base = new StringBuilder(setup);
        inputs.forEach((path, stamp) -> {
            if (path.startsWith("templates/") || path.equals("content/site.yaml")) base.append('\0').append(path).append('\0').append(stamp.sha());
        });
        Map<String, Stamp> outputs = last == null || !setup.equals(last.setup()) ? Map.of() : last.outputs();
        return new LayoutReuse(RenderCache.sha(base.toString()), last == null || outputs.isEmpty() ? Map.of() : last.layouts(), (rel, attrs) -> {
            Stamp s = outputs.get(rel);
            return s != null && s.size() == attrs.size() && s.modified() == attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    }

    /** A page file's parse depends on docsite, site.yaml and how paths are shown, besides the file itself. */
    private String parseSetup(Map<String, Stamp> inputs, String parsedAs) {
        Stamp site = inputs.get("content/site.yaml");
        return setup + "\0" + (site == null ? "" : site.sha()) + "\0" + parsedAs;
    }

    private Path pagesFile() { return file.resolveSibling(file.getFileName().toString().replace(".json", ".pages.json")); }

    record ParsedPage(String sha, Page page, Map<String, String> keys) {}

    record ParsedPages(String setup, Map<String, ParsedPage> pages) {}

    /** Drops the record: the next build does all its work. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an unreadable record is ignored anyway
        }
    }

    /** The record of the last build of this output folder, or null (none, damaged, or written by another docsite). */
    public Record read() {
        if (!Files.isRegularFile(file)) return null;
        try {
            return JSON.readValue(file.toFile(), Record.class);
        } catch (IOException | RuntimeException e) {
            return null;   // damaged or from another docsite: build
        }
    }

    /**
     * Stamps every regular file under {@code dir} (symbolic links as themselves, never followed) into
     * {@code into} by {@code prefix} + relative path. With {@code hash}, a file's SHA-256 is taken from
     * {@code known} when size and time match, else computed. Previews inside a site are not the build's.
     */
    private void stampTree(Path dir, String prefix, Map<String, Stamp> known, Map<String, Stamp> into, boolean hash) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) return FileVisitResult.CONTINUE;
                // The output and the cache are not inputs, even when someone keeps them inside the content folder.
                if (d.equals(out) || d.equals(file.getParent().getParent()) || Publisher.besideOutput(out, d) || (prefix.isEmpty() && d.getParent().equals(dir) && d.getFileName().toString().equals(Publisher.PREVIEWS)))
                    return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (Publisher.besideOutput(out, f)) return FileVisitResult.CONTINUE;   // the output's lock, when it is kept in here
                String rel = prefix + dir.relativize(f).toString().replace('\\', '/');
                long modified = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                String sha = null;
                if (hash) {
                    Stamp k = known.get(rel);
                    sha = k != null && k.size() == attrs.size() && k.modified() == modified ? k.sha()
                            : attrs.isSymbolicLink() ? RenderCache.sha(Files.readSymbolicLink(f).toString())
                            : attrs.isRegularFile() ? RenderCache.sha(Files.readAllBytes(f)) : "";
                }
                into.put(rel, new Stamp(attrs.size(), modified, sha));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The jar (or classes folder) docsite runs from, by size and time: a rebuilt docsite of the same version differs. */
    private static String codeStamp() {
        try {
            Path code = Path.of(LastBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) return Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            // Run from a classes folder (tests, an IDE): the newest class file stands for all of them.
            try (var s = Files.walk(code)) {
                return "dir:" + s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
            }
        } catch (Exception e) {
            return "unknown:" + System.nanoTime();   // never equal: no fast path without knowing the code
        }
    }
}
