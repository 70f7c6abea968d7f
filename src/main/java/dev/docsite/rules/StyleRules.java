package dev.docsite.rules;

import java.util.List;

/** Rules about the words writers use (site.yaml `terms:`), reported with the build's checks. */
public final class StyleRules {
    private StyleRules() {}

    public static final Rule TERM = Rule.warning("style/term",
            "Reader text does not use a term that site.yaml's `terms:` list says to avoid.",
            "A project's word list records decisions readers benefit from: names spelled one way, and words about how the documentation was written (\"upstream\", \"implementation plan\") that mean nothing to readers.",
            "Rewrite the sentence as the term's reason says, with the `use:` wording when the list gives one; or change the list in site.yaml if the decision changed.");

    public static final List<Rule> ALL = List.of(TERM);
}
