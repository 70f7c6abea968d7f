package dev.docsite;

import dev.docsite.check.CatalogChecks;
import dev.docsite.check.ErrorTableChecks;
import dev.docsite.check.InternalLinks;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentSet;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.site.BuildResult;
import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small but complete content set written to a folder: two versions, a catalog with server, mobile and
 * config errors (placeholders, a silent error, an entry retired with until), admin and end-user pages
 * that use every error macro, a correct hand-written table and correct quotes. It passes every check;
 * tests break it one rule at a time with {@link #edit}.
 */
public final class Fixture {
    /** The project's templates (tests run in the module folder). */
    public static final Path TEMPLATES = Path.of("templates");

    public static final String SITE = """
            title: Fixture site
            audiences:
              - id: admin
                title: Administrators
              - id: end-user
                title: End users
            versions:
              - name: "2.0"
              - name: "1.0"
            """;

    public static final String SIGN_IN = """
            title: Sign-in errors
            errors:
              - id: api.user.login.token_expired.app_error
                layer: server
                http: 400
                scenario: The access token has expired
                user_message: "Your session has expired. Please sign in again."
                user_meaning: "Your sign-in session ran out."
                user_action: "Sign in again."
                retry: once
                fallback: none
                cause: The token was past its expiry time when the server checked it.
                resolution: Sign in again; if it repeats, check the device clock.

              - id: api.user.login.not_configured.app_error
                layer: server
                http: 501
                scenario: Sign-in is not configured
                retry: none
                fallback: web-sso
                cause: The feature is turned off on the server.
                resolution: Turn the feature on in the System Console.

              - id: ent.login.account_locked.app_error
                layer: server
                http: 409
                scenario: The account is deactivated
                user_message: "Your account has been deactivated. Please contact your system administrator."
                user_meaning: "Your account was turned off."
                user_action: "Ask your administrator to turn it back on."
                retry: none
                fallback: none
                cause: The matching user was deactivated.
                resolution: Reactivate the account if access is intended.

              - id: ent.login.legacy_token.app_error
                layer: server
                http: 401
                scenario: A legacy token was sent
                user_message: "This sign-in method is no longer supported."
                user_meaning: "Your app is too old for this server."
                user_action: "Update the app from the App Store."
                retry: none
                fallback: none
                cause: Old app versions sent legacy tokens.
                resolution: Update the app.
                until: "1.0"

              - id: app.enrollment_required
                layer: mobile
                scenario: Enrollment is required
                user_title: Enrollment Required
                user_message: "{organization} requires enrollment in Microsoft Intune to protect corporate data."
                user_meaning: "{organization} protects work data with Intune."
                user_action: "Continue and enroll."
                placeholders:
                  organization: your organization's name
                retry: none
                fallback: none
                cause: The server requires enrollment for this user.
                resolution: Continue and complete the enrollment.
            """;

    public static final String CONFIG = """
            title: Configuration errors
            errors:
              - id: model.config.is_valid.tenant_id.app_error
                layer: config
                scenario: Tenant ID is empty
                user_message: "Tenant ID is required when the feature is enabled."
                retry: none
                fallback: none
                cause: The setting is empty.
                resolution: Enter the tenant ID.

            """ + Fixture.CLIENT_ID_ENTRY;

    /** The last entry of the config catalog, for tests that delete or retire it. */
    public static final String CLIENT_ID_ENTRY = """
              - id: model.config.is_valid.client_id.app_error
                layer: config
                scenario: Client ID is not a UUID
                user_message: "Client ID must be a valid UUID."
                retry: none
                fallback: none
                cause: The setting holds something else than a UUID.
                resolution: Enter the application (client) ID.
            """;

    public static final String ADMIN_PAGE = """
            title: Troubleshoot sign-in
            audience: admin
            summary: Every sign-in error and what to do about it.
            body: |
              == Sign-in errors

              error-table::sign-in[audience=admin]

              When the token has expired the app shows “Your session has expired. Please sign in again.”
              and the server answers like this:

              error-response::api.user.login.token_expired.app_error[]

              A deactivated account reads "Your account has been deactivated." in the app, and
              enrollment reads "Contoso requires enrollment in Microsoft Intune to protect corporate data."
              for an organization called Contoso. To change this, "open the System Console and save the settings"
              after editing `IntuneSettings.TenantId in config.json`.

              == Quick reference

              [cols="3,1,3",options="header"]
              |===
              |Error ID |HTTP |User message
              |error:api.user.login.token_expired.app_error[]
              |400
              |Your session has expired. Please sign in again.
              |error:ent.login.account_locked.app_error[]
              |409
              |"Your account has been deactivated. Please contact your system administrator."
              |===

              == Configuration errors

              error-table::config[audience=admin]
            """;

    public static final String USER_PAGE = """
            title: Messages you may see
            audience: end-user
            summary: What the app's messages mean.
            body: |
              == Messages

              user-message::app.enrollment_required[]

              If your session expires (error:api.user.login.token_expired.app_error[]), sign in again.

              error-table::sign-in[audience=end-user]
            """;

    private Fixture() {}

    /** Writes the clean content set into {@code dir}/content and returns the content folder. */
    public static Path clean(Path dir) throws IOException {
        Path c = dir.resolve("content");
        write(c, "site.yaml", SITE);
        write(c, "errors/sign-in.yaml", SIGN_IN);
        write(c, "errors/config.yaml", CONFIG);
        write(c, "pages/admin/troubleshoot.yaml", ADMIN_PAGE);
        write(c, "pages/end-user/messages.yaml", USER_PAGE);
        return c;
    }

    public static Path write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Replaces the only occurrence of {@code from} in a file; fails when it is not there exactly once. */
    public static void edit(Path root, String rel, String from, String to) throws IOException {
        Path f = root.resolve(rel);
        String text = Files.readString(f);
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) fail("expected exactly one '" + from + "' in " + f);
        Files.writeString(f, text.replace(from, to));
    }

    /** 1-based line of the first line of {@code file} containing {@code text}. */
    public static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("'" + text + "' not in " + file);
    }

    /** 1-based line of the first line containing {@code text} after the first line containing {@code after}. */
    public static int lineOf(Path file, String after, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lineOf(file, after);
        for (int i = start - 1; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("'" + text + "' not after '" + after + "' in " + file);
    }

    /** "file:line" as findings show it (DirectorySource names files outside the working folder by absolute path). */
    public static String at(Path file, String text) throws IOException {
        return file.toAbsolutePath().normalize() + ":" + lineOf(file, text);
    }

    // ---- building with the process's one Asciidoctor (JRuby starts once per test run) ---------------

    public static AsciidocRenderer renderer() { return AsciidocRenderer.shared(); }

    /** Loads and builds {@code content} into {@code out} as `docsite check` does, with the build's own checks. */
    public static BuildResult build(Path content, Path out) throws ContentException, IOException, Layout.LayoutException {
        // Like the build transaction, but the written folder stays for the test to read whatever was found.
        ContentSet set = ContentLoader.loadAll(new DirectorySource(content));
        dev.docsite.content.ContentRoot root = dev.docsite.content.ContentRoot.of(content);
        SiteBuilder b = new SiteBuilder(renderer(), RenderCache.memoryOnly(), new Layout(TEMPLATES), 2);
        BuildResult r = dev.docsite.check.BuildChecks.run(b.build(new SiteBuilder.Request(set, root, List.of(), null), out), set, root);
        List<Finding> all = new ArrayList<>(r.findings());
        for (var p : set.problems()) all.add(Finding.of(p));
        return new BuildResult(r.dir(), r.versions(), Findings.sorted(all), r.stats());
    }

    /** Every finding of a check run without the upstream comparison: the build's and the error-table checks. */
    public static List<Finding> check(Path content, Path out) throws Exception {
        BuildResult r = build(content, out);
        List<Finding> all = new ArrayList<>(r.findings());
        all.addAll(ErrorTableChecks.check(r));
        return Findings.sorted(all);
    }

    public static String text(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) b.append(f.toText()).append('\n');
        return b.toString();
    }

    public static void assertNoFindings(List<Finding> findings) {
        assertTrue(findings.isEmpty(), "expected no findings, got:\n" + text(findings));
    }

    /** Runs the command line, capturing what it prints. */
    public record Run(int exitCode, String out, String err) {}

    public static Run main(String... args) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = dev.docsite.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
