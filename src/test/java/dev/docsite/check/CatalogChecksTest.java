package dev.docsite.check;

import dev.docsite.Fixture;
import dev.docsite.catalog.CatalogRules;
import dev.docsite.report.Finding;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog rules that need the build or the history: every entry in an admin table, and no id
 * silently removed, neither between versions (a version built from a git ref) nor since the last commit.
 * The repositories are real (JGit) in a temporary folder.
 */
class CatalogChecksTest {
    @TempDir Path dir;

    static final String CONFIG = "errors/config.yaml";
    static final String CLIENT_ID_ENTRY = Fixture.CLIENT_ID_ENTRY;

    private static Git commitAll(Path repo, String message) throws Exception {
        Git git = Git.open(repo.toFile());
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Writer", "writer@example.com");
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
        return git;
    }

    private Path repoWithCleanFixture() throws Exception {
        Path c = Fixture.clean(dir);
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        commitAll(dir, "documentation").close();
        return c;
    }

    // ---- every entry shown to admins --------------------------------------------------------------

    @Test void anEntryNoAdminPageShowsIsReportedAtItsCatalogLine() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  error-table::config[audience=admin]\n", "");
        List<Finding> fs = Fixture.check(c, dir.resolve("site"));
        assertEquals(2, fs.size(), Fixture.text(fs));
        Path config = c.resolve(CONFIG);
        for (Finding f : fs) {
            assertEquals(CatalogRules.ADMIN_COVERAGE, f.rule());
            assertEquals(List.of("2.0", "1.0"), f.versions());
        }
        assertEquals(Fixture.lineOf(config, "- id: model.config.is_valid.tenant_id.app_error"), fs.get(0).pos().line());
        assertEquals(Fixture.lineOf(config, "- id: model.config.is_valid.client_id.app_error"), fs.get(1).pos().line());
    }

    @Test void anEndUserTableOnAnAdminPageDoesNotCount() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "error-table::config[audience=admin]", "error-table::config[audience=end-user]");
        List<Finding> fs = Fixture.check(c, dir.resolve("site"));
        // Not shown to admins; and, now that an end-user table shows them, they need the end users' guidance too.
        assertEquals(2, fs.stream().filter(f -> f.rule().equals(CatalogRules.ADMIN_COVERAGE)).count(), Fixture.text(fs));
        assertEquals(2, fs.stream().filter(f -> f.rule().equals(CatalogRules.END_USER_GUIDANCE)).count(), Fixture.text(fs));
        assertEquals(4, fs.size(), Fixture.text(fs));
    }

    @Test void aSiteWithoutAnAdminAudienceHasNoOneToShowEntriesTo() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, "site.yaml", "  - id: admin\n    title: Administrators\n", "  - id: operator\n    title: Operators\n");
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "audience: admin", "audience: operator");
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  error-table::config[audience=admin]\n", "");
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site")));
    }

    // ---- ids never silently removed between versions ---------------------------------------------

    /** 1.0 is built from the branch release-1.0; the work tree is 2.0. */
    private Path withReleaseBranch() throws Exception {
        Path c = repoWithCleanFixture();
        try (Git git = Git.open(dir.toFile())) { git.branchCreate().setName("release-1.0").call(); }
        Fixture.edit(c, "site.yaml", "  - name: \"1.0\"\n", "  - name: \"1.0\"\n    ref: release-1.0\n");
        return c;
    }

    @Test void anIdGoneFromTheNextVersionWithoutUntilIsReported() throws Exception {
        Path c = withReleaseBranch();
        Fixture.edit(c, CONFIG, "\n" + CLIENT_ID_ENTRY, "\n");
        List<Finding> fs = Fixture.check(c, dir.resolve("site"));
        Finding f = ErrorTableChecksTest.only(fs, CatalogRules.REMOVED, c.resolve(CONFIG), 1);
        assertTrue(f.message().contains("'model.config.is_valid.client_id.app_error' is documented in version 1.0"), f.message());
        assertTrue(f.message().contains("until: \"1.0\""), f.message());
        assertEquals(List.of("2.0"), f.versions());
    }

    @Test void anIdRetiredWithUntilIsNotReported() throws Exception {
        Path c = withReleaseBranch();
        Fixture.edit(c, CONFIG, "    resolution: Enter the application (client) ID.\n", "    resolution: Enter the application (client) ID.\n    until: \"1.0\"\n");
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site")));
    }

    @Test void aQuoteOfTheOlderMessageIsDriftOnlyInTheVersionThatChangedIt() throws Exception {
        Path c = withReleaseBranch();
        // 2.0 words the message differently; the page still quotes 1.0's words in its prose.
        Fixture.edit(c, "errors/sign-in.yaml", "\"Your session has expired. Please sign in again.\"", "\"Your session has ended. Please sign in again.\"");
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "|Your session has expired. Please sign in again.\n", "|Your session has ended. Please sign in again.\n");
        List<Finding> fs = Fixture.check(c, dir.resolve("site"));
        Path admin = c.resolve(ErrorTableChecksTest.ADMIN);
        Finding f = ErrorTableChecksTest.only(fs, ErrorTableChecks.DRIFT, admin, Fixture.lineOf(admin, "“Your session has expired."));
        assertEquals(List.of("2.0"), f.versions());
    }

    // ---- ids never silently removed since the last commit ----------------------------------------

    @Test void anIdDeletedSinceTheLastCommitThatOlderVersionsShowIsReported() throws Exception {
        Path c = repoWithCleanFixture();
        Fixture.edit(c, CONFIG, "\n" + CLIENT_ID_ENTRY, "\n");
        List<Finding> fs = Fixture.check(c, dir.resolve("site"));
        Finding f = ErrorTableChecksTest.only(fs, CatalogRules.REMOVED, c.resolve(CONFIG), 1);
        assertTrue(f.message().contains("'model.config.is_valid.client_id.app_error' was deleted since the last commit (HEAD "), f.message());
        assertTrue(f.message().contains("version 1.0 still documents it") && f.message().contains("until: \"1.0\""), f.message());
    }

    @Test void retiringWithUntilInsteadOfDeletingIsClean() throws Exception {
        Path c = repoWithCleanFixture();
        Fixture.edit(c, CONFIG, "    resolution: Enter the application (client) ID.\n", "    resolution: Enter the application (client) ID.\n    until: \"1.0\"\n");
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site")));
    }

    @Test void deletingAnIdOnlyTheLatestVersionShowedIsAllowed() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CONFIG, "    resolution: Enter the application (client) ID.\n", "    resolution: Enter the application (client) ID.\n    since: \"2.0\"\n");
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        commitAll(dir, "documentation").close();
        Fixture.edit(c, CONFIG, "\n" + CLIENT_ID_ENTRY.replace("    resolution: Enter the application (client) ID.\n",
                "    resolution: Enter the application (client) ID.\n    since: \"2.0\"\n"), "\n");
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site")));
    }

    @Test void contentOutsideAGitRepositoryHasNoLastCommitToCompare() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CONFIG, "\n" + CLIENT_ID_ENTRY, "\n");
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site")));
    }
}
