package dev.docsite.render;

import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.BodyLines;
import dev.docsite.content.ContentSource;
import dev.docsite.content.Page;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a page of one version is rendered against: the version name, the catalogs as they stand in that
 * version, the page that shows each catalog's admin table (where error: links point), and schemas.
 * {@code catalogsIncomplete}: a catalog file failed to load, so an id missing from these catalogs may be in it.
 */
public record RenderInput(String version, List<ErrorCatalog> catalogs, Map<String, String> tablePageByCatalog,
                          Map<String, JsonNode> schemas, ContentSource source, boolean catalogsIncomplete,
                          Map<String, dev.docsite.content.SiteConfig.Attribute> attributes) {

    public Optional<ErrorCatalog> catalog(String id) { return catalogs.stream().filter(c -> c.id().equals(id)).findFirst(); }

    public Optional<ErrorEntry> error(String id) {
        for (ErrorCatalog c : catalogs) for (ErrorEntry e : c.errors()) if (e.id().equals(id)) return Optional.of(e);
        return Optional.empty();
    }

    /**
     * Render context of the page being converted on this thread (Asciidoctor converts on the caller's thread).
     * {@code lines} finds where the body wrote what the extensions see (the n-th use of a macro on its own line).
     */
    record Current(Page page, RenderInput input, List<RenderResult.Ref> errorIds, List<RenderResult.TableRef> tables,
                   List<RenderResult.Message> messages, Map<String, String> includes, String[] bodyLines,
                   BodyLines lines, List<PartialInclude> partials,
                   java.util.concurrent.atomic.AtomicReference<Boolean> includedDataUri) {
        Current(Page page, RenderInput input) {
            this(page, input, new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                    new java.util.LinkedHashMap<>(), page.body().split("\n", -1), new BodyLines(page), new java.util.ArrayList<>(),
                    new java.util.concurrent.atomic.AtomicReference<>());
        }

        /**
         * The file of a reader cursor as a Message names it: null for the page body (Asciidoctor's docfile),
         * otherwise the content-relative path docsite gave the include.
         */
        String fileOf(String cursorFile) {
            return cursorFile == null || cursorFile.isEmpty() || cursorFile.equals(page.path()) ? null : cursorFile;
        }

        /**
         * The real line in {@code file} of a line Asciidoctor counted in a partial include (lines= or tags=):
         * Asciidoctor numbers the selected lines on from the first one, skipping nothing.
         */
        int lineIn(String file, int line) {
            if (file == null) return line;
            for (PartialInclude p : partials) {
                if (p.file().equals(file) && line >= p.numbers()[0] && line < p.numbers()[0] + p.numbers().length)
                    return p.numbers()[line - p.numbers()[0]];
            }
            return line;
        }

        /** A message at a line of the body ({@code file} null) or of an included file, as Asciidoctor counted it. */
        void report(String rule, String file, int line, String text) {
            String f = fileOf(file);
            messages.add(new RenderResult.Message(rule, lineIn(f, line), 0, text, f));
        }

        /** Body line of {@code macro} (as written, e.g. "error:some.id[") at or after {@code from} (see {@link BodyLines#lineOfMacro}). */
        int lineOf(String macro, int from) { return lines.lineOfMacro(macro, from); }
    }

    /** The real line numbers of an include pushed with only some of its lines. */
    record PartialInclude(String file, int[] numbers) {}

    static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    static Current current() {
        Current c = CURRENT.get();
        if (c == null) throw new IllegalStateException("docsite extension used outside AsciidocRenderer.render");
        return c;
    }
}
