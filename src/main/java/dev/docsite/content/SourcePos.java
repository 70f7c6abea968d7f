package dev.docsite.content;

/** A place in a source file, as a writer would look for it: path as given on the command line, 1-based line and column. */
public record SourcePos(String file, int line, int column) {
    public static SourcePos of(String file) { return new SourcePos(file, 0, 0); }

    public SourcePos atLine(int newLine) { return new SourcePos(file, newLine, 0); }

    @Override public String toString() {
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
