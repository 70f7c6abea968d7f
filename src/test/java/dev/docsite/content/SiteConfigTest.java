package dev.docsite.content;

import dev.docsite.Fixture;
import dev.docsite.rules.ContentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml's attributes (Antora's conventions) and the page ids and aliases checked across files. */
class SiteConfigTest {
    @TempDir Path dir;

    static final String VERSIONS = """
            versions:
              - name: "2.0"
                attributes:
                  product: Contoso Next
              - name: "1.0"
            """;

    @Test void attributesAreSetSoftOrUnsetAndAVersionOverridesTheSite() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "site.yaml", Fixture.SITE.substring(0, Fixture.SITE.indexOf("versions:")) + """
                attributes:
                  product: Contoso
                  soft: value@
                  off: false
                  softoff: false@
                  gone: ~
                  flag: true
                  num: 3
                """ + VERSIONS);
        SiteConfig config = ContentLoader.load(new DirectorySource(c)).config();
        Map<String, SiteConfig.Attribute> v2 = config.attributesFor("2.0"), v1 = config.attributesFor("1.0");
        assertEquals("Contoso Next", v2.get("product").value());
        assertEquals("Contoso", v1.get("product").value());
        assertEquals("value", v1.get("soft").value());
        assertTrue(v1.get("soft").soft());
        assertFalse(v1.get("product").soft());
        assertNull(v1.get("off").value());
        assertFalse(v1.get("off").soft(), "false: a hard unset");
        assertNull(v1.get("softoff").value());
        assertTrue(v1.get("softoff").soft(), "false@: a soft unset");
        assertNull(v1.get("gone").value());
        assertEquals("", v1.get("flag").value(), "true sets the attribute empty");
        assertEquals("3", v1.get("num").value());
        assertEquals(List.of("flag", "gone", "num", "off", "product", "soft", "softoff"), List.copyOf(v1.keySet()));
        assertEquals(Fixture.lineOf(c.resolve("site.yaml"), "soft: value@"), v1.get("soft").pos().line());
    }

    @Test void attributesThatCannotBeSetAreProblemsAtTheirLinesAndLeftOut() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "site.yaml", Fixture.SITE.substring(0, Fixture.SITE.indexOf("versions:")) + """
                attributes:
                  "bad name": x
                  docname: mine
                  list: [a, b]
                versions:
                  - name: "2.0"
                    attributes: [not, a, map]
                  - name: "1.0"
                """);
        ContentSet e = ContentLoader.loadAll(new DirectorySource(c));
        Path site = c.resolve("site.yaml");
        List<String> got = e.problems().stream().map(p -> p.pos().line() + " " + p.rule() + " " + p.message()).toList();
        int docname = Fixture.lineOf(site, "docname"), list = Fixture.lineOf(site, "list:"), map = Fixture.lineOf(site, "[not, a, map]");
        assertEquals(4, got.size(), got.toString());
        assertTrue(got.contains(Fixture.lineOf(site, "bad name") + " " + ContentRules.FIELD_VALUE.id()
                + " attribute name 'bad name' in site.yaml is not an AsciiDoc attribute name (expected letters, digits, '_' and '-')"), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith(docname + " " + ContentRules.FIELD_VALUE.id() + " attribute 'docname'")
                && s.endsWith("is set by docsite for every page and cannot be set here")), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith(list + " " + ContentRules.FIELD_TYPE.id() + " attribute 'list'")), got.toString());
        assertTrue(got.stream().anyMatch(s -> s.startsWith(map + " " + ContentRules.FIELD_TYPE.id() + " attributes in ")
                && s.contains("expected a mapping of attribute names to values")), got.toString());
        assertEquals(List.of(), List.copyOf(e.config().attributesFor("2.0").keySet()));
    }

    @Test void pageIdsAndAliasesMustBeUniqueAndFree() throws Exception {
        Path c = Fixture.clean(dir);
        String body = "summary: S.\nbody: |\n  Text.\n";
        Fixture.write(c, "pages/admin/a.yaml", "title: A\naudience: admin\naliases: [admin/troubleshoot, admin/old]\n" + body);
        Fixture.write(c, "pages/admin/b.yaml", "title: B\naudience: admin\naliases: [admin/old, end-user/index, Not An Id]\n" + body);
        Fixture.write(c, "pages/admin/b.yml", "title: B again\naudience: admin\n" + body);
        Fixture.write(c, "pages/admin/index.yaml", "title: Index\naudience: admin\n" + body);
        Fixture.write(c, "pages/2.0/x.yaml", "title: X\naudience: admin\n" + body);
        ContentSet set = ContentLoader.loadAll(new DirectorySource(c));
        List<String> got = set.problems().stream().map(p -> p.rule() + " " + p.message().replace(c.toAbsolutePath().normalize() + "/", "")).sorted().toList();
        assertEquals(List.of(
                ContentRules.ALIAS.id() + " alias 'Not An Id' is not a page id (expected a path like admin/old-name)",
                ContentRules.ALIAS.id() + " alias 'admin/old' is also claimed by pages/admin/a.yaml",
                ContentRules.ALIAS.id() + " alias 'admin/troubleshoot' collides with the page pages/admin/troubleshoot.yaml (expected an old page id that no page uses any more)",
                ContentRules.DUPLICATE_PAGE.id() + " duplicate page id 'admin/b': pages/admin/b.yaml has the same id (expected one file per page id)",
                ContentRules.RESERVED_ID.id() + " alias 'end-user/index' is reserved: its redirect page would overwrite a generated landing page",
                ContentRules.RESERVED_ID.id() + " page id '2.0/x' starts with a reserved folder name (a version name or _)",
                ContentRules.RESERVED_ID.id() + " page id 'admin/index' is reserved: it would overwrite a generated landing page (expected another file name)"),
                got);
        Path b = c.resolve("pages/admin/b.yaml");
        Problem claimed = set.problems().stream().filter(p -> p.message().contains("also claimed")).findFirst().orElseThrow();
        assertEquals(b.toAbsolutePath().normalize().toString(), claimed.pos().file());
        assertEquals(Fixture.lineOf(b, "aliases:"), claimed.pos().line());
    }

    @Test void pagesAreInIdOrderWhateverTheirExtension() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "pages/admin/aa.yml", "title: AA\naudience: admin\nsummary: S.\nbody: |\n  Text.\n");
        assertEquals(List.of("admin/aa", "admin/troubleshoot", "end-user/messages"),
                ContentLoader.load(new DirectorySource(c)).pages().stream().map(Page::id).toList());
    }
}
