package dev.docsite.content;

import java.time.Instant;
import java.util.List;

/**
 * One page: its id is the path under content/pages without ".yaml". {@code bodyLine} is the YAML line
 * holding the body's first line, so a problem on body line n is reported at bodyLine + n - 1.
 */
public record Page(String id, String path, SourcePos pos, String title, String audience, String summary,
                   int order, String since, String until, List<String> aliases, String body, int bodyLine,
                   Instant lastUpdated) {

    /** Output path relative to the version folder, e.g. "admin/setup.html". */
    public String outputPath() { return id + ".html"; }

    public SourcePos bodyPos(int bodyLineNr) { return new SourcePos(pos.file(), bodyLine + Math.max(bodyLineNr, 1) - 1, 0); }
}
