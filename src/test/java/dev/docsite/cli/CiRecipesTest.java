package dev.docsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.docsite.Fixture;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CI recipes init writes (src/main/resources/init/): each is valid YAML, every docsite command and option in
 * it exists, and its docsite commands, read from the file itself, run in order on an init project in a git
 * repository with a base commit and a pull-request commit.
 */
class CiRecipesTest {
    static final Path GITHUB = Path.of("src/main/resources/init/dot-github/workflows/docs.yml");
    static final Path GITLAB = Path.of("src/main/resources/init/dot-gitlab-ci.yml");

    @TempDir Path dir;

    /** One docsite command line of a recipe: its arguments (after "docsite") and the file its stdout goes to. */
    record Command(String line, List<String> args, String stdoutTo) {}

    /** The docsite commands of a CI file, in the order of the file (run: of steps, script: of jobs). */
    static List<Command> docsiteCommands(Path file) throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<Command> out = new ArrayList<>();
        walk(root, null, out);
        return out;
    }

    private static void walk(JsonNode n, String key, List<Command> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                walk(e.getValue(), e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) walk(c, key, out);
        } else if (n.isTextual() && ("run".equals(key) || "script".equals(key) || "before_script".equals(key))) {
            for (String line : n.asText().lines().map(String::strip).toList())
                if (line.startsWith("docsite ")) out.add(parse(line));
        }
    }

    /** Splits a shell line of the simple form the recipes use: words, "double quotes", $VAR, and a final > FILE. */
    static Command parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false, inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '"') { quoted = !quoted; inWord = true; }
            else if (Character.isWhitespace(c) && !quoted) { if (inWord) words.add(w.toString()); w.setLength(0); inWord = false; }
            else { w.append(c); inWord = true; }
        }
        if (inWord) words.add(w.toString());
        assertFalse(quoted, "unbalanced quotes: " + line);
        for (String word : words)
            assertFalse(word.matches(".*[|&;`(){}<]|.*\\$\\(.*"), "more shell than the recipes' simple form in: " + line);
        String to = null;
        int gt = words.indexOf(">");
        if (gt >= 0) {
            assertEquals(words.size() - 2, gt, "> FILE must end the line: " + line);
            to = words.get(gt + 1);
            words = words.subList(0, gt);
        }
        assertEquals("docsite", words.get(0));
        return new Command(line, List.copyOf(words.subList(1, words.size())), to);
    }

    @Test void everyDocsiteCommandAndOptionOfTheRecipesExists() throws Exception {
        Path project = dir.resolve("p");
        assertEquals(0, Fixture.main("init", project.toString(), "--quiet").exitCode());
        Path github = project.resolve(".github/workflows/docs.yml"), gitlab = project.resolve(".gitlab-ci.yml");
        for (Path f : List.of(GITHUB, GITLAB, github, gitlab)) {
            List<Command> cmds = docsiteCommands(f);
            assertTrue(cmds.size() >= 3, f + ": " + cmds);
            for (Command c : cmds) {
                List<String> args = c.args().stream().map(a -> a.replaceAll("\\$\\{?([A-Z_]+)}?", "x$1")).toList();
                try {
                    CommandLine cl = new CommandLine(new Main());
                    CommandLine.ParseResult pr = cl.parseArgs(args.toArray(String[]::new));
                    assertTrue(pr.hasSubcommand(), f + ": no command in " + c.line());
                } catch (CommandLine.ParameterException e) {
                    fail(f + ": `" + c.line() + "` is not a valid docsite command line: " + e.getMessage());
                }
                // The same through the command itself: --help after the line's options must be accepted.
                List<String> help = new ArrayList<>(args);
                help.add("--help");
                assertEquals(0, Fixture.main(help.toArray(String[]::new)).exitCode(), c.line());
            }
        }
        // What the test below relies on: the GitHub recipe checks, reports SARIF, previews and builds, in that order.
        assertEquals(List.of("check", "check", "preview", "build"), docsiteCommands(GITHUB).stream().map(c -> c.args().get(0)).toList());
        assertEquals(List.of("check", "preview", "build"), docsiteCommands(GITLAB).stream().map(c -> c.args().get(0)).toList());
    }

    /** The actions the GitHub workflow uses, each pinned to a major version. */
    @Test void theGitHubWorkflowUsesTheActionsItDescribes() throws Exception {
        String text = Files.readString(GITHUB);
        for (String uses : List.of("actions/checkout@v4", "actions/cache@v4", "github/codeql-action/upload-sarif@v3",
                "actions/upload-artifact@v4", "actions/upload-pages-artifact@v3", "actions/setup-java@v4"))
            assertTrue(text.contains("uses: " + uses), uses);
        JsonNode wf = new ObjectMapper(new YAMLFactory()).readTree(GITHUB.toFile());
        assertTrue(wf.path("on").has("pull_request") && wf.path("on").path("push").path("branches").get(0).asText().equals("main"));
        assertTrue(text.contains("$GITHUB_STEP_SUMMARY"));
    }

    @Test void theRecipesCommandsRunInOrderOnAnInitProjectWithABaseAndAPullRequestCommit() throws Exception {
        Path project = dir.resolve("docs");
        assertEquals(0, Fixture.main("init", project.toString(), "--quiet").exitCode());
        RevCommit base, head;
        PersonIdent who = new PersonIdent("Writer", "writer@example.com", Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            base = git.commit().setMessage("docs").setAuthor(who).setCommitter(who).call();
            Fixture.edit(project.resolve("content"), "pages/end-user/sign-in.yaml", ". Tap *Sign in*.", ". Tap *Sign in*. The app remembers you for a day.");
            Fixture.write(project.resolve("content"), "pages/end-user/sign-out.yaml", """
                    title: Sign out
                    audience: end-user
                    summary: How to sign out of the app.
                    order: 20
                    body: |
                      == Sign out

                      Open the menu and tap *Sign out*. To sign in again, see xref:end-user/sign-in.adoc[Sign in].
                    """);
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("Sign out page").setAuthor(who).setCommitter(who).call();
        }
        Map<String, String> env = Map.of("HEAD_SHA", head.name(), "MERGE_BASE", base.name());
        assertEquals(docsiteCommands(GITHUB), docsiteCommands(project.resolve(".github/workflows/docs.yml")), "init writes the recipe as shipped");

        for (Path recipe : List.of(project.resolve(".github/workflows/docs.yml"), project.resolve(".gitlab-ci.yml"))) {
            for (Command c : docsiteCommands(recipe)) {
                Fixture.Run r = run(project, c, env);
                assertEquals(0, r.exitCode(), recipe + ": " + c.line() + "\n" + r.out() + r.err());
                String cmd = c.args().get(0);
                if (cmd.equals("check")) {
                    String format = c.args().get(c.args().indexOf("--format") + 1);
                    switch (format) {
                        case "github" -> assertFalse(r.out().contains("::error") || r.out().contains("::warning"), r.out());
                        case "sarif" -> {
                            JsonNode sarif = new ObjectMapper().readTree(project.resolve(c.stdoutTo()).toFile());
                            assertEquals("2.1.0", sarif.path("version").asText());
                            assertEquals(0, sarif.path("runs").get(0).path("results").size());
                        }
                        case "junit" -> assertTrue(Files.readString(project.resolve(c.stdoutTo())).contains("<testsuites"));
                        default -> fail("unexpected format " + format);
                    }
                } else if (cmd.equals("preview")) {
                    String summary = Files.readString(project.resolve("preview.md"));
                    assertTrue(summary.contains("Sign out"), summary);
                    assertTrue(Files.isDirectory(project.resolve("site/preview/" + head.name().substring(0, 7))), "preview folder");
                } else if (cmd.equals("build")) {
                    int out = c.args().indexOf("--out");
                    Path site = project.resolve(out < 0 ? "site" : c.args().get(out + 1));
                    assertTrue(Files.isRegularFile(site.resolve("1.0/end-user/sign-out.html")), site + " lacks the new page");
                }
            }
            for (String f : List.of("preview.md", "docsite.sarif", "docsite-junit.xml")) Files.deleteIfExists(project.resolve(f));
        }
    }

    /**
     * Runs a recipe's command as CI would from the project folder: $VARs from {@code env}; since a test cannot
     * change the working folder, the project's content, cache, output and file arguments are passed as paths in it.
     */
    private static Fixture.Run run(Path project, Command c, Map<String, String> env) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            String v = a;
            for (var e : env.entrySet()) v = v.replace("${" + e.getKey() + "}", e.getValue()).replace("$" + e.getKey(), e.getValue());
            assertFalse(v.contains("$"), "unset variable in " + c.line());
            args.add(v);
        }
        for (String pathOption : List.of("--out", "--summary")) {
            int i = args.indexOf(pathOption);
            if (i >= 0) args.set(i + 1, project.resolve(args.get(i + 1)).toString());
        }
        args.addAll(List.of("--content", project.resolve("content").toString(), "--cache", project.resolve(".docsite-cache").toString()));
        if (!args.get(0).equals("check") && !args.contains("--out")) args.addAll(List.of("--out", project.resolve("site").toString()));
        Fixture.Run r = Fixture.main(args.toArray(String[]::new));
        if (c.stdoutTo() != null) Files.writeString(project.resolve(c.stdoutTo()), r.out(), StandardCharsets.UTF_8);
        return r;
    }
}
