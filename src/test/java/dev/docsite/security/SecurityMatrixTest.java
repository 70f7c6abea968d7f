package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The attacker's and unlucky user's matrix (with content/BadInputTest): each case breaks a good site one
 * way and asserts the exit code, a one-line message naming file:line and the rule, no stack trace, and
 * the previous site/ byte for byte.
 */
class SecurityMatrixTest {
    @TempDir static Path shared;
    static Map<String, String> goodSite;
    static Path outside;

    @BeforeAll static void buildGoodSite() throws Exception {
        TestSite t = TestSite.valid(shared.resolve("good"));
        assertEquals(0, t.run("build").exit());
        goodSite = TestSite.snapshot(t.out);
        outside = shared.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("passwd"), "root:x:0:0:SECRET\n");
        Files.writeString(outside.resolve("page.yaml"), "title: Out\naudience: admin\nsummary: S\nbody: |\n  Outside.\n");
        Files.writeString(outside.resolve("catalog.yaml"), "title: Out\nerrors: []\n");
        Files.writeString(outside.resolve("x.schema.json"), "{\"type\": \"object\"}");
        Files.writeString(outside.resolve("site.yaml"), Files.readString(t.content.resolve("site.yaml")));
    }

    interface Setup { void apply(TestSite t) throws Exception; }

    static Arguments c(String name, Setup setup, int exit, String file, int line, String rule, String text) {
        return Arguments.of(name, setup, exit, file, line, rule, text);
    }

    static Setup page(String body) {
        return t -> t.write("pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nbody: |\n" + body.indent(2));
    }

    static Setup link(String rel, String target) {
        return t -> {
            Path l = t.content.resolve(rel);
            Files.createDirectories(l.getParent());
            Files.deleteIfExists(l);
            Files.createSymbolicLink(l, outside.resolve(target));
        };
    }

    static Setup bytes(String rel, byte[] b) {
        return t -> {
            Files.createDirectories(t.content.resolve(rel).getParent());
            Files.write(t.content.resolve(rel), b);
        };
    }

    static byte[] latin1(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    static Setup both(Setup a, Setup b) { return t -> { a.apply(t); b.apply(t); }; }

    static final String OUT = "security/outside-content", RAW = "security/raw-html", URL = "security/unsafe-url";
    static final String SETUP = "pages/admin/setup.yaml";

    static Stream<Arguments> cases() {
        return Stream.of(
                // Confinement: symbolic links and paths out of content/
                c("include linked outside", both(link("partials/leak.adoc", "passwd"), page("Text.\n\ninclude::../../partials/leak.adoc[]")), 1, SETUP, 7, OUT, "resolves outside"),
                c("asset linked outside", link("pages/admin/environ.txt", "passwd"), 1, "pages/admin/environ.txt", 1, OUT, "resolves outside"),
                c("page linked from outside", link("pages/admin/outside.yaml", "page.yaml"), 1, "pages/admin/outside.yaml", 1, OUT, "resolves outside"),
                c("catalog linked from outside", link("errors/outside.yaml", "catalog.yaml"), 1, "errors/outside.yaml", 1, OUT, "resolves outside"),
                c("schema linked from outside", link("schemas/x.schema.json", "x.schema.json"), 1, "schemas/x.schema.json", 1, OUT, "resolves outside"),
                c("site.yaml linked from outside", link("site.yaml", "site.yaml"), 1, "site.yaml", 1, OUT, "resolves outside"),
                c("include through a folder linked outside", both(t -> Files.createSymbolicLink(t.content.resolve("pages/admin/etc"), outside), page("include::etc/passwd[]")), 1, SETUP, 5, OUT, "resolves outside"),
                c("include of an absolute path", page("Text.\ninclude::/etc/passwd[]"), 1, SETUP, 6, OUT, "must stay inside the content folder"),
                c("include climbing out with ..", page("include::../../../../../../etc/passwd[]"), 1, SETUP, 5, OUT, "must stay inside the content folder"),
                c("include of a URL", page("include::https://example.com/x.adoc[]"), 1, SETUP, 5, OUT, "must stay inside the content folder"),
                // Raw HTML
                c("passthrough block with a script", page("Intro.\n\n++++\n<script>alert(1)</script>\n++++"), 1, SETUP, 7, RAW, "passthrough block refused"),
                c("pass:[] with an onerror image", page("Text pass:[<img src=x onerror=alert(1)>] here."), 1, SETUP, 5, RAW, "inline passthrough"),
                c("pass:q[] still raw", page("A\n\nText pass:q[<b onclick=x>b</b>]."), 1, SETUP, 7, RAW, "inline passthrough"),
                c("triple-plus inline passthrough", page("A\n+++<iframe src=//evil></iframe>+++"), 1, SETUP, 6, RAW, "inline passthrough"),
                c("[pass] paragraph", page("Intro.\n\n[pass]\n<svg onload=alert(1)>"), 1, SETUP, 8, RAW, "passthrough block refused"),
                c("included file with pass:[]", both(t -> t.write("partials/raw.adoc", "pass:[<script>x</script>]\n"), page("A\n\ninclude::../../partials/raw.adoc[]")), 1, SETUP, 7, RAW, "included file"),
                // URL policy
                c("link:javascript:", page("Click link:javascript:alert(1)[here]."), 1, SETUP, 5, URL, "javascript: URL refused in a link"),
                c("image::javascript:", page("Text.\n\nimage::javascript:alert(1)[x]"), 1, SETUP, 7, URL, "javascript: URL refused in an image"),
                c("JavaScript: in capitals", page("Click link:JavaScript:alert(1)[here]."), 1, SETUP, 5, URL, "javascript: URL refused"),
                c("vbscript: link", page("A\nlink:vbscript:msgbox(1)[x]"), 1, SETUP, 6, URL, "vbscript: URL refused"),
                c("data:text/html link", page("link:data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==[x]"), 1, SETUP, 5, URL, "data: URL refused in a link"),
                c("data: SVG image", page("A\n\nimage::data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=[x]"), 1, SETUP, 7, URL, "data: URL refused in an image"),
                c("javascript: hidden in a passthrough link target", page("link:++javascript:alert(1)++[x]"), 1, SETUP, 5, URL, "javascript: URL refused"),
                c("base_url javascript:", t -> t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("https://docs.example.com/test/", "'javascript:alert(1)//'")),
                        1, "site.yaml", 2, "content/field-value", "base_url 'javascript:alert(1)//' is not an http(s) address"),
                c("base_url ftp:", t -> t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("https://docs.example.com/test/", "ftp://docs.example.com/")),
                        1, "site.yaml", 2, "content/field-value", "is not an http(s) address"),
                c("allow_raw_html not a boolean", t -> t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")) + "allow_raw_html: sometimes\n"),
                        1, "site.yaml", 14, "content/field-type", "allow_raw_html"),
                // Encoding
                c("Latin-1 page", bytes(SETUP, latin1("title: Set up\naudience: admin\nsummary: Café\nbody: |\n  Text.\n")), 1, SETUP, 3, "content/encoding", "byte 0xE9"),
                c("Latin-1 catalog", bytes("errors/sign-in.yaml", latin1("title: Sign-in errors\n# Fehlermeldungen für Anmeldung\nerrors: []\n")), 1, "errors/sign-in.yaml", 2, "content/encoding", "not UTF-8"),
                c("Latin-1 site.yaml", bytes("site.yaml", latin1("title: Docs née\n")), 1, "site.yaml", 1, "content/encoding", "not UTF-8"),
                c("Latin-1 include", both(bytes("partials/l1.adoc", latin1("ok\nCafé\n")), page("A\ninclude::../../partials/l1.adoc[]")), 1, SETUP, 6, "content/encoding", "not UTF-8"),
                c("Latin-1 schema", bytes("schemas/cfg.schema.json", latin1("{\"title\": \"Schéma\", \"type\": \"object\"}")), 1, "schemas/cfg.schema.json", 1, "content/encoding", "not UTF-8"),
                // YAML anchors and aliases are refused
                c("YAML alias in a page", t -> t.write(SETUP, "title: &t Set up\naudience: admin\nsummary: *t\nbody: |\n  Text.\n"), 1, SETUP, 3, "yaml", "YAML alias '*t' is not supported"),
                c("YAML merge key in a catalog", t -> t.write("errors/sign-in.yaml", "title: E\nbase: &b\n  layer: server\nerrors:\n  - <<: *b\n    id: x\n"), 1, "errors/sign-in.yaml", 5, "yaml", "is not supported"),
                // Size: SnakeYAML's 3 Mi code-point limit is a YAML error at the file, not a crash
                c("page over 3 Mi code points", t -> t.write(SETUP, "title: Set up\naudience: admin\nsummary: S\nbody: |\n" + "  0123456789012345678901234567890123456789\n".repeat(80_000)),
                        1, SETUP, 0, "yaml", "code points"),
                // Asciidoctor reading files itself
                c(":data-uri: embedding a file of the working folder", page(":data-uri:\n\nimage::docs/screenshots/home.png[x]"), 1, SETUP, 7, "link/missing-file", "home.png"),
                // External link settings are validated
                c("links deadline out of range", t -> t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")) + "links:\n  deadline_seconds: 0\n"), 1, "site.yaml", 15, "content/field-value", "deadline_seconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesAtFileAndLineAndLeavesTheSiteAlone(String name, Setup setup, int exit, String file, int line, String rule, String text,
                                                    @TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        Matrix.copyTree(shared.resolve("good/site"), t.out);
        setup.apply(t);
        TestSite.Run r = t.run("build");
        assertEquals(exit, r.exit(), name + ": " + r.err());
        Matrix.assertNoStackTrace(r.err());
        assertFalse(r.err().contains("SECRET"), "the outside file's text leaked into the messages:\n" + r.err());
        Pattern p = Pattern.compile("^(\\S*" + Pattern.quote(file) + "):(\\d+)(?::\\d+)?: error (\\S+): (.*)$", Pattern.MULTILINE);
        Matcher m = p.matcher(r.err());
        boolean found = false;
        while (m.find())
            if ((line == 0 || Integer.parseInt(m.group(2)) == line) && m.group(3).startsWith(rule) && m.group(4).contains(text)) found = true;
        assertTrue(found, name + ": expected '" + file + ":" + line + ": error " + rule + ": …" + text + "…' in:\n" + r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out), name + ": the previous site must be left byte for byte");
    }
}
