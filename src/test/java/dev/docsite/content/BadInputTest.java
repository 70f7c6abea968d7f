package dev.docsite.content;

import dev.docsite.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input matrix: each mistake gives a one-line message naming file:line:column and what was
 * expected, exit code 1, no stack trace, and the previous site/ untouched.
 */
class BadInputTest {
    @TempDir static Path shared;
    static Map<String, String> goodSite;

    /** One good build whose output every bad build must leave alone. */
    @BeforeAll static void buildGoodSite() {
        TestSite t = TestSite.valid(shared);
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        goodSite = TestSite.snapshot(t.out);
        assertFalse(goodSite.isEmpty());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("yaml syntax", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: [unclosed\nbody: x\n",
                        // The bracket opened on line 3 is the mistake, though the parser notices only on line 4.
                        "pages/admin/setup.yaml", 3, "YAML syntax error"),
                Arguments.of("unknown key", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsumary: S\nbody: x\n",
                        "pages/admin/setup.yaml", 3, "unknown key 'sumary' in a page (did you mean 'summary'?)"),
                Arguments.of("missing required field", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nbody: x\n",
                        "pages/admin/setup.yaml", 1, "missing required field 'summary'"),
                Arguments.of("wrong type", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\norder: ten\nbody: x\n",
                        "pages/admin/setup.yaml", 4, "expected a whole number"),
                Arguments.of("wrong type (list)", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\naliases: admin/x\nbody: x\n",
                        "pages/admin/setup.yaml", 4, "expected a list of text"),
                Arguments.of("unknown audience", "pages/admin/setup.yaml", "title: Set up\naudience: admins\nsummary: S\nbody: x\n",
                        "pages/admin/setup.yaml", 2, "unknown audience 'admins': expected one of decision-maker, admin, end-user"),
                Arguments.of("duplicate page id", "pages/admin/setup.yml", "title: Set up again\naudience: admin\nsummary: S\nbody: x\n",
                        "pages/admin/setup.yml", 1, "duplicate page id 'admin/setup'"),
                Arguments.of("alias collides with a page", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\naliases: [admin/troubleshoot]\nbody: x\n",
                        "pages/admin/setup.yaml", 4, "alias 'admin/troubleshoot' collides with the page"),
                Arguments.of("since names an undeclared version", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nsince: \"3.0\"\nbody: x\n",
                        "pages/admin/setup.yaml", 4, "since names version '3.0', which site.yaml does not declare"),
                Arguments.of("until names an undeclared version", "pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nuntil: \"0.9\"\nbody: x\n",
                        "pages/admin/setup.yaml", 4, "until names version '0.9'"),
                Arguments.of("catalog enum", "errors/sign-in.yaml", "title: E\nerrors:\n  - id: ent.a.b.app_error\n    layer: server\n    http: 400\n    scenario: S\n    retry: twice\n    fallback: none\n    cause: C\n    resolution: R\n",
                        "errors/sign-in.yaml", 7, "field 'retry' in an error entry is 'twice': expected one of none, once"),
                Arguments.of("site.yaml unknown key", "site.yaml", "title: T\naudiences:\n  - id: admin\n    title: A\nversion:\n  - name: \"1\"\n",
                        "site.yaml", 5, "unknown key 'version' in site.yaml (did you mean 'versions'?)"),
                Arguments.of("schema json syntax", "schemas/cfg.schema.json", "{\"type\": \"object\",,}",
                        "schemas/cfg.schema.json", 1, "JSON syntax error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheMistakeAtItsLineAndLeavesTheSiteAlone(String name, String file, String text, String where, int line, String expected,
                                                         @TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        copyTree(shared.resolve("site"), t.out);
        t.write(file, text);
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), name + ": " + r.err());
        assertNoStackTrace(r.err());
        Pattern p = Pattern.compile("^(.*" + Pattern.quote(where) + "):(\\d+)(?::(\\d+))?: error [\\w/-]+: (.*)$", Pattern.MULTILINE);
        Matcher m = p.matcher(r.err());
        boolean found = false;
        while (m.find()) {
            if (Integer.parseInt(m.group(2)) == line && m.group(4).contains(expected)) found = true;
        }
        assertTrue(found, name + ": expected '" + where + ":" + line + ": … " + expected + "' in:\n" + r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out), "the previous site must be left byte for byte");
    }

    @Test void reportsEveryProblemOfARunNotOnlyTheFirst(@TempDir Path tmp) {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/setup.yaml", "titel: Set up\naudience: admins\nsummary: S\norder: x\nbody: x\n");
        t.write("pages/end-user/start.yaml", "title: Start\naudience: end-user\nbody: x\n");
        t.write("pages/admin/broken.yaml", "title: [\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit());
        assertNoStackTrace(r.err());
        for (String s : new String[]{"setup.yaml:1:1: error content/unknown-key: unknown key 'titel'", "setup.yaml:2:11: error content/field-value: unknown audience 'admins'",
                "setup.yaml:4:8: error content/field-type: field 'order'", "start.yaml:1:1: error content/missing-field: missing required field 'summary'",
                "broken.yaml:1:8: error yaml: YAML syntax error"})
            assertTrue(r.err().contains(s), "missing '" + s + "' in:\n" + r.err());
        assertTrue(r.err().contains("errors, 0 warnings"), r.err());
    }

    @Test void missingContentFolderIsAConfigurationError(@TempDir Path tmp) {
        TestSite t = new TestSite(tmp);
        TestSite.Run r = t.run("build");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("content folder not found"), r.err());
        assertNoStackTrace(r.err());
    }

    @Test void unknownOptionIsAUsageError(@TempDir Path tmp) {
        TestSite.Run r = TestSite.valid(tmp).run("build", "--frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("internal error"), "stack trace or crash in:\n" + err);
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(d);
                else Files.copy(p, d);
            }
        }
    }
}
