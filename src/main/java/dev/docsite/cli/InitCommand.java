package dev.docsite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.rules.DocsiteVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

@Command(name = "init",
        description = {"Create a documentation project that builds and checks clean as created: content/site.yaml "
                + "(three audiences, one version), a page per audience, an error catalog shown in an admin and an "
                + "end-user table, a JSON Schema with a live example, .gitignore, and CI for GitHub Actions "
                + "(.github/workflows/docs.yml) and GitLab (.gitlab-ci.yml). The theme stays built in: add templates/ "
                + "only to override it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "2:the folder is not empty (without --force), or a usage error"})
final class InitCommand implements Callable<Integer> {
    /** The scaffold, in the jar under init/ (dot-xxx stands for .xxx: Maven leaves dot files out of resources). */
    static final String RESOURCES = "/init/";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions.Output output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder to create the project in (default: the current folder).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Write into a folder that is not empty (files of the scaffold are overwritten).")
    boolean force;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Example Product Documentation", description = "Site title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--version", paramLabel = "NAME", defaultValue = "1.0", description = "Name of the first version (default: ${DEFAULT-VALUE}).")
    String version;

    static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (!VERSION_NAME.matcher(version).matches()) {
            err.println("--version " + version + ": expected a version name of letters, digits, '.', '_' or '-' (e.g. 1.0)");
            return 2;
        }
        if (title.isBlank() || title.contains("\n")) {
            err.println("--title: expected one line of text");
            return 2;
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println(dir + ": exists and is not a folder");
                return 2;
            }
            if (!force && Files.isDirectory(dir) && !isEmpty(dir)) {
                err.println(dir.toAbsolutePath().normalize() + ": the folder is not empty; choose an empty or new folder, or pass --force to write the project into it anyway");
                return 2;
            }
            List<String> written = new ArrayList<>();
            for (String name : files()) {
                Path target = dir.resolve(targetName(name));
                Files.createDirectories(target.getParent());
                Files.writeString(target, fill(read(name)), StandardCharsets.UTF_8);
                written.add(dir.relativize(target).toString().replace('\\', '/'));
            }
            if (!output.quiet) {
                if (output.verbose) written.forEach(f -> out.println("  " + f));
                String cd = dir.normalize().toString().equals("") || dir.normalize().equals(Path.of(".")) ? "" : "cd " + dir + " && ";
                out.println("Created a docsite project in " + dir.toAbsolutePath().normalize() + " (" + written.size() + " files).");
                out.println("Next: " + cd + "docsite build   (then open site/index.html, or run docsite serve)");
                out.println("      docsite check   (what CI runs on every pull request: .github/workflows/docs.yml, .gitlab-ci.yml)");
            }
            return 0;
        } catch (IOException e) {
            err.println(dir + ": cannot write the project: " + e.getMessage());
            return 2;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** The scaffold's files (init/files.txt), as resource names under init/. */
    static List<String> files() throws IOException {
        return read("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** "dot-github/workflows/docs.yml" → ".github/workflows/docs.yml". */
    static String targetName(String resource) {
        return resource.replaceAll("(^|/)dot-", "$1.");
    }

    static String read(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IOException("the scaffold file " + name + " is missing from docsite's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Fills in the title and version (as quoted YAML strings where YAML reads them) and the docsite commit CI builds. */
    private String fill(String text) throws IOException {
        ObjectMapper json = new ObjectMapper();
        // A JSON string is a valid YAML double-quoted scalar: any title is safe in site.yaml.
        String quotedTitle = json.writeValueAsString(title);
        String ref = DocsiteVersion.COMMIT.equals("unknown") ? "main" : DocsiteVersion.COMMIT;
        // The scaffold is valid YAML as it is: placeholders inside double quotes are replaced with the quoted value.
        return text.replace("\"@TITLE@\"", quotedTitle)
                .replace("@TITLE@", title)
                .replace("\"@VERSION@\"", json.writeValueAsString(version))
                .replace("@DOCSITE_REF@", ref);
    }
}
