package dev.docsite.cli;

import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docsite init: a project that builds and checks clean with the built-in theme; version add on it. */
class InitCommandTest {
    @TempDir Path dir;

    static Fixture.Run inProject(Path project, String... args) {
        List<String> a = new java.util.ArrayList<>(List.of(args));
        a.addAll(List.of("--content", project.resolve("content").toString(), "--cache", project.resolve(".docsite-cache").toString()));
        if (args[0].equals("build")) a.addAll(List.of("--out", project.resolve("site").toString()));
        return Fixture.main(a.toArray(String[]::new));
    }

    @Test void initProjectBuildsAndChecksCleanWithTheBuiltInTheme() throws Exception {
        Path demo = dir.resolve("demo");
        Fixture.Run init = Fixture.main("init", demo.toString(), "--title", "Acme \"Rocket\" Docs: a guide", "--version", "2.1");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("docsite build"), init.out());
        for (String f : List.of("content/site.yaml", "content/pages/admin/setup.yaml", "content/pages/end-user/sign-in.yaml",
                "content/pages/decision-maker/overview.yaml", "content/errors/sign-in.yaml", "content/schemas/sign-in-settings.schema.json",
                ".gitignore", ".github/workflows/docs.yml", ".gitlab-ci.yml", "README.md"))
            assertTrue(Files.isRegularFile(demo.resolve(f)), f);
        assertFalse(Files.exists(demo.resolve("templates")));
        assertTrue(Files.readString(demo.resolve(".gitignore")).contains(".docsite-cache"));
        assertFalse(Files.readString(demo.resolve(".github/workflows/docs.yml")).contains("@DOCSITE_REF@"));

        Fixture.Run build = inProject(demo, "build", "--no-cache");
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        Path site = demo.resolve("site");
        String admin = Files.readString(site.resolve("2.1/admin/setup.html"));
        assertTrue(admin.contains("Acme &quot;Rocket&quot; Docs: a guide") || admin.contains("Acme \"Rocket\" Docs: a guide"), "title missing");
        assertTrue(admin.contains("id=\"err-api-user-login-invalid_credentials-app_error\""), "admin error table");
        assertTrue(Files.readString(site.resolve("2.1/end-user/sign-in.html")).contains("href=\"../admin/setup.html\""), "xref between audiences");
        // The built-in theme's assets, byte for byte the repository's templates/assets.
        assertEquals(Files.readString(Path.of("templates/assets/docsite.css")), Files.readString(site.resolve("_/docsite.css")));

        Fixture.Run check = inProject(demo, "check", "--fail-level", "warning");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().startsWith("0 errors, 0 warnings in 3 pages of 1 version"), check.out());
    }

    @Test void initRefusesAFolderThatIsNotEmptyUnlessForced() throws Exception {
        Path d = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(d.resolve("notes.txt"), "mine");
        Fixture.Run refused = Fixture.main("init", d.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("not empty") && refused.err().contains("--force"), refused.err());
        assertFalse(Files.exists(d.resolve("content")));
        Fixture.Run forced = Fixture.main("init", d.toString(), "--force", "--quiet");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("", forced.out());
        assertEquals("mine", Files.readString(d.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(d.resolve("content/site.yaml")));
        assertEquals(2, Fixture.main("init", dir.resolve("x").toString(), "--version", "1 0").exitCode());
    }

    @Test void versionAddInsertsAtTheTopKeepingCommentsAndTheProjectStillChecksClean() throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, Fixture.main("init", demo.toString(), "--quiet").exitCode());
        Path siteYaml = demo.resolve("content/site.yaml");
        String before = Files.readString(siteYaml);
        Fixture.Run add = Fixture.main("version", "add", "1.1", "--content", demo.resolve("content").toString());
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("since: \"1.1\"") && add.out().contains("until: \"1.0\""), add.out());
        String after = Files.readString(siteYaml);
        assertEquals(before.replace("  - name: \"1.0\"\n", "  - name: \"1.1\"\n  - name: \"1.0\"\n"), after);
        assertTrue(after.contains("# Add a version with"), "comments kept");

        Fixture.Run again = Fixture.main("version", "add", "1.1", "--content", demo.resolve("content").toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("version 1.1 exists already"), again.err());
        assertEquals(after, Files.readString(siteYaml));

        Fixture.Run withRef = Fixture.main("version", "add", "2.0", "--ref", "v2.0", "--content", demo.resolve("content").toString(), "-q");
        assertEquals(0, withRef.exitCode(), withRef.err());
        assertTrue(Files.readString(siteYaml).contains("  - name: \"2.0\"\n    ref: \"v2.0\"\n  - name: \"1.1\"\n"), Files.readString(siteYaml));
        // Remove the ref version again (no git here) and check both work-tree versions.
        Files.writeString(siteYaml, after);
        Fixture.Run check = inProject(demo, "check", "--fail-level", "warning");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().startsWith("0 errors, 0 warnings in 6 pages of 2 versions"), check.out());

        assertEquals(2, Fixture.main("version", "add", "3.0", "--content", dir.resolve("none").toString()).exitCode());
    }
}
