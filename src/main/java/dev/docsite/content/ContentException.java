package dev.docsite.content;

import java.util.List;

/** The sources cannot be built. Carries every problem found in the run, not only the first. */
public class ContentException extends Exception {
    private final List<Problem> problems;

    public ContentException(List<Problem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in the content");
        this.problems = List.copyOf(problems);
    }

    public ContentException(Problem problem) { this(List.of(problem)); }

    public List<Problem> problems() { return problems; }
}
