package dev.docsite.preview;

import dev.docsite.TestContent;

import dev.docsite.TestSite;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docsite preview against a real git repository made with JGit in a temporary folder. */
class PreviewCommandTest {
    private static final Pattern LISTED = Pattern.compile("^- \\*\\*(Added|Changed|Removed):\\*\\* .*?`([a-z0-9/_.-]+)` \\(", Pattern.MULTILINE);

    @TempDir Path repo;
    TestSite site;
    Git git;

    @BeforeEach void init() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        site = TestSite.valid(repo);
        Files.writeString(repo.resolve(".gitignore"), "/site/\n/cache/\n");
        commit("Initial documentation");
    }

    private RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Writer", "writer@example.com");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private Path page(String id) { return site.content.resolve("pages/" + id + ".yaml"); }

    /** "kind page-id under audience heading" for every page the summary lists. */
    private static List<String> listed(String markdown) {
        List<String> out = new ArrayList<>();
        String audience = null;
        for (String line : markdown.split("\n")) {
            if (line.equals("### Error catalogs")) break;
            if (line.startsWith("### ")) audience = line.substring(4);
            Matcher m = LISTED.matcher(line);
            if (m.find()) out.add(m.group(1) + " " + m.group(2) + " under " + audience);
        }
        return out;
    }

    @Test void previewOfHeadListsExactlyTheChangedPageUnderItsAudience() throws Exception {
        TestContent.edit(page("decision-maker/why"), "See xref:", "Risk drops. See xref:");
        RevCommit head = commit("Say why");
        String sha = head.getName().substring(0, 7), parent = head.getParent(0).getName().substring(0, 7);
        // The work tree moves on: the preview must read the commit, not the files.
        TestContent.edit(page("decision-maker/why"), "Risk drops.", "UNCOMMITTED TEXT");

        TestSite.Run r = site.run("preview", "HEAD");

        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("Changed decision-maker/why under Deciders"), listed(r.out()), r.out());
        assertTrue(r.out().contains("`" + sha + "`") && r.out().contains("compared with `" + parent + "` (its first parent)"), r.out());
        assertTrue(r.out().contains("+ Risk drops. See setup."), "rendered text diff: " + r.out());
        assertTrue(r.out().contains("(" + site.out.toString().replace('\\', '/') + "/preview/" + sha + "/2.0/decision-maker/why.html)"), r.out());
        String html = site.read("preview/" + sha + "/2.0/decision-maker/why.html");
        assertTrue(html.contains("Risk drops."), "built from the commit");
        assertFalse(html.contains("UNCOMMITTED TEXT"), "the work tree is never read");
        assertTrue(html.contains("class=\"preview-banner\"") && html.contains(sha) && html.contains(parent), "banner names revision and base");
    }

    @Test void addedAndRemovedPagesAreListedUnderTheirAudiences() throws Exception {
        Files.delete(page("admin/new-thing"));
        site.write("pages/end-user/faq.yaml", """
                title: Questions
                audience: end-user
                summary: Answers.
                body: |
                  Ask your administrator.
                """);
        commit("Replace the new thing with a FAQ");

        TestSite.Run r = site.run("preview", "HEAD", "--base-url", "https://previews.example.com/pr-7/");

        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("Removed admin/new-thing under Admins", "Added end-user/faq under Users"), listed(r.out()), r.out());
        assertTrue(r.out().contains("[Questions](https://previews.example.com/pr-7/preview/"), r.out());
    }

    @Test void aCatalogChangeListsThePagesWhoseErrorTablesItChanges() throws Exception {
        TestContent.edit(site.content.resolve("errors/sign-in.yaml"), "Your session has expired. Please sign in again.", "Your session ended.");
        RevCommit head = commit("Server wording for the expired session");
        Path summary = repo.resolve("summary.md");

        TestSite.Run r = site.run("preview", head.getName(), "--summary", summary.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(summary.toString()), "says where the summary went: " + r.out());
        String md = Files.readString(summary);
        assertEquals(List.of("Changed admin/troubleshoot under Admins", "Changed end-user/start under Users"), listed(md), md);
        String catalog = md.lines().filter(l -> l.startsWith("- **Changed:** `sign-in`")).findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(catalog.contains("changed `ent.test.token_expired.app_error`"), catalog);
        String tables = md.lines().filter(l -> l.contains("Error tables changed on:")).findFirst().orElseThrow();
        assertTrue(tables.contains("[Troubleshoot]") && !tables.contains("[Start]"), "only the page with the table: " + tables);
        String examples = md.lines().filter(l -> l.contains("Live examples changed on:")).findFirst().orElseThrow();
        assertTrue(examples.contains("[Start]") && examples.contains("[Troubleshoot]"), examples);
    }

    @Test void aRevisionWhoseContentIsBrokenFailsWithFileAndLineAndPublishesNothing() throws Exception {
        TestContent.edit(page("decision-maker/why"), "See xref:", "See error:ent.test.token_expird.app_error[] and xref:");
        RevCommit head = commit("Typo in an error id");
        String sha = head.getName().substring(0, 7);

        TestSite.Run r = site.run("preview", "HEAD");

        assertEquals(1, r.exit(), r.out() + r.err());
        // why.yaml: the body starts on line 5; the broken reference is its second line.
        assertTrue(r.err().contains(sha + ":content/pages/decision-maker/why.yaml:6: error error-ref/unknown-id"), r.err());
        assertTrue(r.err().contains("did you mean 'ent.test.token_expired.app_error'"), r.err());
        assertFalse(Files.exists(site.out.resolve("preview/" + sha)), "nothing published");
        assertEquals("", r.out(), "no summary for a broken revision");
    }

    @Test void aRevisionWithABrokenLinkFailsAfterTheStagedBuildIsCheckedAndPublishesNothing() throws Exception {
        TestContent.edit(page("decision-maker/why"), "setup.adoc#before-you-begin", "setup.adoc#nowhere");
        RevCommit head = commit("Link to a section that does not exist");
        String sha = head.getName().substring(0, 7);

        TestSite.Run r = site.run("preview", "HEAD");

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(sha + ":content/pages/decision-maker/why.yaml:6: error link/missing-anchor"), r.err());
        assertFalse(Files.exists(site.out.resolve("preview")), "nothing published and no staging folder left behind, nor the folder made for it");
    }

    @Test void aRevisionWithInvalidYamlFailsWithFileAndLine() throws Exception {
        site.write("pages/admin/setup.yaml", "title: Set up\naudience: admin\n  summary: [oops\n");
        RevCommit head = commit("Broken YAML");

        TestSite.Run r = site.run("preview", "HEAD");

        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(head.getName().substring(0, 7) + ":content/pages/admin/setup.yaml:3:"), r.err());
        assertFalse(Files.exists(site.out.resolve("preview")), "nothing published");
    }

    @Test void anUnknownRevisionIsAUsageError() {
        TestSite.Run r = site.run("preview", "no-such-branch");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown git revision 'no-such-branch'"), r.err());
    }

    @Test void anExplicitBaseIsComparedAndAnUnchangedRevisionSaysSo() throws Exception {
        RevCommit first = git.log().call().iterator().next();
        TestContent.edit(page("end-user/start"), "sign in again.", "sign in once more.");
        commit("Wording");

        TestSite.Run same = site.run("preview", "HEAD", "--base", "HEAD");
        TestSite.Run againstFirst = site.run("preview", "HEAD", "--base", first.getName());

        assertEquals(0, same.exit(), same.err());
        assertEquals(List.of(), listed(same.out()));
        assertTrue(same.out().contains("No page changes what readers see"), same.out());
        assertEquals(List.of("Changed end-user/start under Users"), listed(againstFirst.out()), againstFirst.out());
    }
}
