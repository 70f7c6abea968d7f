package dev.docsite.cli;

import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

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

        List<String> written;
        try (var files = Files.walk(demo)) {
            written = files.filter(Files::isRegularFile).map(f -> demo.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }

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

        // What the build leaves (site, cache, the output's lock file) stays out of git: the writer's first
        // `git add .` takes only what init wrote.
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(demo.toFile()).call()) {
            assertTrue(Files.exists(demo.resolve(".site.lock")), "the build kept its lock file beside site/");
            assertEquals(written, new java.util.TreeSet<>(git.status().call().getUntracked()).stream().toList());
        }
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

    @Test void anIfevalAgainstAnUndeclaredVersionIsAWarningAtItsLine() throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, Fixture.main("init", demo.toString(), "--quiet").exitCode());
        Path c = demo.resolve("content");
        Fixture.edit(c, "pages/end-user/sign-in.yaml", "  . Open the app.\n",
                "  ifeval::[\"{docsite-version}\" == \"1.0\"]\n  Version one.\n  endif::[]\n  ifeval::[\"{docsite-version}\" == \"10\"]\n  A typo.\n  endif::[]\n  . Open the app.\n");
        Fixture.Run check = inProject(demo, "check");
        assertEquals(0, check.exitCode(), check.out());
        Path page = c.resolve("pages/end-user/sign-in.yaml");
        assertTrue(check.out().contains(Fixture.at(page, "ifeval::[\"{docsite-version}\" == \"10\"]")
                + ": warning asciidoc/unknown-version-compare: ifeval compares {docsite-version} with \"10\", which site.yaml does not declare (expected one of 1.0)"), check.out());
        assertTrue(check.out().contains("0 errors, 1 warning"), check.out());
        assertEquals(1, inProject(demo, "check", "--fail-level", "warning").exitCode());
    }

    /** Cutting a version in a pull request: the review summary shows it as one entry with the pages that differ. */
    @Test void aNewVersionIsOneEntryInThePreviewSummary() throws Exception {
        Path demo = dir.resolve("demo");
        assertEquals(0, Fixture.main("init", demo.toString(), "--quiet").exitCode());
        PersonIdent who = new PersonIdent("Writer", "writer@example.com", java.time.Instant.parse("2026-01-05T10:00:00Z"), java.time.ZoneOffset.UTC);
        RevCommit head;
        try (Git git = Git.init().setDirectory(demo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("docs").setAuthor(who).setCommitter(who).call();
            assertEquals(0, Fixture.main("version", "add", "1.1", "--content", demo.resolve("content").toString(), "-q").exitCode());
            Fixture.write(demo.resolve("content"), "pages/end-user/sign-out.yaml",
                    "title: Sign out\naudience: end-user\nsummary: How to sign out.\nsince: \"1.1\"\nbody: |\n  == Sign out\n\n  Tap *Sign out*.\n");
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("Version 1.1").setAuthor(who).setCommitter(who).call();
        }
        Path summary = demo.resolve("preview.md");
        Fixture.Run r = inProject(demo, "preview", head.name(), "--summary", summary.toString(), "--out", demo.resolve("site").toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(summary);
        assertTrue(md.contains("1 new version**"), md);
        assertTrue(md.contains("### New versions\n\n- **[1.1]("), md);
        assertTrue(md.contains(": 4 pages; 1 differ from 1.0:\n  - New: [Sign out]("), md);
        assertFalse(md.contains("**Added:**"), "no Added line per page:\n" + md);
    }
}
