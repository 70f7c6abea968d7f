package dev.docsite.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class RulesTest {
    static final Path DOC = Path.of("docs/rules.md");

    @Test void theGuidesRuleReferenceIsTheRegistry() throws Exception {
        // Regenerate with: ./docsite rules --format markdown > docs/rules.md
        assertEquals(RulesDoc.markdown(), Files.readString(DOC), "docs/rules.md is out of date: run ./docsite rules --format markdown > docs/rules.md");
    }

    @Test void noTitleRepeatsItsIdAndEveryRuleSaysHowToFixIt() {
        for (Rule r : Rules.all()) {
            assertFalse(r.title().equalsIgnoreCase(r.id()), r.id());
            assertTrue(r.fix().length() > 20, r.id() + " has no real help");
            assertTrue(r.title().endsWith("."), r.id());
        }
    }

    @Test void anUndeclaredRuleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rules.get("link/no-such-rule"));
    }

    /** Every string literal in the sources that looks like a rule id and is used as one is declared. */
    @Test void everyRuleIdWrittenInTheSourcesIsDeclared() throws Exception {
        Pattern quoted = Pattern.compile("Rule\\.(?:error|warning|note)\\(\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = quoted.matcher(Files.readString(f));
                while (m.find()) assertTrue(Rules.exists(m.group(1)), m.group(1) + " in " + f + " is not registered in Rules");
            }
        }
    }
}
