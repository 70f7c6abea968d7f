package dev.docsite.security;

import dev.docsite.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Symbolic links out of content/ (or templates/) are refused at file:line with security/outside-content;
 * nothing of the file they point to reaches the site, and the previous site stays.
 */
class ConfinementTest {
    static final String SECRET = "root:x:0:0:SECRET-PASSWD-LINE";
    @TempDir static Path shared;
    static Map<String, String> goodSite;
    static Path secret;

    @BeforeAll static void buildGoodSite() throws Exception {
        TestSite t = TestSite.valid(shared.resolve("good"));
        assertEquals(0, t.run("build").exit());
        goodSite = TestSite.snapshot(t.out);
        secret = shared.resolve("outside/passwd");   // stands for /etc/passwd or /proc/self/environ
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, SECRET + "\n");
    }

    /** A fresh site whose site/ holds the good build. */
    static TestSite withGoodSite(Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        Matrix.copyTree(shared.resolve("good/site"), t.out);
        return t;
    }

    @Test void anIncludeLinkedOutsideIsRefusedAtTheIncludeLine(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Files.createDirectories(t.content.resolve("partials"));
        Files.createSymbolicLink(t.content.resolve("partials/leak.adoc"), secret);
        t.write("pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nbody: |\n  == Before you begin\n  Text.\n\n  include::../../partials/leak.adoc[]\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("pages/admin/setup.yaml:8: error security/outside-content: include of '../../partials/leak.adoc' refused: 'partials/leak.adoc' resolves outside "), r.err());
        Matrix.assertNoStackTrace(r.err());
        assertFalse(r.err().contains("SECRET"), r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
    }

    /** A link beside the pages is a file the site would publish: refused where it is, whoever includes it. */
    @Test void aLinkBesideThePagesIsRefusedEvenWhenIncluded(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Files.createSymbolicLink(t.content.resolve("pages/admin/leak.adoc"), secret);
        t.write("pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nbody: |\n  include::leak.adoc[]\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("pages/admin/leak.adoc:1: error security/outside-content: 'pages/admin/leak.adoc' resolves outside "), r.err());
        assertFalse(r.err().contains("SECRET"), r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
    }

    @Test void anAssetLinkedOutsideIsRefusedAndNotPublished(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Files.createSymbolicLink(t.content.resolve("pages/admin/environ.txt"), secret);
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("pages/admin/environ.txt:1: error security/outside-content: 'pages/admin/environ.txt' resolves outside "), r.err());
        Matrix.assertNoStackTrace(r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(t.content)).toList())
                assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("SECRET-PASSWD"), "leaked into " + f);
        }
    }

    @Test void aPageFileLinkedFromOutsideIsRefused(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Path page = shared.resolve("outside/page.yaml");
        Files.writeString(page, "title: Outside\naudience: admin\nsummary: S\nbody: |\n  Text from outside.\n");
        Files.createSymbolicLink(t.content.resolve("pages/admin/outside.yaml"), page);
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("pages/admin/outside.yaml:1: error security/outside-content: 'pages/admin/outside.yaml' resolves outside "), r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
    }

    @Test void aFolderLinkedOutsideCannotBeReachedThroughAnInclude(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Files.createSymbolicLink(t.content.resolve("pages/admin/etc"), secret.getParent());
        t.write("pages/admin/setup.yaml", "title: Set up\naudience: admin\nsummary: S\nbody: |\n  include::etc/passwd[]\n");
        TestSite.Run r = t.run("build");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("pages/admin/setup.yaml:5: error security/outside-content:"), r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
    }

    @Test void linksThatStayInsideStillWork(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/shared/note.adoc", "Shared note text.\n");
        Files.createSymbolicLink(t.content.resolve("pages/admin/note.adoc"), t.content.resolve("pages/admin/shared/note.adoc"));
        t.write("pages/admin/new-thing.yaml", "title: New thing\naudience: admin\nsummary: S\nbody: |\n  include::note.adoc[]\n");
        TestSite.Run r = t.run("build");
        assertEquals(0, r.exit(), r.err());
        assertTrue(t.read("2.0/admin/new-thing.html").contains("Shared note text."));
    }

    @Test void aTemplateLinkedOutsideIsRefused(@TempDir Path tmp) throws Exception {
        TestSite t = withGoodSite(tmp);
        Path templates = tmp.resolve("templates");
        Matrix.copyTree(Path.of("templates"), templates);
        Files.createSymbolicLink(templates.resolve("assets/passwd.txt"), secret);
        TestSite.Run r = Matrix.run(t, "build", "--templates", templates.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("assets/passwd.txt:1: error security/outside-content:"), r.err());
        Matrix.assertNoStackTrace(r.err());
        assertEquals(goodSite, TestSite.snapshot(t.out));
    }
}
