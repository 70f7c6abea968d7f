package dev.docsite.security;

import dev.docsite.TestSite;
import dev.docsite.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Helpers the security tests share: run the command line with any options, copy trees, spot stack traces. */
final class Matrix {
    private Matrix() {}

    /** Runs {@code command} on the test site; --templates defaults to the project's unless given in {@code extra}. */
    static TestSite.Run run(TestSite t, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--content", t.content.toString(), "--out", t.out.toString(),
                "--cache", t.root.resolve("cache").toString()));
        if (!List.of(extra).contains("--templates")) args.addAll(List.of("--templates", Path.of("templates").toAbsolutePath().toString()));
        args.addAll(List.of(extra));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        return new TestSite.Run(code, o.toString(), e.toString());
    }

    static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("internal error"), "stack trace or crash in:\n" + err);
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(d);
                else Files.copy(p, d);
            }
        }
    }
}
