package dev.docsite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "version", description = "Manage the versions of site.yaml.",
        subcommands = {VersionCommand.Add.class})
final class VersionCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions.Output output;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "version: expected a subcommand (docsite version add NAME)");
    }

    @Command(name = "add",
            description = {"Add a version at the top of the versions of site.yaml (the newest, which becomes \"latest\"), "
                    + "editing the file's text so its comments and layout stay, and say what to do next."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:added", "2:no site.yaml, a version of that name exists already, or a usage error"})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Mixin CommonOptions.Output output;

        @Parameters(index = "0", paramLabel = "NAME", description = "The version's name, e.g. 11.7.")
        String name;

        @Option(names = "--ref", paramLabel = "TAG",
                description = "Build this version from a git tag, branch or commit instead of the work tree.")
        String ref;

        @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
        Path content;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (!InitCommand.VERSION_NAME.matcher(name).matches()) {
                err.println(name + ": expected a version name of letters, digits, '.', '_' or '-' (e.g. 11.7)");
                return 2;
            }
            Path file = content.resolve("site.yaml");
            if (!Files.isRegularFile(file)) {
                err.println(file + ": not found (set the content folder with --content DIR, or create a project with docsite init)");
                return 2;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Insert at = insertPoint(text, file);
                if (at.names.contains(name)) {
                    err.println(file + ":" + at.line + ": version " + name + " exists already");
                    return 2;
                }
                String entry = at.indent + "- name: \"" + name + "\"" + at.eol
                        + (ref == null ? "" : at.indent + "  ref: \"" + ref.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + at.eol);
                Files.writeString(file, text.substring(0, at.offset) + entry + text.substring(at.offset), StandardCharsets.UTF_8);
                if (output.quiet) return 0;
                String previous = at.names.isEmpty() ? null : at.names.get(0);
                out.println("Added version " + name + (ref == null ? " (built from the work tree)" : " (built from git " + ref + ")")
                        + " to " + file + ": it is now the newest version, \"latest\".");
                out.println("Next:");
                if (previous != null) {
                    out.println("  - a page that is new in " + name + ": add  since: \"" + name + "\"  to it; a page " + name
                            + " no longer has: add  until: \"" + previous + "\"  (error catalog entries the same way)");
                    out.println("  - text that differs: ifeval::[\"{docsite-version}\" == \"" + name + "\"] ... endif::[]");
                    out.println("  - to freeze " + previous + " at its release instead, give its entry  ref: <tag>");
                }
                out.println("  - docsite build, then docsite preview HEAD once committed, to see what " + name + " changes"
                        + (previous != null ? " against " + previous : ""));
                return 0;
            } catch (Unsupported e) {
                err.println(e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println(file + ": cannot edit: " + e.getMessage());
                return 2;
            }
        }

        private record Insert(int offset, int line, String indent, String eol, List<String> names) {}

        private static final class Unsupported extends Exception {
            Unsupported(String m) { super(m, null, false, false); }
        }

        private static final Pattern VERSIONS = Pattern.compile("(?m)^versions:[ \\t]*(#.*)?$");
        private static final Pattern ITEM = Pattern.compile("^([ \\t]*)-[ \\t]+(?:name:[ \\t]*)?(?:\"([^\"]*)\"|'([^']*)'|([^#\\s]+))?");

        /** Where the new entry goes: before the first item of the block list under the top-level versions: key. */
        private static Insert insertPoint(String text, Path file) throws Unsupported {
            Matcher m = VERSIONS.matcher(text);
            if (!m.find())
                throw new Unsupported(file + ": no top-level 'versions:' list followed by items (- name: ...); add the version by hand (see docs/versions.md)");
            String eol = text.contains("\r\n") ? "\r\n" : "\n";
            int pos = text.indexOf('\n', m.end());
            pos = pos < 0 ? text.length() : pos + 1;
            int line = (int) text.substring(0, pos).chars().filter(c -> c == '\n').count() + 1;
            Integer first = null;
            String indent = null;
            int firstLine = 0;
            List<String> names = new ArrayList<>();
            int p = pos;
            while (p < text.length()) {
                int end = text.indexOf('\n', p);
                String l = text.substring(p, end < 0 ? text.length() : end).replace("\r", "");
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    if (!Character.isWhitespace(l.charAt(0)) && !t.startsWith("-")) break;   // next top-level key
                    Matcher im = ITEM.matcher(l);
                    if (t.startsWith("-") && im.find()) {
                        if (first == null) { first = p; indent = im.group(1); firstLine = line; }
                        if (im.group(1).equals(indent)) {
                            String n = im.group(2) != null ? im.group(2) : im.group(3) != null ? im.group(3) : im.group(4);
                            if (n != null && !n.isEmpty()) names.add(n);
                        }
                    }
                }
                if (end < 0) break;
                p = end + 1;
                line++;
            }
            if (first == null)
                throw new Unsupported(file + ": no top-level 'versions:' list followed by items (- name: ...); add the version by hand (see docs/versions.md)");
            return new Insert(first, firstLine, indent, eol, names);
        }
    }
}
