package dev.docsite.preview;

import dev.docsite.cli.Main;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    Path content, out, cache;
    Git git;

    @BeforeEach void init() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        content = TestContent.write(repo.resolve("content"));
        out = repo.resolve("site");
        cache = repo.resolve("cache");
        Files.writeString(repo.resolve(".gitignore"), "/site/\n/cache/\n");
        commit("Initial documentation");
    }

    private RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Writer", "writer@example.com");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    record Run(int exit, String out, String err) {}

    private Run docsite(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--content", content.toString(), "--templates", "templates", "--out", out.toString(), "--cache", cache.toString()));
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(all.toArray(String[]::new));
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** (kind, page id, audience heading) for every page the summary lists. */
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
        TestContent.edit(content.resolve("pages/admin/tune.yaml"), "Sessions last a day.", "Sessions last eight hours.");
        RevCommit head = commit("Shorter sessions");
        String sha = head.getName().substring(0, 7), parent = head.getParent(0).getName().substring(0, 7);
        // The work tree moves on: the preview must read the commit, not the files.
        TestContent.edit(content.resolve("pages/admin/tune.yaml"), "Sessions last eight hours.", "UNCOMMITTED TEXT");

        Run r = docsite("preview", "HEAD");

        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("Changed admin/tune under Administrators"), listed(r.out()), r.out());
        assertTrue(r.out().contains("`" + sha + "`") && r.out().contains("compared with `" + parent + "` (its first parent)"), r.out());
        assertTrue(r.out().contains("+ Sessions last eight hours."), "rendered text diff: " + r.out());
        assertTrue(r.out().contains("(" + out.toString().replace('\\', '/') + "/preview/" + sha + "/2.0/admin/tune.html)"), r.out());
        Path page = out.resolve("preview/" + sha + "/2.0/admin/tune.html");
        String html = Files.readString(page);
        assertTrue(html.contains("Sessions last eight hours."), "built from the commit");
        assertFalse(html.contains("UNCOMMITTED TEXT"), "the work tree is never read");
        assertTrue(html.contains("class=\"preview-banner\"") && html.contains(sha) && html.contains(parent), "banner names revision and base");
    }

    @Test void addedAndRemovedPagesAreListedUnderTheirAudiences() throws Exception {
        Files.delete(content.resolve("pages/admin/tune.yaml"));
        TestContent.put(content, "pages/end-user/faq.yaml", """
                title: Questions
                audience: end-user
                summary: Answers.
                body: |
                  Ask your administrator.
                """);
        commit("Replace tuning with a FAQ");

        Run r = docsite("preview", "HEAD", "--base-url", "https://previews.example.com/pr-7/");

        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("Removed admin/tune under Administrators", "Added end-user/faq under End users"), listed(r.out()), r.out());
        assertTrue(r.out().contains("](https://previews.example.com/pr-7/preview/"), r.out());
    }

    @Test void aCatalogChangeListsThePagesWhoseErrorTablesItChanges() throws Exception {
        TestContent.edit(content.resolve("errors/signin.yaml"), "Your session has expired. Please sign in again.", "Your session ended. Sign in again.");
        RevCommit head = commit("Server wording for the expired session");
        Path summary = repo.resolve("summary.md");

        Run r = docsite("preview", head.getName(), "--summary", summary.toString());

        assertEquals(0, r.exit(), r.err());
        String md = Files.readString(summary);
        assertEquals(List.of("Changed admin/setup under Administrators", "Changed end-user/start under End users"), listed(md), md);
        String catalogLine = md.lines().filter(l -> l.startsWith("- **Changed:** `signin`")).findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(catalogLine.contains("`api.login.expired.app_error`"), catalogLine);
        String tables = md.lines().filter(l -> l.contains("Error tables changed on:")).findFirst().orElseThrow();
        assertTrue(tables.contains("[Set up sign-in]") && tables.contains("[Get started]") && !tables.contains("Tune sessions"), tables);
        assertTrue(r.out().contains(summary.toString()), "says where the summary went: " + r.out());
    }

    @Test void aRevisionWhoseContentIsBrokenFailsWithFileAndLineAndPublishesNothing() throws Exception {
        TestContent.edit(content.resolve("pages/admin/tune.yaml"), "Sessions last a day.", "Sessions last a day (error:api.login.expird.app_error[]).");
        RevCommit head = commit("Typo in an error id");
        String sha = head.getName().substring(0, 7);

        Run r = docsite("preview", "HEAD");

        assertEquals(1, r.exit(), r.out() + r.err());
        // tune.yaml: the body starts on line 6, the broken reference is body line 3.
        assertTrue(r.err().contains(sha + ":content/pages/admin/tune.yaml:8: error error-ref/unknown-id"), r.err());
        assertTrue(r.err().contains("did you mean 'api.login.expired.app_error'"), r.err());
        assertFalse(Files.exists(out.resolve("preview/" + sha)), "nothing published");
        assertEquals("", r.out(), "no summary for a broken revision");
    }

    @Test void aRevisionWithInvalidYamlFailsWithFileAndLine() throws Exception {
        TestContent.put(content, "pages/admin/tune.yaml", "title: Tune\naudience: admin\n  summary: [oops\n");
        RevCommit head = commit("Broken YAML");

        Run r = docsite("preview", "HEAD");

        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(head.getName().substring(0, 7) + ":content/pages/admin/tune.yaml:3:"), r.err());
        assertFalse(Files.exists(out.resolve("preview")), "nothing published");
    }

    @Test void anUnknownRevisionIsAUsageError() {
        Run r = docsite("preview", "no-such-branch");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown git revision 'no-such-branch'"), r.err());
    }

    @Test void anExplicitBaseIsComparedAndAnUnchangedRevisionSaysSo() throws Exception {
        RevCommit first = git.log().call().iterator().next();
        TestContent.edit(content.resolve("pages/end-user/start.yaml"), "Open the app and sign in.", "Open the app, then sign in.");
        commit("Wording");

        Run same = docsite("preview", "HEAD", "--base", "HEAD");
        Run againstFirst = docsite("preview", "HEAD", "--base", first.getName());

        assertEquals(0, same.exit(), same.err());
        assertEquals(List.of(), listed(same.out()));
        assertTrue(same.out().contains("No page changes what readers see"), same.out());
        assertEquals(List.of("Changed end-user/start under End users"), listed(againstFirst.out()), againstFirst.out());
    }
}
