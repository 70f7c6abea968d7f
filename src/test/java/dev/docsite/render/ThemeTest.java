package dev.docsite.render;

import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in theme (templates/ packaged as theme/) and a project's templates/ overriding it file by file. */
class ThemeTest {
    @TempDir Path dir;

    @Test void theBuiltInThemeIsTheRepositorysTemplatesFolder() throws Exception {
        Map<String, Path> assets = Layout.builtIn().assets();
        assertTrue(assets.keySet().containsAll(java.util.List.of("docsite.css", "docsite.js", "search.js", "vendor/json-schema.min.js")), assets.keySet().toString());
        for (var e : assets.entrySet())
            assertEquals(Files.readString(Path.of("templates/assets").resolve(e.getKey())), Files.readString(e.getValue()), e.getKey());
        for (String t : java.util.List.of("page.ftlh", "home.ftlh", "audience.ftlh", "nav.ftlh", "_macros.ftlh", "404.ftlh", "redirect.ftlh"))
            assertEquals(Files.readString(Path.of("templates").resolve(t)), Files.readString(Layout.builtInTheme().resolve(t)), t);
    }

    /** A project replaces one layout and one asset and adds one; everything else comes from the built-in theme. */
    @Test void aProjectOverridesTheThemeFileByFile() throws Exception {
        Path c = Fixture.clean(dir.resolve("p"));
        Path templates = Files.createDirectories(dir.resolve("p/templates/assets"));
        Files.writeString(templates.resolve("docsite.css"), "body { color: rebeccapurple; }\n");
        Files.writeString(templates.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        String page = Files.readString(Path.of("templates/page.ftlh")).replace("<main", "<p class=\"project-banner\">Internal draft</p><main");
        assertTrue(page.contains("project-banner"));
        Files.writeString(dir.resolve("p/templates/page.ftlh"), page);
        Path out = dir.resolve("p/site");
        // No --templates: templates/ beside the content folder is found by itself.
        Fixture.Run r = Fixture.main("build", "--content", c.toString(), "--out", out.toString(), "--no-cache", "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("theme: " + dir.resolve("p/templates") + " over the built-in theme"), r.err());
        assertEquals("body { color: rebeccapurple; }\n", Files.readString(out.resolve("_/docsite.css")));
        assertTrue(Files.isRegularFile(out.resolve("_/logo.svg")));
        assertEquals(Files.readString(Path.of("templates/assets/docsite.js")), Files.readString(out.resolve("_/docsite.js")));
        String version = Files.list(out).map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d.*")).sorted().findFirst().orElseThrow();
        assertTrue(Files.readString(out.resolve(version + "/admin/troubleshoot.html")).contains("project-banner"), "page.ftlh from the project");
        assertFalse(Files.readString(out.resolve(version + "/index.html")).contains("project-banner"), "home.ftlh stays built in");
    }

    @Test void aMistakeInABuiltInOrProjectTemplateNamesItsFileAndLine() throws Exception {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/home.ftlh"), "<p>\n${nope.missing}\n");
        Layout l = new Layout(dir.resolve("t"));
        Layout.LayoutException e = org.junit.jupiter.api.Assertions.assertThrows(Layout.LayoutException.class, () -> l.render("home.ftlh", Map.of()));
        assertTrue(e.getMessage().startsWith(dir.resolve("t/home.ftlh") + ":2: template error"), e.getMessage());
        Layout.LayoutException builtIn = org.junit.jupiter.api.Assertions.assertThrows(Layout.LayoutException.class, () -> l.render("page.ftlh", Map.of()));
        assertTrue(builtIn.getMessage().startsWith("(built-in theme) theme/"), builtIn.getMessage());
    }
}
