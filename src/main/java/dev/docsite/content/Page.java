package dev.docsite.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page: its id is the path under content/pages without ".yaml". {@code bodyLine} is the YAML line
 * holding the body's first line, so a problem on body line n is reported at bodyLine + n - 1.
 * {@code fields} remembers where each field was written ("title", "aliases/0", ...), so a problem with a
 * field is reported at its own line.
 */
public record Page(String id, String path, SourcePos pos, String title, String audience, String summary,
                   int order, String since, String until, List<String> aliases, String body, int bodyLine,
                   Instant lastUpdated, Map<String, SourcePos> fields) {

    /** Where a field ("aliases/1") was written, or the page's own position when it was not. */
    public SourcePos posOf(String field) { return fields.getOrDefault(field, pos); }

    /** Output path relative to the version folder, e.g. "admin/setup.html". */
    public String outputPath() { return id + ".html"; }

    public SourcePos bodyPos(int bodyLineNr) { return new SourcePos(pos.file(), bodyLine + Math.max(bodyLineNr, 1) - 1, 0); }

    /** This page with an empty body: what a page's layout shows of itself apart from its render. */
    public Page withoutBody() {
        return new Page(id, path, pos, title, audience, summary, order, since, until, aliases, "", bodyLine, lastUpdated, fields);
    }

    /** An equal page that is not this one (serve's rehearsed edit: the build takes it for a page saved again). */
    public Page copy() {
        return new Page(id, path, pos, title, audience, summary, order, since, until, aliases, body, bodyLine, lastUpdated, fields);
    }

    /** This page with another last-updated time (it comes from git, not from the page's file). */
    public Page withLastUpdated(Instant when) {
        if (java.util.Objects.equals(when, lastUpdated)) return this;
        return new Page(id, path, pos, title, audience, summary, order, since, until, aliases, body, bodyLine, when, fields);
    }
}
