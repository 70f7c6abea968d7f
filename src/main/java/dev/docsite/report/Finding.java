package dev.docsite.report;

import dev.docsite.content.Problem;
import dev.docsite.content.SourcePos;

import java.util.List;

/** One reported problem: where the writer must look, how bad, which rule, what is wrong and in which versions. */
public record Finding(SourcePos pos, Severity severity, String rule, String message, List<String> versions) {
    public enum Severity { ERROR, WARNING, NOTE;
        public String label() { return name().toLowerCase(); }
    }

    public static Finding error(SourcePos pos, String rule, String message) { return new Finding(pos, Severity.ERROR, rule, message, List.of()); }

    public static Finding warning(SourcePos pos, String rule, String message) { return new Finding(pos, Severity.WARNING, rule, message, List.of()); }

    public static Finding of(Problem p) { return new Finding(p.pos(), Severity.ERROR, p.rule(), p.message(), List.of()); }

    public Finding inVersions(List<String> vs) { return new Finding(pos, severity, rule, message, List.copyOf(vs)); }

    /** The one-line text form: {@code path:line:col: severity rule-id: message [versions]}. */
    public String toText() {
        String v = versions.isEmpty() ? "" : " [" + (versions.size() == 1 ? "version " : "versions ") + String.join(", ", versions) + "]";
        return pos + ": " + severity.label() + " " + rule + ": " + message + v;
    }

    @Override public String toString() { return toText(); }
}
