package dev.docsite.content;

/** One thing wrong with the sources: where, which rule, and what was expected. */
public record Problem(SourcePos pos, String rule, String message) {
    @Override public String toString() { return pos + ": error " + rule + ": " + message; }
}
