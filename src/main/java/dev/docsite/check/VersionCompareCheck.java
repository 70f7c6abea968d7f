package dev.docsite.check;

import dev.docsite.content.ContentSet;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.content.Verbatim;
import dev.docsite.report.Finding;
import dev.docsite.rules.RenderRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ifeval conditions that compare {docsite-version} with a version site.yaml does not declare
 * (asciidoc/unknown-version-compare): the text they guard would never, or always, show.
 */
final class VersionCompareCheck {
    private VersionCompareCheck() {}

    private static final Pattern IFEVAL = Pattern.compile("^\\s*ifeval::\\[(.*)]\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");

    static List<Finding> check(ContentSet content) { return check(content, new java.util.IdentityHashMap<>()); }

    /**
     * @param memo findings per page of an earlier check with the same declared versions, by page object (serve
     *             reloads only the files that changed, so an unchanged page is the same object); filled here
     */
    static List<Finding> check(ContentSet content, Map<Page, List<Finding>> memo) {
        List<String> declared = content.config().versions().stream().map(SiteConfig.VersionSpec::name).toList();
        List<Finding> out = new ArrayList<>();
        for (Page p : content.pages()) out.addAll(memo.computeIfAbsent(p, page -> check(page, declared)));
        return out;
    }

    private static List<Finding> check(Page p, List<String> declared) {
        List<Finding> out = new ArrayList<>();
        if (!p.body().contains("docsite-version")) return List.of();
        List<String> lines = p.body().lines().toList();
        boolean[] code = Verbatim.lines(lines.toArray(String[]::new));   // an ifeval shown as code is not one
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) continue;
            Matcher m = IFEVAL.matcher(lines.get(i));
            if (!m.matches() || !m.group(1).contains("{docsite-version}")) continue;
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                String v = q.group(1) != null ? q.group(1) : q.group(2);
                if (v.contains("{") || declared.contains(v)) continue;
                out.add(Finding.of(RenderRules.UNKNOWN_VERSION_COMPARE, p.bodyPos(i + 1),
                        "ifeval compares {docsite-version} with \"" + v + "\", which site.yaml does not declare (expected one of "
                                + String.join(", ", declared) + ")"));
            }
        }
        return List.copyOf(out);
    }
}
