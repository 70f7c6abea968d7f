package dev.docsite.content;

import dev.docsite.Fixture;
import dev.docsite.rules.ContentRules;
import dev.docsite.rules.SecurityRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a load returns when files are wrong: every problem, the broken files left out and named. */
class ContentSetTest {
    @TempDir Path dir;

    private static List<String> rules(List<Problem> ps) { return ps.stream().map(Problem::rule).toList(); }

    @Test void aPageOrCatalogWithAProblemIsLeftOutAndNamedBrokenWhileTheRestLoads() throws Exception {
        Path c = Fixture.clean(dir);
        // Both files parse into a whole page and catalog; only a value is wrong.
        Fixture.write(c, "pages/admin/wrong.yml", """
                title: Wrong audience
                audience: admn
                summary: A typo in the audience.
                body: |
                  Text.
                """);
        Fixture.edit(c, "errors/sign-in.yaml", "    http: 409\n", "    http: 999\n");
        ContentSet set = ContentLoader.loadAll(new DirectorySource(c));
        assertEquals(2, set.problems().size(), set.problems().toString());
        assertTrue(set.problems().get(0).message().contains("did you mean 'admin'") || set.problems().get(1).message().contains("did you mean 'admin'"),
                set.problems().toString());
        assertTrue(set.page("admin/wrong").isEmpty(), "a page with a problem is not built");
        assertTrue(set.isBrokenPage("admin/wrong"), "and is known as broken (.yml)");
        assertFalse(set.isBrokenPage("admin/troubleshoot"));
        assertTrue(set.page("admin/troubleshoot").isPresent());
        assertTrue(set.hasBrokenCatalog());
        assertTrue(set.catalog("sign-in").isEmpty() && set.catalog("config").isPresent());
        assertTrue(set.error("api.user.login.token_expired.app_error").isEmpty(), "ids of the broken catalog are unknown");
        assertEquals("config", set.catalog("config").orElseThrow().id());
        assertEquals("Client ID is not a UUID", set.error("model.config.is_valid.client_id.app_error").orElseThrow().scenario());

        ContentException strict = assertThrows(ContentException.class, () -> ContentLoader.load(new DirectorySource(c)));
        assertEquals(set.problems(), strict.problems(), "load throws with the same problems");
        assertEquals("2 problems in the content", strict.getMessage());
    }

    @Test void aCleanSetHasNoBrokenFiles() throws Exception {
        ContentSet set = ContentLoader.loadAll(new DirectorySource(Fixture.clean(dir)));
        assertEquals(List.of(), set.problems());
        assertFalse(set.hasBrokenCatalog());
        assertFalse(set.isBrokenPage("admin/troubleshoot"));
        assertTrue(set.error("no.such.id").isEmpty());
        assertTrue(set.catalog("no-such-catalog").isEmpty());
    }

    @Test void anUnusableSiteYamlFailsLoadAll() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "site.yaml", "title: [unclosed\n");
        ContentException e = assertThrows(ContentException.class, () -> ContentLoader.loadAll(new DirectorySource(c)));
        assertEquals(List.of(ContentRules.YAML.id()), rules(e.problems()), e.problems().toString());
    }

    @Test void aLinkLeadingOutOfTheFolderIsReportedAtItsFileAndNeverCopied() throws Exception {
        Path c = Fixture.clean(dir);
        Path outside = Fixture.write(dir, "elsewhere/secret.png", "secret");
        Files.createSymbolicLink(c.resolve("pages/admin/secret.png"), outside);
        ContentSet set = ContentLoader.loadAll(new DirectorySource(c));
        assertEquals(List.of(SecurityRules.OUTSIDE_CONTENT.id()), rules(set.problems()), set.problems().toString());
        Problem p = set.problems().get(0);
        assertTrue(p.message().startsWith("'pages/admin/secret.png' resolves outside "), p.message());
        assertEquals(c.resolve("pages/admin/secret.png").toAbsolutePath().normalize().toString(), p.pos().file());
        assertTrue(set.brokenFiles().contains("pages/admin/secret.png"), "never copied");
    }

    @Test void aFileThatIsNotUtf8IsReportedAtTheLineOfItsFirstBadByte() throws Exception {
        Path c = Fixture.clean(dir);
        Path page = c.resolve("pages/admin/latin.yaml");
        Files.write(page, "title: Latin\naudience: admin\nsummary: Old file.\nbody: |\n  Caf\u00e9.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ContentSet set = ContentLoader.loadAll(new DirectorySource(c));
        assertEquals(List.of(ContentRules.ENCODING.id()), rules(set.problems()), set.problems().toString());
        Problem p = set.problems().get(0);
        assertEquals(page.toAbsolutePath().normalize().toString(), p.pos().file());
        assertEquals(5, p.pos().line());
        assertTrue(p.message().startsWith("the file is not UTF-8: byte 0xE9 at offset "), p.message());
        assertTrue(set.isBrokenPage("admin/latin"));
    }

    @Test void aReloadKeepsTheParseOfUntouchedPagesAndReadsTheChangedOnes() throws Exception {
        Path c = Fixture.clean(dir);
        ContentSet before = ContentLoader.load(new DirectorySource(c));
        Fixture.edit(c, "pages/end-user/messages.yaml", "title: Messages you may see", "title: Messages");
        Fixture.write(c, "pages/admin/new.yaml", "title: New\naudience: admin\nsummary: New page.\nbody: |\n  Text.\n");
        ContentSet after = ContentLoader.reload(before, Set.of("pages/end-user/messages.yaml", "pages/admin/new.yaml"));
        assertSame(before.page("admin/troubleshoot").orElseThrow(), after.page("admin/troubleshoot").orElseThrow());
        assertNotSame(before.page("end-user/messages").orElseThrow(), after.page("end-user/messages").orElseThrow());
        assertEquals("Messages", after.page("end-user/messages").orElseThrow().title());
        assertEquals(List.of("admin/new", "admin/troubleshoot", "end-user/messages"), after.pages().stream().map(Page::id).toList());

        Files.delete(c.resolve("pages/admin/new.yaml"));
        ContentSet removed = ContentLoader.reload(after, Set.of("pages/admin/new.yaml"));
        assertEquals(List.of("admin/troubleshoot", "end-user/messages"), removed.pages().stream().map(Page::id).toList());

        Fixture.edit(c, "pages/end-user/messages.yaml", "title: Messages", "title: [broken");
        ContentException e = assertThrows(ContentException.class, () -> ContentLoader.reload(removed, Set.of("pages/end-user/messages.yaml")));
        assertEquals(List.of(ContentRules.YAML.id()), rules(e.problems()));
    }
}
