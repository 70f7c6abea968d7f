package dev.docsite.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule registry: every rule any stage reports, in the order the writers' guide lists them. Each
 * group declares its rules in its own class ({@link ContentRules}, {@link RenderRules}, ...); a
 * finding that names an id missing here is a docsite defect, caught by {@link #get}.
 */
public final class Rules {
    private static final Map<String, Rule> BY_ID;

    static {
        Map<String, Rule> m = new LinkedHashMap<>();
        List<List<Rule>> groups = List.of(ContentRules.ALL, SecurityRules.ALL, RenderRules.ALL, LinkRules.ALL, ExternalLinkRules.ALL,
                CatalogEntryRules.ALL, ErrorTableRules.ALL, I18nRules.ALL, StyleRules.ALL);
        for (List<Rule> g : groups)
            for (Rule r : g)
                if (m.putIfAbsent(r.id(), r) != null) throw new ExceptionInInitializerError("rule declared twice: " + r.id());
        BY_ID = Collections.unmodifiableMap(m);
    }

    private Rules() {}

    /** Every rule, grouped, in declaration order. */
    public static List<Rule> all() { return new ArrayList<>(BY_ID.values()); }

    /** The rule with this id; an unknown id is a defect in docsite, not in the content. */
    public static Rule get(String id) {
        Rule r = BY_ID.get(id);
        if (r == null) throw new IllegalArgumentException("rule '" + id + "' is not declared in the rule registry (dev.docsite.rules)");
        return r;
    }

    public static boolean exists(String id) { return BY_ID.containsKey(id); }
}
