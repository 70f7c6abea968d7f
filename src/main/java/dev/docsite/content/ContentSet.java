package dev.docsite.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything loaded from one content source, validated and immutable.
 *
 * @param problems     what was wrong with the files (empty unless loaded with {@link ContentLoader#loadAll})
 * @param sections     the section files ({@code _section.yaml}) by section id ("admin/setup")
 * @param brokenFiles  content paths of pages, catalogs and files beside pages left out because of those problems, so the
 *                     checks do not report a second finding (a link to a page that failed to load)
 */
public record ContentSet(SiteConfig config, List<Page> pages, List<ErrorCatalog> catalogs,
                         Map<String, JsonNode> schemas, ContentSource source, List<Problem> problems, Set<String> brokenFiles,
                         Map<String, Section> sections) {

    public ContentSet(SiteConfig config, List<Page> pages, List<ErrorCatalog> catalogs, Map<String, JsonNode> schemas, ContentSource source) {
        this(config, pages, catalogs, schemas, source, List.of(), Set.of(), Map.of());
    }

    /** Whether the page with this id exists as a file that failed to load. */
    public boolean isBrokenPage(String id) { return brokenFiles.contains("pages/" + id + ".yaml") || brokenFiles.contains("pages/" + id + ".yml"); }

    /** Whether some catalog file failed to load: its ids are unknown, so references to unknown ids prove nothing. */
    public boolean hasBrokenCatalog() { return brokenFiles.stream().anyMatch(f -> f.startsWith("errors/")); }

    public Optional<Page> page(String id) { return pages.stream().filter(p -> p.id().equals(id)).findFirst(); }

    public Optional<ErrorCatalog> catalog(String id) { return catalogs.stream().filter(c -> c.id().equals(id)).findFirst(); }

    public Optional<ErrorEntry> error(String id) {
        for (ErrorCatalog c : catalogs) for (ErrorEntry e : c.errors()) if (e.id().equals(id)) return Optional.of(e);
        return Optional.empty();
    }
}
