package dev.docsite.cli;

import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conventions every command follows: --help/-h, --quiet/--verbose, -V/--version, usage mistakes exit 2. */
class StandardCliTest {
    @TempDir Path dir;

    /** Every command and subcommand path, e.g. [build], [version, add], from picocli's own model. */
    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;   // picocli's help command: it is the help
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            into.add(p);
            collect(e.getValue(), p, into);
        }
    }

    @Test void everyCommandTakesHelpAndHAndExits0() {
        List<List<String>> cmds = commands();
        assertTrue(cmds.size() >= 8, "commands: " + cmds);
        for (List<String> c : cmds) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(c);
                args.add(flag);
                Fixture.Run r = Fixture.main(args.toArray(String[]::new));
                assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: docsite " + String.join(" ", c)), String.join(" ", args) + " printed:\n" + r.out());
                assertTrue(r.err().isEmpty(), r.err());
            }
        }
        assertEquals(0, Fixture.main("--help").exitCode());
        assertEquals(0, Fixture.main("help", "build").exitCode());
    }

    @Test void everyCommandTakesQuietAndVerbose() {
        for (List<String> c : commands()) {
            CommandLine cl = new CommandLine(new Main());
            for (String name : c) cl = cl.getSubcommands().get(name);
            for (String o : List.of("--quiet", "-q", "--verbose", "-v", "--help", "-h"))
                assertTrue(cl.getCommandSpec().findOption(o) != null, c + " lacks " + o);
        }
    }

    @Test void versionNamesThePomVersionAndTheCommit() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>docsite</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find());
        for (String flag : List.of("--version", "-V")) {
            Fixture.Run r = Fixture.main(flag);
            assertEquals(0, r.exitCode());
            assertTrue(r.out().matches("docsite " + Pattern.quote(pom.group(1)) + " \\(([0-9a-f]{12}|unknown)\\)\n"), r.out());
        }
    }

    @Test void buildsOldVersionFlagPointsToOnlyAndExits2() throws Exception {
        Path c = Fixture.clean(dir.resolve("c"));
        Fixture.Run r = Fixture.main("build", "--content", c.toString(), "--out", dir.resolve("site").toString(), "--version", "1.0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--only 1.0"), r.err());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    @Test void usageMistakesExit2() throws Exception {
        Path c = Fixture.clean(dir.resolve("c"));
        String out = dir.resolve("site").toString();
        Fixture.Run unknownVersion = Fixture.main("build", "--content", c.toString(), "--out", out, "--only", "9.9");
        assertEquals(2, unknownVersion.exitCode(), unknownVersion.err());
        assertTrue(unknownVersion.err().contains("--only 9.9: site.yaml has no version named 9.9 (expected one of "), unknownVersion.err());
        Fixture.Run zeroThreads = Fixture.main("build", "--content", c.toString(), "--out", out, "--threads", "0");
        assertEquals(2, zeroThreads.exitCode());
        assertTrue(zeroThreads.err().contains("--threads 0: expected 1 or more"), zeroThreads.err());
        assertEquals(2, Fixture.main("check", "--threads", "-1").exitCode());
        assertEquals(2, Fixture.main("build", "--no-such-option").exitCode());
        assertEquals(2, Fixture.main("check", "--format", "xml").exitCode());
        assertEquals(2, Fixture.main("no-such-command").exitCode());
        assertEquals(2, Fixture.main("version").exitCode());
        Fixture.Run missingTemplates = Fixture.main("build", "--content", c.toString(), "--out", out, "--templates", dir.resolve("nope").toString());
        assertEquals(2, missingTemplates.exitCode());
        assertTrue(missingTemplates.err().contains("templates folder not found"), missingTemplates.err());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    @Test void buildOnlyBuildsTheNamedVersionAndQuietPrintsNothing() throws Exception {
        Path c = Fixture.clean(dir.resolve("c"));
        Path out = dir.resolve("site");
        String only = Files.readString(c.resolve("site.yaml")).lines().filter(l -> l.contains("name:")).findFirst().orElseThrow()
                .replaceAll(".*name:\\s*\"?([^\"]+)\"?.*", "$1");
        Fixture.Run r = Fixture.main("build", "--content", c.toString(), "--templates", Fixture.TEMPLATES.toString(), "--out", out.toString(),
                "--no-cache", "--only", only, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        try (var s = Files.list(out)) {
            assertEquals(List.of(only), s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).toList());
        }
    }

    @Test void progressAndColourStayOffWhenNotATerminal() throws Exception {
        // Tests run without a console: nothing may carry escape sequences or carriage returns.
        Path c = Fixture.clean(dir.resolve("c"));
        Fixture.Run r = Fixture.main("build", "--content", c.toString(), "--templates", Fixture.TEMPLATES.toString(),
                "--out", dir.resolve("site").toString(), "--no-cache", "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse((r.out() + r.err()).contains("\u001b") || (r.out() + r.err()).contains("\r"), r.err());
        assertTrue(r.err().contains("theme: " + Fixture.TEMPLATES + " over the built-in theme"), r.err());
        assertFalse(Fixture.main("build", "--help").out().contains("\u001b"));
    }

    /** docs/cli.md is the writers' reference: every command and every option of it appears there. */
    @Test void theGuideDocumentsEveryCommandAndOption() throws Exception {
        String guide = Files.readString(Path.of("docs/cli.md"));
        for (List<String> c : commands()) {
            assertTrue(guide.contains("## " + String.join(" ", c)), "docs/cli.md has no section for " + c);
            CommandLine cl = new CommandLine(new Main());
            for (String name : c) cl = cl.getSubcommands().get(name);
            for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                if (o.hidden()) continue;
                assertTrue(guide.contains("`" + o.longestName()), "docs/cli.md does not explain " + o.longestName() + " of " + c);
            }
        }
    }
}
