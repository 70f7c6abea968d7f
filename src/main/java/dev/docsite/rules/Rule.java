package dev.docsite.rules;

/**
 * One rule a finding can break, declared once in {@link Rules}. Reports (SARIF rule metadata, the job
 * summary) and the writers' guide (docs/rules.md, generated from the registry) read it.
 *
 * @param id       stable id, "group/name" ({@code link/missing-anchor}); findings name it
 * @param severity default severity of its findings
 * @param title    one line saying what the rule expects (SARIF shortDescription); never just the id
 * @param why      what the rule protects readers or the build from (SARIF fullDescription)
 * @param fix      how a writer fixes a finding of this rule (SARIF help)
 */
public record Rule(String id, Severity severity, String title, String why, String fix) {
    public Rule {
        if (!id.matches("[a-z0-9-]+(/[a-z0-9-]+)?")) throw new IllegalArgumentException("rule id " + id);
        if (title.isBlank() || why.isBlank() || fix.isBlank()) throw new IllegalArgumentException("rule " + id + " needs a title, why and fix");
    }

    /** The part before the slash: what kind of thing the rule looks at. */
    public String group() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** The anchor of the rule in docs/rules.md, for links from reports. */
    public String anchor() { return id.replace('/', '-'); }

    static Rule error(String id, String title, String why, String fix) { return new Rule(id, Severity.ERROR, title, why, fix); }

    static Rule warning(String id, String title, String why, String fix) { return new Rule(id, Severity.WARNING, title, why, fix); }

    static Rule note(String id, String title, String why, String fix) { return new Rule(id, Severity.NOTE, title, why, fix); }
}
