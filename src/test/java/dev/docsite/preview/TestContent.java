package dev.docsite.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A small but complete content set (two audiences, an error catalog with its tables, xrefs) written into a folder. */
final class TestContent {
    static final String SITE = """
            title: Test docs
            base_url: https://docs.example.com/test/
            audiences:
              - id: admin
                title: Administrators
              - id: end-user
                title: End users
            versions:
              - name: "2.0"
              - name: "1.0"
            """;

    static final String SETUP = """
            title: Set up sign-in
            audience: admin
            summary: How administrators set up sign-in.
            order: 10
            body: |
              == Before you begin

              Read xref:end-user/start.adoc#first-steps[the user guide] first.

              [#errors]
              == Sign-in errors

              error-table::signin[audience=admin]
            """;

    static final String TUNE = """
            title: Tune sessions
            audience: admin
            summary: How long sessions last.
            order: 20
            body: |
              == Session length

              Sessions last a day.
            """;

    static final String START = """
            title: Get started
            audience: end-user
            summary: Your first sign-in.
            body: |
              [#first-steps]
              == First steps

              Open the app and sign in.

              == When something goes wrong

              error-table::signin[audience=end-user]
            """;

    static final String CATALOG = """
            title: Sign-in errors
            errors:
              - id: api.login.expired.app_error
                layer: server
                http: 401
                scenario: Session expired
                user_message: Your session has expired. Please sign in again.
                retry: once
                fallback: none
                cause: The token is past its expiry.
                resolution: Sign in again.
            """;

    private TestContent() {}

    /** Writes the content set into {@code contentDir}. */
    static Path write(Path contentDir) {
        put(contentDir, "site.yaml", SITE);
        put(contentDir, "pages/admin/setup.yaml", SETUP);
        put(contentDir, "pages/admin/tune.yaml", TUNE);
        put(contentDir, "pages/end-user/start.yaml", START);
        put(contentDir, "errors/signin.yaml", CATALOG);
        return contentDir;
    }

    static void put(Path root, String rel, String text) {
        try {
            Path f = root.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path f) {
        try { return Files.readString(f); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Replaces the first occurrence of {@code from} in a file, failing when it is not there. */
    static void edit(Path f, String from, String to) {
        String s = read(f);
        if (!s.contains(from)) throw new IllegalArgumentException(f + " does not contain " + from);
        put(f.getParent(), f.getFileName().toString(), s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** A copy of the repository's templates, for tests that edit them. */
    static Path copyTemplates(Path to) {
        Path from = Path.of("templates");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
