package dev.docsite.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hard-linked copy of a site (serve's rehearsed edit): the site's files are shared, never written through. */
class LinkedCopyTest {
    @Test void aCopySharesTheSitesFilesAndAWriteIntoItLeavesTheSiteAlone(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("1.0/admin"));
        Files.createDirectories(site.resolve(Publisher.PREVIEWS + "/pr-1"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("1.0/admin/setup.html"), "setup");
        Files.writeString(site.resolve(Publisher.PREVIEWS + "/pr-1/index.html"), "preview");
        Path copied;
        try (Publisher.LinkedCopy copy = Publisher.linkedCopy(site)) {
            copied = copy.dir();
            assertEquals(site.getParent(), copied.getParent(), "beside the site, where the next publisher sweeps what a crash leaves");
            assertTrue(copied.getFileName().toString().startsWith(".docsite-staging-site-"));
            assertTrue(Files.isSameFile(site.resolve("1.0/admin/setup.html"), copied.resolve("1.0/admin/setup.html")), "a link, not a copy");
            assertTrue(Files.isSameFile(site.resolve("index.html"), copied.resolve("index.html")));
            assertFalse(Files.exists(copied.resolve(Publisher.PREVIEWS)), "previews are not part of the site's build");

            // Written as serve writes: beside, then renamed into place.
            Path tmp = copied.resolve("1.0/admin/.tmp-setup.html");
            Files.writeString(tmp, "rehearsed");
            Files.move(tmp, copied.resolve("1.0/admin/setup.html"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertEquals("rehearsed", Files.readString(copied.resolve("1.0/admin/setup.html")));
            assertEquals("setup", Files.readString(site.resolve("1.0/admin/setup.html")));
        }
        assertFalse(Files.exists(copied), "removed on close");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("site"), left.map(p -> p.getFileName().toString()).toList());
        }
    }
}
