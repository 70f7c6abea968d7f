package dev.docsite.content;

import java.util.List;
import java.util.Optional;

/** content/site.yaml: the site's title, audiences in navigation order and versions newest first. */
public record SiteConfig(String title, String baseUrl, String editUrl, List<Audience> audiences,
                         List<VersionSpec> versions, LinksConfig links, List<Term> terms, boolean allowRawHtml, SourcePos pos,
                         List<Attribute> attributes) {

    /**
     * A wording decision (site.yaml {@code terms:}): phrases to avoid in reader text, the wording to use
     * instead (optional) and why. Phrases match whole words, ignoring case unless {@code matchCase}.
     */
    public record Term(List<String> avoid, String use, String reason, boolean matchCase, SourcePos pos) {}

    /**
     * An AsciiDoc attribute set for every page (site.yaml {@code attributes:}, or a version's own). As in
     * Antora: a value is hard set (pages cannot change it) unless it ends with {@code @} (soft: a page's
     * own entry wins); YAML {@code false} or {@code ~} unsets it for good, {@code false@} unsets it softly.
     *
     * @param value the value without the trailing {@code @}; null when the attribute is unset
     */
    public record Attribute(String name, String value, boolean soft, SourcePos pos) {}

    /** The attributes of a version's pages: the site's, with the version's own replacing those of the same name. */
    public java.util.Map<String, Attribute> attributesFor(String version) {
        java.util.Map<String, Attribute> out = new java.util.TreeMap<>();
        for (Attribute a : attributes) out.put(a.name(), a);
        for (VersionSpec v : versions) if (v.name().equals(version)) for (Attribute a : v.attributes()) out.put(a.name(), a);
        return out;
    }

    public record Audience(String id, String title, SourcePos pos) {}

    /** A version to build; {@code ref} names a git revision to build it from (null: the content being built). */
    public record VersionSpec(String name, String ref, SourcePos pos, SourcePos refPos, List<Attribute> attributes) {}

    /**
     * @param deadlineSeconds      whole external check's budget; URLs not asked by then are reported unchecked
     * @param allowPrivateRedirects follow redirects from a public host into loopback, link-local or private addresses
     */
    public record LinksConfig(int timeoutMs, int concurrency, int perHost, int retries, int cacheTtlHours, List<String> ignore,
                              int deadlineSeconds, boolean allowPrivateRedirects) {
        public static LinksConfig defaults() { return new LinksConfig(10_000, 16, 2, 2, 24, List.of(), 120, false); }
    }

    public VersionSpec latest() { return versions.get(0); }

    /** The site's absolute path on its host, from base_url ("/intune/"), or "/" when unknown. */
    public String basePath() {
        if (baseUrl == null) return "/";
        try {
            String p = java.net.URI.create(baseUrl).getPath();
            return p == null || p.isEmpty() ? "/" : p;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    public Optional<Audience> audience(String id) {
        return audiences.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Position of a version in site.yaml (0 = newest), or -1 when it is not declared. */
    public int versionIndex(String name) {
        for (int i = 0; i < versions.size(); i++) if (versions.get(i).name().equals(name)) return i;
        return -1;
    }

    /** Whether something with since/until is present in {@code version}; versions are ordered newest first. */
    public boolean inVersion(String since, String until, String version) {
        int v = versionIndex(version);
        if (since != null && versionIndex(since) < v) return false;
        if (until != null && versionIndex(until) > v) return false;
        return true;
    }
}
