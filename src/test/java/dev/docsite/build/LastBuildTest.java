package dev.docsite.build;

import dev.docsite.TestSite;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A rebuild with nothing changed is answered from the record of the last build, with the same findings and
 * the site untouched; any change to what a build reads or to what it wrote makes it build again.
 */
class LastBuildTest {
    private static final String SKIPPED = "nothing changed since the last build";

    /** The valid test site with one warning (an attribute that is not set), so replayed findings can be seen. */
    private static TestSite site(Path tmp) {
        TestSite t = TestSite.valid(tmp);
        try {
            String page = Files.readString(t.content.resolve("pages/admin/new-thing.yaml"));
            t.write("pages/admin/new-thing.yaml", page.replace("  Text.", "  Set {no-such-attribute} first."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return t;
    }

    @Test void aRebuildWithNothingChangedReplaysTheFindingsAndLeavesTheSiteAlone(@TempDir Path tmp) throws Exception {
        TestSite t = site(tmp);
        TestSite.Run first = t.run("build");
        assertEquals(0, first.exit(), first.err());
        assertFalse(first.out().contains(SKIPPED), first.out());
        assertTrue(first.err().contains("pages/admin/new-thing.yaml:8: warning"), "the warning at its line: " + first.err());
        Map<String, String> built = TestSite.snapshot(t.out);
        FileTime written = Files.getLastModifiedTime(t.out.resolve("2.0/index.html"));

        TestSite.Run second = t.run("build");
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("Built 9 pages in 2 versions into " + t.out + " (" + SKIPPED + ")"), second.out());
        assertEquals(first.err(), second.err(), "the same findings, printed the same way");
        assertEquals(built, TestSite.snapshot(t.out));
        assertEquals(written, Files.getLastModifiedTime(t.out.resolve("2.0/index.html")), "nothing was rewritten");

        // A file whose time moved but whose bytes did not (a checkout, touch) is confirmed by its hash.
        Path page = t.content.resolve("pages/admin/setup.yaml");
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 60_000));
        assertTrue(t.run("build").out().contains(SKIPPED));
    }

    /**
     * A build after a change parses only the page files that changed: the others come from the last build's saved
     * parse, which is used only while the page's file and site.yaml keep their bytes. A title planted in the saved
     * parse shows which one a build used.
     */
    @Test void unchangedPageFilesKeepTheLastBuildsParse(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());
        Path saved = savedParse(tmp);
        String parse = Files.readString(saved);
        assertTrue(parse.contains("\"title\":\"Set up\""), parse);
        Files.writeString(saved, parse.replace("\"title\":\"Set up\"", "\"title\":\"Planted title\""));

