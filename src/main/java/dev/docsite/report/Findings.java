package dev.docsite.report;

import dev.docsite.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operations on lists of findings shared by the build and the checks. */
public final class Findings {
    private Findings() {}

    /**
     * One finding per problem: the same finding in several versions becomes one naming them all. A
     * message that names its version ("in version 11.3") is compared without it.
     */
    public static List<Finding> mergeVersions(List<Finding> findings) {
        Map<String, Finding> merged = new LinkedHashMap<>();
        for (Finding f : findings) {
            String k = f.pos() + "\0" + f.severity() + "\0" + f.rule() + "\0" + f.message().replaceAll(" in version \\S+", "");
            Finding prev = merged.get(k);
            if (prev == null) { merged.put(k, f); continue; }
            List<String> vs = new ArrayList<>(prev.versions());
            for (String x : f.versions()) if (!vs.contains(x)) vs.add(x);
            merged.put(k, prev.inVersions(vs));
        }
        return List.copyOf(merged.values());
    }

    /** Sorted by file, line, column, rule: the order a writer fixes them in. */
    public static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing((Finding f) -> f.pos().file())
                .thenComparingInt(f -> f.pos().line()).thenComparingInt(f -> f.pos().column())
                .thenComparing(Finding::rule)).toList();
    }

    public static long count(List<Finding> findings, Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
}
