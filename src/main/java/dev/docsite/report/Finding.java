package dev.docsite.report;

import dev.docsite.content.Problem;
import dev.docsite.content.SourcePos;
import dev.docsite.rules.Rule;
import dev.docsite.rules.Rules;
import dev.docsite.rules.Severity;

import java.util.List;

/**
 * One reported problem: where the writer must look, how bad, which rule, what is wrong and in which
 * versions. The rule must be declared in the {@link Rules registry}.
 */
public record Finding(SourcePos pos, Severity severity, String rule, String message, List<String> versions) {
    public Finding {
        Rules.get(rule);
        versions = List.copyOf(versions);
    }

    /** A finding at the rule's default severity. */
    public static Finding of(Rule rule, SourcePos pos, String message) { return new Finding(pos, rule.severity(), rule.id(), message, List.of()); }

    public static Finding error(SourcePos pos, String rule, String message) { return new Finding(pos, Severity.ERROR, rule, message, List.of()); }

    public static Finding warning(SourcePos pos, String rule, String message) { return new Finding(pos, Severity.WARNING, rule, message, List.of()); }

    public static Finding of(Problem p) { return new Finding(p.pos(), Rules.get(p.rule()).severity(), p.rule(), p.message(), List.of()); }

    public Finding inVersions(List<String> vs) { return new Finding(pos, severity, rule, message, vs); }

    /** The one-line text form: {@code path:line:col: severity rule-id: message [versions]}. */
    public String toText() {
        String v = versions.isEmpty() ? "" : " [" + (versions.size() == 1 ? "version " : "versions ") + String.join(", ", versions) + "]";
        return pos + ": " + severity.label() + " " + rule + ": " + message + v;
    }

    @Override public String toString() { return toText(); }
}
