package dev.docsite.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * FreeMarker layouts. Templates are .ftlh, so every ${value} is HTML-escaped unless the template says
 * ?no_esc (only for HTML docsite generated itself).
 *
 * <p>The theme is looked up file by file: a project's templates folder (when it has one) first, then the
 * built-in theme packaged in docsite's jar under {@code theme/} (the repository's templates/ folder). A project
 * overrides one template or one asset by putting a file of the same name in its folder.
 */
public final class Layout {
    /** Where the built-in theme lives on the class path. */
    static final String BUILT_IN = "theme";

    private final Configuration cfg;
    private final Path dir;   // the project's templates folder, or null: the built-in theme alone

    /** The built-in theme alone. */
    public static Layout builtIn() throws LayoutException { return new Layout(null); }

    /** {@code templatesDir} (which must exist) over the built-in theme; null for the built-in theme alone. */
    public Layout(Path templatesDir) throws LayoutException {
        this.dir = templatesDir;
        if (templatesDir != null && !Files.isDirectory(templatesDir))
            throw new LayoutException(templatesDir + ": templates folder not found (expected a folder of templates that override the built-in ones; "
                    + "leave out --templates to use the built-in theme)");
        if (templatesDir != null) refuseLinksOut(templatesDir);
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(Layout.class.getClassLoader(), BUILT_IN);
        try {
            cfg.setTemplateLoader(templatesDir == null ? builtIn
                    : new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(templatesDir.toFile()), builtIn}));
        } catch (IOException e) {
            throw new LayoutException(templatesDir + ": cannot read templates: " + e.getMessage());
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
    }

    /** The project's templates folder, or null when only the built-in theme is used. */
    public Path dir() { return dir; }

    /**
     * Every asset file by its path under assets/ (sorted): the built-in theme's, each replaced by the project's
     * file of the same path, plus the project's own.
     */
    public Map<String, Path> assets() throws IOException {
        Map<String, Path> all = new TreeMap<>();
        addAssets(builtInTheme().resolve("assets"), all);
        if (dir != null) addAssets(dir.resolve("assets"), all);
        return all;
    }

    private static void addAssets(Path root, Map<String, Path> into) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList())
                into.put(root.relativize(f).toString().replace('\\', '/'), f);
        }
    }

    private static Path builtInTheme;

    /** The built-in theme as a folder: inside the jar (a zip file system) or, when run from classes, on disk. */
    static synchronized Path builtInTheme() {
        if (builtInTheme != null) return builtInTheme;
        URL page = Layout.class.getClassLoader().getResource(BUILT_IN + "/page.ftlh");
        if (page == null) throw new IllegalStateException("the built-in theme is missing from docsite's class path (" + BUILT_IN + "/page.ftlh)");
        try {
            URI uri = page.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened before: Path.of finds it
                }
            }
            builtInTheme = Path.of(uri).getParent();
            return builtInTheme;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a template comes from, for messages: the project's file, or the built-in one. */
    private String where(String name) {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) return dir.resolve(name).toString();
        return "(built-in theme) " + BUILT_IN + "/" + name;
    }

    /**
     * Templates and their assets are read and published like content: a file (a symbolic link) whose real
     * path leaves the templates folder is refused, so a pull request cannot publish the machine's files.
     */
    private static void refuseLinksOut(Path templatesDir) throws LayoutException {
        dev.docsite.content.Confinement c = new dev.docsite.content.Confinement(templatesDir, templatesDir.toString());
        List<Path> files;
        try (Stream<Path> s = Files.walk(templatesDir)) {
            files = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new LayoutException(templatesDir + ": cannot read templates: " + e.getMessage());
        }
        for (Path f : files) {
            try {
                c.check(f);
            } catch (dev.docsite.content.ContentReadException e) {
                throw new LayoutException(f + ":1: error " + e.rule() + ": " + e.getMessage());
            } catch (IOException ignored) {
                // a dangling link inside the folder: FreeMarker reports it if a template uses it
            }
        }
    }

    /** Renders {@code name} (e.g. "page.ftlh"); template mistakes come back as a message naming the template file and line. */
    public String render(String name, Map<String, Object> model) throws LayoutException {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter w = new StringWriter(16_384);
            t.process(model, w);
            return w.toString();
        } catch (TemplateNotFoundException e) {
            throw new LayoutException(where(name) + ": template not found");
        } catch (ParseException e) {
            throw new LayoutException(where(e.getTemplateName() != null ? e.getTemplateName() : name) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": template syntax error: " + e.getEditorMessage());
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() != null ? where(e.getTemplateSourceName()) + ":" + e.getLineNumber() : where(name);
            throw new LayoutException(where + ": template error: " + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new LayoutException(where(name) + ": cannot read template: " + e.getMessage());
        }
    }

    public static final class LayoutException extends Exception {
        public LayoutException(String message) { super(message); }
    }
}
