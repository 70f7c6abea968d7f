package dev.docsite.content;

import dev.docsite.Fixture;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content folder and the git repository around it, in a real repository made by JGit. */
class ContentRootTest {
    @TempDir Path dir;

    @Test void aFolderOutsideGitHasNoCommitsAndNoRevisions() throws Exception {
        Path c = Fixture.clean(dir);
        try (ContentRoot root = ContentRoot.of(c)) {
            assertTrue(root.exists());
            assertFalse(root.hasCommits());
            ContentException e = assertThrows(ContentException.class, () -> root.revision("HEAD"));
            assertTrue(e.getMessage().contains("is not inside a git repository"), e.getMessage());
        }
        assertFalse(ContentRoot.of(dir.resolve("missing")).exists());
    }

    @Test void aRepositoryHasCommitsOnlyOnceSomethingIsCommitted() throws Exception {
        Path c = Fixture.clean(dir);
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            try (ContentRoot root = ContentRoot.of(c)) {
                assertFalse(root.hasCommits(), "a new repository without commits");
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("docs").setAuthor(who).setCommitter(who).call();
            String id = git.getRepository().resolve("HEAD").getName();
            Fixture.edit(c, "site.yaml", "title: Fixture site", "title: Edited, not committed");
            try (ContentRoot root = ContentRoot.of(c)) {
                assertTrue(root.hasCommits());
                try (GitRevisionSource rev = root.revision("main")) {
                    assertEquals(id, rev.commitId());
                    assertEquals(id, rev.commit().getName());
                    assertEquals(id.substring(0, 7), rev.shortId());
                    assertEquals(id.substring(0, 7) + ":content/site.yaml", rev.display("site.yaml"), "the path inside the repository");
                    assertTrue(rev.exists("site.yaml"));
                    assertFalse(rev.exists("pages/admin/nope.yaml"));
                    assertEquals(List.of("errors/config.yaml", "errors/sign-in.yaml"), rev.list("errors", ".yaml"));
                    assertTrue(rev.read("site.yaml").startsWith("title: Fixture site"), "the committed text, not the work tree's");
                    IOException e = assertThrows(IOException.class, () -> rev.readBytes("pages/admin/nope.yaml"));
                    assertEquals("no file content/pages/admin/nope.yaml at main", e.getMessage());
                    ContentSet set = ContentLoader.load(rev);
                    assertEquals("Fixture site", set.config().title());
                    assertEquals(ContentLoader.load(root.workTree()).pages().size(), set.pages().size());
                }
                ContentException e = assertThrows(ContentException.class, () -> root.revision("no-such-branch"));
                assertTrue(e.getMessage().contains(": unknown git revision 'no-such-branch' (expected a branch, tag or commit of "), e.getMessage());
            }
        }
    }
}
