package dev.docsite.content;

import java.util.ArrayList;
import java.util.List;

/** Collects problems during a stage so one run reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(SourcePos pos, String rule, String message) { list.add(new Problem(pos, rule, message)); }
    public void add(Problem p) { list.add(p); }
    public void addAll(List<Problem> ps) { list.addAll(ps); }
    public int size() { return list.size(); }
    public List<Problem> list() { return List.copyOf(list); }

    public void throwIfAny() throws ContentException {
        if (!list.isEmpty()) throw new ContentException(list);
    }
}
