package dev.docsite.check;

import dev.docsite.Fixture;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.report.Finding;
import dev.docsite.rules.RenderRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ifeval conditions that compare {docsite-version} with a version site.yaml does not declare. */
class VersionCompareCheckTest {
    @TempDir Path dir;

    private List<Finding> check(Path c) throws Exception { return VersionCompareCheck.check(ContentLoader.load(new DirectorySource(c))); }

    @Test void anUndeclaredVersionIsReportedAtItsLineAndDeclaredOnesListedAsExpected() throws Exception {
        Path c = Fixture.clean(dir);
        Path page = c.resolve(ErrorTableChecksTest.ADMIN);
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  == Quick reference\n", """
                  == Quick reference

                  ifeval::["{docsite-version}" >= "1.0"]
                  Declared, double quotes.
                  endif::[]
                  ifeval::['{docsite-version}' == '3.0']
                  Never shown.
                  endif::[]
                  ifeval::["{docsite-version}" == "{other}"]
                  An attribute, not a version.
                  endif::[]
                  ifeval::["{x}" == "7.0"]
                  Does not compare docsite-version.
                  endif::[]
                  ----
                  ifeval::["{docsite-version}" == "9.9"]
                  ----
                """);
        List<Finding> fs = check(c);
        assertEquals(1, fs.size(), Fixture.text(fs));
        Finding f = fs.get(0);
        assertEquals(RenderRules.UNKNOWN_VERSION_COMPARE.id(), f.rule());
        assertEquals(Fixture.lineOf(page, "== '3.0'"), f.pos().line(), "the YAML line of the condition");
        assertTrue(f.message().contains("\"3.0\"") && f.message().contains("expected one of 2.0, 1.0"), f.message());
    }

    @Test void pagesWithoutTheAttributeAreNotRead() throws Exception {
        assertEquals(List.of(), check(Fixture.clean(dir)));
    }
}
