package dev.docsite.build;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many pages a change is expected to convert: what decides JRuby's compile mode before it starts. */
class ConversionEstimateTest {
    private static final Map<String, LastBuild.Stamp> INPUTS = new TreeMap<>(Map.of(
            "content/site.yaml", new LastBuild.Stamp(1, 1, "a"),
            "content/catalogs/server.yaml", new LastBuild.Stamp(1, 1, "b"),
            "content/pages/admin/a.yaml", new LastBuild.Stamp(1, 1, "c"),
            "content/pages/admin/b.yaml", new LastBuild.Stamp(1, 1, "d"),
            "content/pages/end-user/c.yaml", new LastBuild.Stamp(1, 1, "e"),
            "content/pages/admin/diagram.png", new LastBuild.Stamp(1, 1, "f"),
            "templates/page.ftlh", new LastBuild.Stamp(1, 1, "g")));

    @Test void pagesChangedCountThemselves() {
        assertEquals(1, BuildTransaction.conversionsAfter(Set.of("content/pages/admin/a.yaml"), INPUTS));
        assertEquals(2, BuildTransaction.conversionsAfter(Set.of("content/pages/admin/a.yaml", "content/pages/end-user/c.yaml", "templates/page.ftlh"), INPUTS));
    }

    @Test void anythingElseInTheContentCanReachEveryPage() {
        assertEquals(3, BuildTransaction.conversionsAfter(Set.of("content/site.yaml"), INPUTS));
        assertEquals(3, BuildTransaction.conversionsAfter(Set.of("content/catalogs/server.yaml", "content/pages/admin/a.yaml"), INPUTS));
        assertEquals(3, BuildTransaction.conversionsAfter(Set.of("content/pages/admin/diagram.png"), INPUTS), "an image embedded with data-uri");
    }

    @Test void templatesAloneConvertNothing() {
        assertEquals(0, BuildTransaction.conversionsAfter(Set.of("templates/page.ftlh"), INPUTS));
    }
}
