package dev.docsite.security;

import dev.docsite.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real command line in a separate JVM (the test's classpath): for crashes, locks and per-JVM differences. */
final class Child {
    private Child() {}

    /** The usual options on the test site: its content, site/, the project's templates and its cache. */
    static List<String> siteArgs(TestSite t, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--content", t.content.toString(), "--out", t.out.toString(),
                "--templates", Path.of("templates").toAbsolutePath().toString(), "--cache", t.root.resolve("cache").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Starts {@code docsite <args>}; stdout and stderr go to {@code <logs>/<tag>.out} and {@code .err}. */
    static Process start(Path logs, String tag, List<String> jvmOptions, Map<String, String> env, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.add("dev.docsite.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectOutput(logs.resolve(tag + ".out").toFile());
        pb.redirectError(logs.resolve(tag + ".err").toFile());
        return pb.start();
    }

    static TestSite.Run finish(Path logs, String tag, Process p) throws Exception {
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM " + tag + " did not finish in 300 s");
        }
        return new TestSite.Run(p.exitValue(), Files.readString(logs.resolve(tag + ".out")), Files.readString(logs.resolve(tag + ".err")));
    }

    static TestSite.Run run(TestSite t, String tag, List<String> jvmOptions, String command, String... extra) throws Exception {
        return finish(t.root, tag, start(t.root, tag, jvmOptions, Map.of(), siteArgs(t, command, extra)));
    }
}
