package dev.docsite.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * FreeMarker layouts from the templates folder. Templates are .ftlh, so every ${value} is HTML-escaped
 * unless the template says ?no_esc (only for HTML docsite generated itself).
 */
public final class Layout {
    private final Configuration cfg;
    private final Path dir;

    public Layout(Path templatesDir) throws LayoutException {
        this.dir = templatesDir;
        if (!Files.isDirectory(templatesDir))
            throw new LayoutException(templatesDir + ": templates folder not found (expected page.ftlh, home.ftlh, audience.ftlh, 404.ftlh, redirect.ftlh and assets/)");
        refuseLinksOut(templatesDir);
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            cfg.setDirectoryForTemplateLoading(templatesDir.toFile());
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

    public Path dir() { return dir; }

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
            throw new LayoutException(dir.resolve(name) + ": template not found");
        } catch (ParseException e) {
            throw new LayoutException(dir.resolve(name) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": template syntax error: " + e.getEditorMessage());
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() != null ? dir.resolve(e.getTemplateSourceName()) + ":" + e.getLineNumber() : dir.resolve(name).toString();
            throw new LayoutException(where + ": template error: " + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new LayoutException(dir.resolve(name) + ": cannot read template: " + e.getMessage());
        }
    }

    public static final class LayoutException extends Exception {
        public LayoutException(String message) { super(message); }
    }
}
