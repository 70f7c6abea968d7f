package dev.docsite.content;

import dev.docsite.Fixture;
import dev.docsite.rules.SecurityRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the content folder: only files inside it, whatever symbolic links say, dangling ones included. */
class DirectorySourceTest {
    @TempDir Path dir;

    @Test void aDanglingLinkOutOfTheFolderIsRefusedNotReportedMissing() throws Exception {
        Path c = Fixture.clean(dir);
        Files.createSymbolicLink(c.resolve("pages/admin/gone.adoc"), dir.resolve("elsewhere/gone.adoc"));   // no such file
        DirectorySource s = new DirectorySource(c);
        ContentReadException e = assertThrows(ContentReadException.class, () -> s.readBytes("pages/admin/gone.adoc"));
        assertEquals(SecurityRules.OUTSIDE_CONTENT.id(), e.rule());
        assertTrue(e.getMessage().startsWith("'pages/admin/gone.adoc' resolves outside "), e.getMessage());
        assertFalse(s.exists("pages/admin/gone.adoc"));
        assertFalse(s.list("pages", "").contains("pages/admin/gone.adoc"), "a dangling link is no file to list");
    }

    @Test void aDanglingLinkInsideTheFolderIsJustMissing() throws Exception {
        Path c = Fixture.clean(dir);
        Files.createSymbolicLink(c.resolve("pages/admin/later.adoc"), c.resolve("pages/admin/not-yet.adoc"));
        DirectorySource s = new DirectorySource(c);
        assertThrows(NoSuchFileException.class, () -> s.readBytes("pages/admin/later.adoc"));
        assertThrows(NoSuchFileException.class, () -> s.readBytes("pages/admin/never.adoc"));
    }

    @Test void linksInsideTheFolderAreReadAndLinksOutAreNot() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "snippets/a.adoc", "inside");
        Files.createSymbolicLink(c.resolve("pages/admin/a.adoc"), c.resolve("snippets/a.adoc"));
        Path secret = Fixture.write(dir, "secret.txt", "outside");
        Files.createSymbolicLink(c.resolve("pages/admin/b.adoc"), secret);
        DirectorySource s = new DirectorySource(c);
        assertArrayEquals("inside".getBytes(), s.readBytes("pages/admin/a.adoc"));
        assertThrows(ContentReadException.class, () -> s.readBytes("pages/admin/b.adoc"));
        assertThrows(ContentReadException.class, () -> s.checkInside("pages/admin/b.adoc"));
        assertThrows(ContentReadException.class, () -> s.read("../secret.txt"));
        assertEquals(List.of("pages/admin/a.adoc", "pages/admin/b.adoc"), s.list("pages", ".adoc"), "listed, so the load reports b");
        assertEquals(c.toAbsolutePath().normalize() + "/site.yaml", s.display("site.yaml"));
    }
}
