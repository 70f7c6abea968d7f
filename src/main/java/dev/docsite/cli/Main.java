package dev.docsite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** docsite's command line: thin commands over the pipeline packages. */
@Command(name = "docsite", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds and checks versioned documentation sites from YAML + AsciiDoc pages and an error catalog.",
        subcommands = {InitCommand.class, BuildCommand.class, CheckCommand.class, PreviewCommand.class, ServeCommand.class, VersionCommand.class,
                RulesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the content has errors (or check found problems)", "2:usage or configuration error"})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        // Colour in help only on a terminal and never with NO_COLOR (picocli's own guess looks at stdout alone).
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Anything reaching here is a docsite defect, not a user mistake: say so briefly.
            cmd.getErr().println("docsite: internal error: " + ex);
            if (System.getenv("DOCSITE_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(set DOCSITE_DEBUG=1 for the stack trace)");
            return 2;
        });
        return cl.execute(args);
    }

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** docsite --version: "docsite 0.1.0 (0c22713f2e26)", the commit docsite was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[]{dev.docsite.rules.DocsiteVersion.describe()};
        }
    }
}
