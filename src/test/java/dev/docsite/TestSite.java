package dev.docsite;

import dev.docsite.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A small content folder written by a test, and helpers to run the real command line on it. */
public final class TestSite {
    public final Path root;
    public final Path content;
    public final Path out;

    public TestSite(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        this.out = root.resolve("site");
    }

    /** Two versions, three audiences, one catalog, a schema and pages that use every feature. */
    public static TestSite valid(Path root) {
        TestSite t = new TestSite(root);
        t.write("site.yaml", """
                title: Test Docs
                base_url: https://docs.example.com/test/
                edit_url: https://example.com/edit/{path}
                audiences:
                  - id: decision-maker
                    title: Deciders
                  - id: admin
                    title: Admins
                  - id: end-user
                    title: Users
                versions:
                  - name: "2.0"
                  - name: "1.0"
                """);
        t.write("pages/decision-maker/why.yaml", """
                title: Why
                audience: decision-maker
                summary: Why it matters.
                body: |
                  == Reasons
                  See xref:admin/setup.adoc#before-you-begin[setup].
                """);
        t.write("pages/admin/setup.yaml", """
                title: Set up
                audience: admin
                summary: How to set it up.
                order: 10
                aliases: [admin/install]
                body: |
                  == Before you begin
                  Read xref:end-user/start.adoc#sign-in[signing in].

                  ifeval::["{docsite-version}" == "1.0"]
                  Only in one-point-oh.
                  endif::[]

                  [source,json,role=live,schema=cfg]
                  ----
                  {"Enable": true}
                  ----
                """);
        t.write("pages/admin/troubleshoot.yaml", """
                title: Troubleshoot
                audience: admin
                summary: Every error.
                order: 20
                body: |
                  == Errors
                  error-table::sign-in[audience=admin]

                  error-response::ent.test.token_expired.app_error[]
                """);
        t.write("pages/admin/new-thing.yaml", """
                title: New thing
                audience: admin
                summary: Only from 2.0.
                order: 30
                since: "2.0"
                body: |
                  == What is new
                  Text.
                """);
        t.write("pages/end-user/start.yaml", """
                title: Start
                audience: end-user
                summary: Start here.
                body: |
                  [#sign-in]
                  == Sign in
                  If you see error:ent.test.token_expired.app_error[], sign in again.

                  user-message::ent.test.token_expired.app_error[]
                """);
        t.write("errors/sign-in.yaml", """
                title: Sign-in errors
                errors:
                  - id: ent.test.token_expired.app_error
                    layer: server
                    http: 400
                    scenario: Token expired
                    user_message: Your session has expired. Please sign in again.
                    retry: none
                    fallback: none
                    cause: The token is too old.
                    resolution: Sign in again.
                  - id: api.test.not_configured.app_error
                    layer: server
                    http: 501
                    scenario: Not configured
                    retry: none
                    fallback: web-sso
                    cause: Not set up.
                    resolution: Set it up.
                """);
        t.write("schemas/cfg.schema.json", """
                {"type": "object", "properties": {"Enable": {"type": "boolean"}}, "required": ["Enable"], "additionalProperties": false}
                """);
        return t;
    }

    public TestSite write(String rel, String text) {
        try {
            Path f = content.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relToOut) {
        try {
            return Files.readString(out.resolve(relToOut));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of one real command-line run. */
    public record Run(int exit, String out, String err) {}

    public Run run(String command, String... extra) {
        String[] args = new String[extra.length + 9];
        args[0] = command;
        args[1] = "--content"; args[2] = content.toString();
        args[3] = "--out"; args[4] = out.toString();
        args[5] = "--templates"; args[6] = Path.of("templates").toAbsolutePath().toString();
        args[7] = "--cache"; args[8] = root.resolve("cache").toString();
        System.arraycopy(extra, 0, args, 9, extra.length);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    /** Every file under a folder with a hash of its bytes: compares trees byte for byte. */
    public static Map<String, String> snapshot(Path dir) {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(dir)) return m;
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : s.filter(Files::isRegularFile).toList())
                m.put(dir.relativize(f).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
