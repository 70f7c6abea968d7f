package dev.docsite.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule reference of the writers' guide (docs/rules.md), generated from the registry so the two never disagree. */
public final class RulesDoc {
    private RulesDoc() {}

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Rules\n\n")
                .append("<!-- Generated from the rule registry (src/main/java/dev/docsite/rules) by `docsite rules --format markdown`; do not edit by hand. -->\n\n")
                .append("Every finding docsite reports names one of these rules. Findings are printed as\n")
                .append("`path:line:col: severity rule-id: message [versions]`; `check --format sarif` carries the same\n")
                .append("descriptions and help for code scanning. The severity shown is the rule's default.\n\n");
        Map<String, List<Rule>> byGroup = new LinkedHashMap<>();
        for (Rule r : Rules.all()) byGroup.computeIfAbsent(r.group(), g -> new java.util.ArrayList<>()).add(r);
        b.append("| rule | severity | expects |\n|---|---|---|\n");
        for (Rule r : Rules.all())
            b.append("| [`").append(r.id()).append("`](#").append(r.anchor()).append(") | ").append(r.severity().label()).append(" | ")
                    .append(r.title().replace("|", "\\|")).append(" |\n");
        for (Map.Entry<String, List<Rule>> g : byGroup.entrySet()) {
            b.append("\n## ").append(g.getKey()).append("\n");
            for (Rule r : g.getValue()) {
                b.append("\n### ").append(r.anchor()).append("\n\n")
                        .append("`").append(r.id()).append("` (").append(r.severity().label()).append("): ").append(r.title()).append("\n\n")
                        .append("**Why:** ").append(r.why()).append("\n\n")
                        .append("**How to fix:** ").append(r.fix()).append("\n");
            }
        }
        return b.toString();
    }

    /** One line per rule: id, severity, what it expects. */
    public static String text() {
        StringBuilder b = new StringBuilder();
        int w = Rules.all().stream().mapToInt(r -> r.id().length()).max().orElse(0);
        for (Rule r : Rules.all()) b.append(String.format("%-" + w + "s  %-7s  %s%n", r.id(), r.severity().label(), r.title()));
        return b.toString();
    }
}
