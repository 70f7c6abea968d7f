package dev.docsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docsite.catalog.ErrorCatalog;
import dev.docsite.catalog.ErrorEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything loaded from one content source, validated and immutable. */
public record ContentSet(SiteConfig config, List<Page> pages, List<ErrorCatalog> catalogs,
                         Map<String, JsonNode> schemas, ContentSource source) {

    public Optional<Page> page(String id) { return pages.stream().filter(p -> p.id().equals(id)).findFirst(); }

    public Optional<ErrorCatalog> catalog(String id) { return catalogs.stream().filter(c -> c.id().equals(id)).findFirst(); }

    public Optional<ErrorEntry> error(String id) {
        for (ErrorCatalog c : catalogs) for (ErrorEntry e : c.errors()) if (e.id().equals(id)) return Optional.of(e);
        return Optional.empty();
    }
}
