package dev.docsite.content;

import java.io.IOException;

/**
 * A content file was refused rather than read: it resolves outside its root (a symbolic link out of
 * content/) or is not UTF-8. Carries the rule and, where known, the line, so every reader reports it
 * as a finding at file:line instead of a generic "cannot read".
 */
public final class ContentReadException extends IOException {
    private final String rule;
    private final int line;

    public ContentReadException(String rule, int line, String message) {
        super(message);
        this.rule = rule;
        this.line = line;
    }

    public String rule() { return rule; }

    /** Line of the file the problem is on (1 when it concerns the whole file). */
    public int line() { return line; }

    public Problem problem(String file) { return new Problem(new SourcePos(file, Math.max(line, 1), 0), rule, getMessage()); }
}
