package dev.docsite.build;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One copy of the content with one mistake of each kind: check reports every one, exactly once, at the
 * line the mistake is written on, under its own rule, and stderr carries nothing else.
 */
class DiagnosticsTest {
    private static final Pattern FINDING = Pattern.compile("^(\\S+?):(\\d+)(?::\\d+)?: (error|warning|note) (\\S+): .*");

    @Test void everyMistakeIsReportedOnceAtItsOwnLine(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        page(t, "d01", "See xref:admin/nope.adoc[nothing].");
        page(t, "d02", "See xref:admin/setup.adoc#nowhere[the setup].");
        page(t, "d03", "[#twice]\n== One\n\n[#twice]\n== Two");
        page(t, "d04", "See error:ent.test.nope.app_error[].");
        page(t, "d05", "[source,json,role=live,schema=cfg]\n----\n{\n  \"Enable\": \"yes\"\n}\n----");
        page(t, "d06", "[source,json,role=live,schema=cfg]\n----\n{\"Enable\": true}\nthis is not json at all\n----");
        page(t, "d07", "== Example\n\n[source,json,role=live,schema=cfg]\n----\n{\"Enable\": true}\n\nMore text that the block swallows.");
        t.write("pages/admin/d08.yaml", "title: Broken quote\naudience: admin\nsummary: \"never closed\nbody: |\n  Text.\n");
        t.write("pages/admin/d09.yaml", "title: Unknown key\naudience: admin\nsummary: S.\ncolour: blue\nbody: |\n  Text.\n");
        t.write("errors/extra.yaml", """
                title: Extra errors
                errors:
                  - id: api.extra.moved.app_error
                    layer: server
                    http: 302
                    scenario: Moved
                    user_message: It moved.
                    retry: none
                    fallback: none
                    cause: A redirect.
                    resolution: Follow it.
                """);
        page(t, "d10", "error-table::extra[audience=admin]");
        page(t, "d11", "image::nope.png[A diagram]");
        t.write("pages/admin/d12.yaml", "title: Wrong audience\naudience: admins\nsummary: S.\nbody: |\n  Text.\n");
        t.write("pages/admin/d13.yaml", "title: Alias\naudience: admin\nsummary: S.\naliases:\n  - admin/old-d13\n  - admin/setup\nbody: |\n  Text.\n");
        t.write("pages/admin/d14.yaml", "title: Since\naudience: admin\nsummary: S.\nsince: \"9.9\"\nbody: |\n  Text.\n");
        page(t, "d15", "error-table::nocat[audience=admin]");
        page(t, "d16", "[source,json,role=live,schema=nosuch]\n----\n{\"Enable\": true}\n----");
        page(t, "d17", "include::nope.adoc[]");
        page(t, "d18", "== A\n\n==== Too deep");
        t.write("pages/admin/d19.yaml", "title: Twice\naudience: admin\ntitle: Again\nsummary: S.\nbody: |\n  Text.\n");

        TestSite.Run r = t.run("check");
        assertEquals(1, r.exit(), r.err());
        TreeSet<String> got = new TreeSet<>();
        for (String line : (r.out() + r.err()).lines().toList()) {
            Matcher m = FINDING.matcher(line);
            if (m.matches()) {
                String file = Path.of(m.group(1)).getFileName().toString();
                assertTrue(got.add(file + ":" + m.group(2) + " " + m.group(4)), "reported twice: " + line);
            }
        }
        List<String> expected = List.of(
                "d01.yaml:5 link/missing-page",
                "d02.yaml:5 link/missing-anchor",
                "d03.yaml:8 link/duplicate-id",
                "d04.yaml:5 error-ref/unknown-id",
                "d05.yaml:8 live-example/schema",
                "d06.yaml:8 live-example/json",
                "d07.yaml:8 live-example/unterminated",
                "d08.yaml:3 yaml",
                "d09.yaml:4 content/unknown-key",
                "extra.yaml:5 catalog/http-status",
                "d11.yaml:5 link/missing-file",
                "d12.yaml:2 content/field-value",
                "d13.yaml:6 content/alias",
                "d14.yaml:4 content/unknown-version",
                "d15.yaml:5 error-table/unknown-catalog",
                "d16.yaml:5 live-example/unknown-schema",
                "d17.yaml:5 include/missing",
                "d18.yaml:7 asciidoc/warning",
                "d19.yaml:3 yaml");
        assertEquals(new TreeSet<>(expected), got, r.out() + r.err());
    }

    @Test void stderrCarriesOnlyFindingsAndTheSummary(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        // An unterminated listing block that is not a live example: Asciidoctor's own warning, mapped and formatted.
        page(t, "u1", "== Code\n\n----\nnever closed");
        TestSite.Run r = t.run("build");
        for (String line : r.err().lines().toList())
            assertTrue(FINDING.matcher(line).matches() || line.matches("\\d+ errors?, \\d+ warnings?.*"), "unexpected stderr line: " + line);
        assertTrue(r.err().contains("u1.yaml:7: warning asciidoc/warning: unterminated listing block"), r.err());
    }

    /** An admin page whose body starts at line 5. */
    private static void page(TestSite t, String name, String body) {
        t.write("pages/admin/" + name + ".yaml", "title: Page " + name + "\naudience: admin\nsummary: S.\nbody: |\n  "
                + body.replace("\n", "\n  ").replace("\n  \n", "\n\n") + "\n");
    }
}