        t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("sign in again", "sign in once more"));
        assertEquals(0, t.run("build").exit());
        assertTrue(t.read("2.0/admin/setup.html").contains("Planted title"), "the unchanged page came from the saved parse");
        assertTrue(t.read("2.0/end-user/start.html").contains("sign in once more"), "the changed page was parsed");

        Files.writeString(saved, Files.readString(saved).replace("\"title\":\"Set up\"", "\"title\":\"Planted title\""));
        t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("title: Test Docs", "title: Test Docs 2"));
        assertEquals(0, t.run("build").exit());
        assertFalse(t.read("2.0/admin/setup.html").contains("Planted title"), "a changed site.yaml parses every page again");

        Files.writeString(saved, Files.readString(saved).replace("\"title\":\"Set up\"", "\"title\":\"Planted title\""));
        t.write("pages/admin/setup.yaml", Files.readString(t.content.resolve("pages/admin/setup.yaml")).replace("How to set it up.", "How to set it up now."));
        assertEquals(0, t.run("build").exit());
        assertFalse(t.read("2.0/admin/setup.html").contains("Planted title"), "a changed page file is parsed again");
        assertTrue(t.read("2.0/admin/setup.html").contains("How to set it up now."));

        Files.writeString(saved, "{ damaged");
        t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("once more", "twice"));
        TestSite.Run damaged = t.run("build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertTrue(t.read("2.0/admin/setup.html").contains("Set up"));

        // The saved parse is a file in the cache: a page id in it that its path does not give never becomes an output path.
        String fresh = Files.readString(saved);
        assertTrue(fresh.contains("\"id\":\"admin/setup\""), fresh);
        Files.writeString(saved, fresh.replace("\"id\":\"admin/setup\"", "\"id\":\"../../escaped\""));
        t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("twice", "three times"));
        TestSite.Run planted = t.run("build");
        assertEquals(0, planted.exit(), planted.err());
        assertFalse(Files.exists(tmp.resolve("escaped.html")), "nothing written outside the site");
        assertTrue(t.read("2.0/admin/setup.html").contains("Set up"), "the page parsed from its file");
    }

    /**
     * An unchanged page takes its render cache key from the saved parse instead of hashing its body again, as long
     * as the render inputs of its version (catalogs, schemas, attributes) are the ones the key was made with.
     */
    @Test void unchangedPagesKeepTheirRenderKeysWhileTheRenderInputsAreTheSame(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        assertEquals(0, t.run("build").exit());
        Path saved = savedParse(tmp);
        // The "why" page is planted with the key of "new thing" in 2.0: only a build that reads keys from the file
        // shows new thing's render under why's title.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.Consumer<Path> plant = f -> {
            try {
                var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(f.toFile());
                var pages = root.get("pages");
                var why = (com.fasterxml.jackson.databind.node.ObjectNode) pages.get("pages/decision-maker/why.yaml").get("keys");
                var newThing = pages.get("pages/admin/new-thing.yaml").get("keys");
                String label = null;
                for (var names = why.fieldNames(); names.hasNext(); ) {
                    String l = names.next();
                    if (l.startsWith("2.0\0")) label = l;
                }
                assertNotNull(label, why.toString());
                assertTrue(newThing.has(label), newThing.toString());
                why.put(label, newThing.get(label).asText());
                json.writeValue(f.toFile(), root);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        plant.accept(saved);
        t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("sign in again", "sign in once more"));
        assertEquals(0, t.run("build").exit());
        assertTrue(t.read("2.0/decision-maker/why.html").contains("What is new"), "the unchanged page's key came from the saved parse");

        plant.accept(saved);
        t.write("errors/sign-in.yaml", Files.readString(t.content.resolve("errors/sign-in.yaml")).replace("The token is too old.", "The token is old."));
        assertEquals(0, t.run("build").exit());
        String why = t.read("2.0/decision-maker/why.html");
        assertFalse(why.contains("What is new"), "a catalog changed: keys are made again");
        assertTrue(why.contains("Reasons"), why);
    }

    /** The saved parse of the pages beside the record of the test site's last build. */
    private static Path savedParse(Path tmp) throws java.io.IOException {
        try (var files = Files.list(tmp.resolve("cache/builds"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pages.json")).findFirst().orElseThrow();
        }
    }

    @Test void anyChangeToTheInputsBuildsAgain(@TempDir Path tmp) throws Exception {
        TestSite t = site(tmp);
        assertEquals(0, t.run("build").exit());

        t.write("pages/end-user/start.yaml", Files.readString(t.content.resolve("pages/end-user/start.yaml")).replace("sign in again", "sign in once more"));
        TestSite.Run edited = t.run("build");
        assertTrue(edited.out().contains("(1 rendered, 8 reused)"), "the edited page is rendered again: " + edited.out());
        assertTrue(t.read("2.0/end-user/start.html").contains("sign in once more"));
        assertTrue(t.run("build").out().contains(SKIPPED));

        // A file with the same size and a new text: only the hash can tell.
        String text = Files.readString(t.content.resolve("pages/end-user/start.yaml"));
        t.write("pages/end-user/start.yaml", text.replace("once more", "ONCE MORE"));
        assertEquals(text.length(), Files.size(t.content.resolve("pages/end-user/start.yaml")));
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertTrue(t.read("2.0/end-user/start.html").contains("ONCE MORE"));

        // A new file, a removed one.
        t.write("pages/end-user/more.yaml", "title: More\naudience: end-user\nsummary: More.\nbody: |\n  Text.\n");
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertTrue(Files.exists(t.out.resolve("2.0/end-user/more.html")));
        Files.delete(t.content.resolve("pages/end-user/more.yaml"));
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertFalse(Files.exists(t.out.resolve("2.0/end-user/more.html")));

        // Other options: another version alone, no cache.
        assertFalse(t.run("build", "--only", "1.0").out().contains(SKIPPED));
        assertTrue(t.run("build", "--only", "1.0").out().contains(SKIPPED));
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertFalse(t.run("build", "--no-cache").out().contains(SKIPPED));
    }

    @Test void aSiteChangedByHandIsBuiltAgain(@TempDir Path tmp) throws Exception {
        TestSite t = site(tmp);
        assertEquals(0, t.run("build").exit());
        Map<String, String> built = TestSite.snapshot(t.out);

        Files.delete(t.out.resolve("2.0/admin/setup.html"));
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertEquals(built, TestSite.snapshot(t.out));

        Files.writeString(t.out.resolve("2.0/stray.html"), "not from a build");
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertEquals(built, TestSite.snapshot(t.out));

        Files.writeString(t.out.resolve("2.0/admin/setup.html"), "edited by hand");
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertEquals(built, TestSite.snapshot(t.out));

        // Previews live inside the site but are not the build's: adding one changes nothing.
        Files.createDirectories(t.out.resolve("preview/abc"));
        Files.writeString(t.out.resolve("preview/abc/index.html"), "a preview");
        assertTrue(t.run("build").out().contains(SKIPPED));

        // A damaged record is ignored.
        try (var s = Files.walk(tmp.resolve("cache/builds"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.writeString(f, "{not json");
        }
        assertFalse(t.run("build").out().contains(SKIPPED));
        assertTrue(t.run("build").out().contains(SKIPPED));
    }

    @Test void aCacheOrSiteKeptInsideTheContentFolderIsNotAnInput(@TempDir Path tmp) {
        TestSite t = site(tmp);
        String[] args = {"build", "--content", t.content.toString(), "--out", t.content.resolve("site").toString(),
                "--templates", Path.of("templates").toAbsolutePath().toString(), "--cache", t.content.resolve(".docsite-cache").toString()};
        java.io.StringWriter first = new java.io.StringWriter(), second = new java.io.StringWriter();
        assertEquals(0, dev.docsite.cli.Main.run(new java.io.PrintWriter(first, true), new java.io.PrintWriter(new java.io.StringWriter()), args));
        assertEquals(0, dev.docsite.cli.Main.run(new java.io.PrintWriter(second, true), new java.io.PrintWriter(new java.io.StringWriter()), args));
        assertTrue(second.toString().contains(SKIPPED), second.toString());
    }

    @Test void aNewCommitBuildsAgainBecauseLastUpdatedDatesComeFromIt(@TempDir Path tmp) throws Exception {
        TestSite t = site(tmp);
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("content").call();
            git.commit().setMessage("first").setAuthor("A", "a@example.com").setCommitter("A", "a@example.com").call();
            assertEquals(0, t.run("build").exit());
            assertTrue(t.run("build").out().contains(SKIPPED));

            // An empty commit changes no file, but it is the newest commit: nothing may be reused blindly.
            git.commit().setMessage("second").setAllowEmpty(true).setAuthor("A", "a@example.com").setCommitter("A", "a@example.com").call();
            assertFalse(t.run("build").out().contains(SKIPPED));
            assertTrue(t.run("build").out().contains(SKIPPED));

            // A new branch is a ref a version could name.
            git.branchCreate().setName("release-1").call();
            assertFalse(t.run("build").out().contains(SKIPPED));
        }
    }

    @Test void aFailedBuildIsNeverRecorded(@TempDir Path tmp) throws Exception {
        TestSite t = site(tmp);
        assertEquals(0, t.run("build").exit());
        String good = Files.readString(t.content.resolve("pages/admin/setup.yaml"));
        t.write("pages/admin/setup.yaml", good.replace("end-user/start.adoc#sign-in", "end-user/gone.adoc"));
        assertEquals(1, t.run("build").exit());
        assertEquals(1, t.run("build").exit(), "the broken content fails every time, never skipped");
        t.write("pages/admin/setup.yaml", good);
        TestSite.Run back = t.run("build");
        assertEquals(0, back.exit());
        assertTrue(back.out().contains(SKIPPED), "back to the inputs of the published site: " + back.out());
    }
}
