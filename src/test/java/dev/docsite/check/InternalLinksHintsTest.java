package dev.docsite.check;

import dev.docsite.Fixture;
import dev.docsite.report.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a broken link's message tells the writer: the versions the page is limited to, the id it probably
 * meant, the anchor that is missing. Each test builds its own site, so every assertion runs with the
 * check it judges (the mutation run attributes a shared build to one test only).
 */
class InternalLinksHintsTest {
    @TempDir Path tmp;
    List<Finding> findings;
    Path content;

    static String page(String title, String extra, String body) {
        return "title: " + title + "\naudience: admin\nsummary: About " + title + ".\n" + extra + "body: |\n" + body.indent(2);
    }

    void build(String extraPage) throws Exception {
        content = tmp.resolve("content");
        Fixture.write(content, "site.yaml", """
                title: Hints
                audiences:
                  - id: admin
                    title: Admins
                versions:
                  - name: "3.0"
                  - name: "2.0"
                  - name: "1.0"
                """);
        Fixture.write(content, "pages/admin/new.yaml", page("New", "since: \"2.0\"\n", "Text."));
        Fixture.write(content, "pages/admin/mid.yaml", page("Mid", "since: \"2.0\"\nuntil: \"2.0\"\n", "Text."));
        Fixture.write(content, "pages/admin/old.yaml", page("Old", "until: \"1.0\"\n", "Text."));
        Fixture.write(content, "pages/admin/from.yaml", page("From", "", """
                To xref:admin/new.adoc[new].

                To xref:admin/mid.adoc[mid].

                To xref:admin/old.adoc[old].

                To xref:admin/fromm.adoc[a typo].

                To xref:zzz/qqq.adoc[nothing like it].
                """));
        if (extraPage != null) Fixture.write(content, "pages/admin/extra.yaml", extraPage);
        findings = InternalLinks.check(Fixture.build(content, tmp.resolve("site")));
    }

    Finding about(String target) {
        List<Finding> f = findings.stream().filter(x -> x.rule().equals(InternalLinks.MISSING_PAGE) && x.message().contains("'" + target + "'")).toList();
        assertEquals(1, f.size(), Fixture.text(findings));
        return f.get(0);
    }

    String file(String rel) { return content.resolve(rel).toAbsolutePath().normalize().toString(); }

    @Test void aMissingPageLimitedToOtherVersionsNamesItsRangeAndWhereItExists() throws Exception {
        build(null);
        Finding f = about("admin/new");
        assertEquals(List.of("1.0"), f.versions());
        assertEquals(Fixture.lineOf(content.resolve("pages/admin/from.yaml"), "admin/new.adoc"), f.pos().line());
        assertTrue(f.message().endsWith("(the page " + file("pages/admin/new.yaml") + " is limited to other versions: since 2.0; it exists in 3.0, 2.0)"),
                f.message());
        Finding mid = about("admin/mid");
        assertEquals(List.of("3.0", "1.0"), mid.versions());
        assertTrue(mid.message().endsWith("is limited to other versions: since 2.0, until 2.0; it exists in 2.0)"), mid.message());
        Finding old = about("admin/old");
        assertEquals(List.of("3.0", "2.0"), old.versions());
        assertTrue(old.message().endsWith("is limited to other versions: until 1.0; it exists in 1.0)"), old.message());
        assertTrue(about("admin/fromm").message().endsWith("(did you mean 'admin/from'?)"), about("admin/fromm").message());
        assertTrue(about("zzz/qqq").message().endsWith("(expected a page id: a file content/pages/zzz/qqq.yaml)"), about("zzz/qqq").message());
        assertEquals(List.of("3.0", "2.0", "1.0"), about("zzz/qqq").versions());
        assertEquals(5, findings.size(), Fixture.text(findings));
    }

    @Test void anchorsOfLinksToWrittenPagesAndIdsTheLayoutAlsoUsesAreChecked() throws Exception {
        build(page("Extra", "", """
                == Main
                The layout's skip link targets #main too.

                [#twice]
                One.

                [#twice]
                Two.

                Links: link:from.html[whole page], link:from.html#nope[missing anchor], link:old.html#x[absent in 3.0].
                """));
        Path file = content.resolve("pages/admin/extra.yaml");
        List<Finding> ids = findings.stream().filter(f -> f.rule().equals(InternalLinks.DUPLICATE_ID)).toList();
        assertEquals(2, ids.size(), Fixture.text(findings));
        Finding main = ids.stream().filter(f -> f.message().contains("'main'")).findFirst().orElseThrow();
        assertTrue(main.message().contains("also an id of the page layout"), main.message());
        assertEquals(Fixture.lineOf(file, "== Main"), main.pos().line());
        Finding twice = ids.stream().filter(f -> f.message().contains("'twice'")).findFirst().orElseThrow();
        assertEquals(Fixture.lineOf(file, "Two.") - 1, twice.pos().line(), "the second definition");
        List<Finding> anchors = findings.stream().filter(f -> f.rule().equals(InternalLinks.MISSING_ANCHOR)).toList();
        assertEquals(2, anchors.size(), Fixture.text(findings));
        assertTrue(anchors.get(0).message().startsWith("link to 'from.html#nope': no such anchor on that page"), anchors.get(0).message());
        assertEquals(List.of("3.0", "2.0", "1.0"), anchors.get(0).versions());
        assertTrue(anchors.get(1).message().startsWith("link to 'old.html#x': no such anchor on that page"), anchors.get(1).message());
        assertEquals(List.of("1.0"), anchors.get(1).versions(), "where old.html is written");
        List<Finding> files = findings.stream().filter(f -> f.rule().equals(InternalLinks.MISSING_FILE)).toList();
        assertEquals(1, files.size(), Fixture.text(findings));
        assertTrue(files.get(0).message().startsWith("'old.html#x' does not exist in this version (to link to a page write xref:admin/old.adoc[]"),
                files.get(0).message());
        assertEquals(List.of("3.0", "2.0"), files.get(0).versions());
    }
}
