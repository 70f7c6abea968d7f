package dev.docsite.render;

import dev.docsite.catalog.ErrorCatalog;
import dev.docsite.catalog.ErrorEntry;
import dev.docsite.content.ContentSource;
import dev.docsite.content.Page;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a page of one version is rendered against: the version name, the catalogs as they stand in that
 * version, the page that shows each catalog's admin table (where error: links point), and schemas.
 */
public record RenderInput(String version, List<ErrorCatalog> catalogs, Map<String, String> tablePageByCatalog,
                          Map<String, JsonNode> schemas, ContentSource source) {

    public Optional<ErrorCatalog> catalog(String id) { return catalogs.stream().filter(c -> c.id().equals(id)).findFirst(); }

    public Optional<ErrorEntry> error(String id) {
        for (ErrorCatalog c : catalogs) for (ErrorEntry e : c.errors()) if (e.id().equals(id)) return Optional.of(e);
        return Optional.empty();
    }

    /** Render context of the page being converted on this thread (Asciidoctor converts on the caller's thread). */
    record Current(Page page, RenderInput input, List<RenderResult.Ref> errorIds, List<String> tables,
                   List<RenderResult.Message> messages, Map<String, String> includes) {}

    static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    static Current current() {
        Current c = CURRENT.get();
        if (c == null) throw new IllegalStateException("docsite extension used outside AsciidocRenderer.render");
        return c;
    }
}
