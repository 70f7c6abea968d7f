package dev.docsite.site;

import dev.docsite.rules.Severity;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a build wrote (into {@code dir}) and what it found on the way. */
public record BuildResult(Path dir, List<VersionBuild> versions, List<Finding> findings, Stats stats) {

    /** One version's content and its pages, links resolved. */
    public record VersionBuild(VersionContent content, List<RenderedPage> pages) {
        public String name() { return content.name(); }

        public Optional<RenderedPage> page(String id) { return pages.stream().filter(p -> p.page().id().equals(id)).findFirst(); }
    }

    /** @param rendered pages converted by Asciidoctor in this run; {@code reused} came from the cache or another version */
    public record Stats(int pages, int rendered, int reused, long millis) {}

    public boolean hasErrors() { return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR); }

    public Optional<VersionBuild> version(String name) { return versions.stream().filter(v -> v.name().equals(name)).findFirst(); }
}
