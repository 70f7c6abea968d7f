package dev.docsite.build;

import dev.docsite.report.Finding;
import dev.docsite.rules.RenderRules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asciidoctor's messages about problems that docsite's own rules report better (at the exact line, with
 * a suggestion and the versions): one mistake gives one finding. A docsite rule that checks every case
 * of a kind (references, ids) makes Asciidoctor's guess redundant, even where Asciidoctor is wrong (it
 * does not know the ids docsite adds, such as error-table rows); a rule that checks only some cases
 * (live examples among listing blocks) replaces Asciidoctor's message only at the same place.
 */
final class CoveredMessages {
    private CoveredMessages() {}

    /** @param sameLineAs null: always covered; otherwise covered where this rule reports the same file and line */
    private record Cover(Pattern message, String sameLineAs) {}

    private static final List<Cover> COVERS = List.of(
            // xrefs: link/missing-page and link/missing-anchor check every one, on the written site.
            new Cover(Pattern.compile("^possible invalid reference: "), null),
            // ids: link/duplicate-id checks every page's ids, the layout's included.
            new Cover(Pattern.compile("^id assigned to .* already in use"), null),
            new Cover(Pattern.compile("^unterminated listing block"), RenderRules.LIVE_UNTERMINATED.id()));

    static final Set<String> ASCIIDOC = Set.of(RenderRules.ASCIIDOC_ERROR.id(), RenderRules.ASCIIDOC_WARNING.id(), RenderRules.ASCIIDOC_INFO.id());

    static List<Finding> drop(List<Finding> findings) {
        Set<String> places = new HashSet<>();
        for (Finding f : findings) places.add(f.rule() + "\0" + f.pos().file() + "\0" + f.pos().line());
        return findings.stream().filter(f -> !covered(f, places)).toList();
    }

    private static boolean covered(Finding f, Set<String> places) {
        if (!ASCIIDOC.contains(f.rule())) return false;
        for (Cover c : COVERS) {
            if (!c.message().matcher(f.message()).find()) continue;
            if (c.sameLineAs() == null || places.contains(c.sameLineAs() + "\0" + f.pos().file() + "\0" + f.pos().line())) return true;
        }
        return false;
    }
}
