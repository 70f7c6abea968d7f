package dev.docsite.build;

import java.util.List;

/**
 * A build that could not run at all, as opposed to content with findings: a missing content or
 * templates folder, an output folder that cannot be written. The lines already say what to do.
 *
 * @param exitCode 2 for usage and configuration, 1 for a template error the content's writers fix
 */
public final class BuildFailure extends Exception {
    private final int exitCode;
    private final List<String> lines;

    public BuildFailure(int exitCode, String line) { this(exitCode, List.of(line)); }

    public BuildFailure(int exitCode, List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    public int exitCode() { return exitCode; }

    public List<String> lines() { return lines; }
}
