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

    /** Equal trees, or a failure naming only the files that differ. */
    static void assertSameTree(java.util.Map<String, String> expected, java.util.Map<String, String> actual, String what) {
        if (expected.equals(actual)) return;
        java.util.Set<String> diff = new java.util.TreeSet<>();
        for (String k : expected.keySet()) if (!expected.get(k).equals(actual.get(k))) diff.add(k);
        for (String k : actual.keySet()) if (!expected.containsKey(k)) diff.add(k);
        org.junit.jupiter.api.Assertions.fail(what + ": these files differ: " + diff);
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
