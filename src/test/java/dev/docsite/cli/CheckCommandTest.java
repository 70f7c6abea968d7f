package dev.docsite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `docsite check` end to end through Main.run: one run reports every finding, formats, fail level, exit codes. */
class CheckCommandTest {
    @TempDir Path dir;

    static final String ADMIN = "pages/admin/troubleshoot.yaml", USER = "pages/end-user/messages.yaml", SIGN_IN = "errors/sign-in.yaml";

    private Fixture.Run check(Path content, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--content", content.toString(), "--templates", Fixture.TEMPLATES.toString(), "--no-cache"));
        args.addAll(List.of(more));
        return Fixture.main(args.toArray(String[]::new));
    }

    @Test void aCleanContentSetPassesWithExitCode0() throws Exception {
        Fixture.Run run = check(Fixture.clean(dir));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("0 errors, 0 warnings in 4 pages of 2 versions\n", run.out());
    }

    /** A content set with a defect of each kind: every one is reported in the same run, each at its file and line. */
    @Test void everyDefectIsReportedInOneRunWithFileAndLine() throws Exception {
        Path c = Fixture.clean(dir);
        Path signIn = c.resolve(SIGN_IN), admin = c.resolve(ADMIN), user = c.resolve(USER);
        Fixture.edit(c, SIGN_IN, "http: 501", "http: 302");                                            // catalog rule
        Fixture.edit(c, SIGN_IN, "    cause: Old app versions sent legacy tokens.\n", "");           // catalog rule
        Fixture.edit(c, ADMIN, "  |400\n", "  |401\n");                                               // hand-written table
        Fixture.edit(c, ADMIN, "Please sign in again.”", "Please log in again.”");                     // drift
        Fixture.edit(c, ADMIN, "  error-table::config[audience=admin]\n", "");                        // two entries no admin sees
        Fixture.edit(c, USER, "(error:api.user.login.token_expired.app_error[])", "(error:api.user.login.expired.app_error[])"); // unknown id
        Fixture.edit(c, USER, "  == Messages\n", "  == Messages\n\n  See xref:admin/missing.adoc[the missing page].\n");        // broken xref
        Fixture.Run run = check(c);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        Path config = c.resolve("errors/config.yaml");
        List<String> expected = List.of(
                Fixture.at(signIn, "http: 302") + ":5: error catalog/http-status: ",
                Fixture.at(signIn, "- id: ent.login.legacy_token") + ":5: error catalog/cause-and-resolution: ",
                Fixture.at(config, "- id: model.config.is_valid.tenant_id") + ":5: error catalog/shown-to-admins: ",
                Fixture.at(config, "- id: model.config.is_valid.client_id") + ":5: error catalog/shown-to-admins: ",
                Fixture.at(admin, "|error:api.user.login.token_expired.app_error[]") + ": error hand-table/differs: ",
                Fixture.at(admin, "Please log in again.") + ": warning drift/user-message: ",
                Fixture.at(user, "xref:admin/missing.adoc") + ": error link/missing-page: ",
                Fixture.at(user, "error:api.user.login.expired.app_error") + ": error error-ref/unknown-id: ");
        List<String> lines = run.out().lines().toList();
        for (String e : expected) assertTrue(lines.stream().anyMatch(l -> l.startsWith(e)), "missing " + e + " in\n" + run.out());
        assertEquals(expected.size() + 1, lines.size(), "only the expected findings and the summary:\n" + run.out());
        assertEquals("7 errors, 1 warning in 4 pages of 2 versions", lines.get(lines.size() - 1));
    }

    @Test void warningsFailOnlyAtFailLevelWarning() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, ADMIN, "Please sign in again.”", "Please log in again.”");
        Fixture.Run lenient = check(c);
        assertEquals(0, lenient.exitCode(), lenient.out());
        assertTrue(lenient.out().contains("warning drift/user-message"), lenient.out());
        Fixture.Run strict = check(c, "--fail-level", "warning");
        assertEquals(1, strict.exitCode(), strict.out());
    }

    @Test void sarifOnStdoutAndTheCountsOnStderr() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, SIGN_IN, "http: 501", "http: 302");
        Fixture.Run run = check(c, "--format", "sarif");
        assertEquals(1, run.exitCode());
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        JsonNode result = sarif.at("/runs/0/results/0");
        assertEquals("catalog/http-status", result.get("ruleId").asText());
        assertEquals(Fixture.lineOf(c.resolve(SIGN_IN), "http: 302"), result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("1 error, 0 warnings in 4 pages of 2 versions\n", run.err());
    }

    @Test void githubAnnotationsAndTheJobSummary() throws Exception {
        Assumptions.assumeTrue(System.getenv("GITHUB_STEP_SUMMARY") == null, "inside GitHub Actions the summary goes to the step summary file");
        Path c = Fixture.clean(dir);
        Fixture.edit(c, SIGN_IN, "http: 501", "http: 302");
        Fixture.Run run = check(c, "--format", "github");
        assertEquals(1, run.exitCode());
        List<String> lines = run.out().lines().toList();
        Path signIn = c.resolve(SIGN_IN).toAbsolutePath();
        assertEquals("::error file=" + signIn + ",line=" + Fixture.lineOf(signIn, "http: 302") + ",col=5,title=catalog/http-status::", lines.get(0).substring(0, lines.get(0).indexOf("::", 2) + 2));
        assertEquals("## docsite check: 1 error, 0 warnings in 4 pages of 2 versions (failed at level error)", lines.get(1));
    }

    @Test void contentThatDoesNotLoadIsReportedInTheFormatAskedFor() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, SIGN_IN, "    retry: once\n", "    retry: twice\n");
        Fixture.Run run = check(c, "--format", "json");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode f = new ObjectMapper().readTree(run.out()).get("findings").get(0);
        assertEquals(Fixture.lineOf(c.resolve(SIGN_IN), "retry: twice"), f.get("line").asInt());
        assertTrue(f.get("message").asText().contains("expected one of none, once"), f.toString());
    }

    @Test void usageAndConfigurationErrorsExitWith2() throws Exception {
        Fixture.Run badFormat = Fixture.main("check", "--format", "xml");
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().contains("--format"), badFormat.err());
        Fixture.Run badLevel = Fixture.main("check", "--fail-level", "note");
        assertEquals(2, badLevel.exitCode());
        Fixture.Run noContent = Fixture.main("check", "--content", dir.resolve("nothing").toString());
        assertEquals(2, noContent.exitCode());
        assertTrue(noContent.err().contains("content folder not found"), noContent.err());
    }

    /** No false positives: the default documentation passes every check, warnings included, and matches the server's texts. */
    @Test void theDefaultContentPassesEveryCheck() {
        Fixture.Run run = Fixture.main("check", "--content", "content", "--templates", Fixture.TEMPLATES.toString(), "--cache",
                dir.resolve("cache").toString(), "--fail-level", "warning",
                "--upstream-i18n", "src/test/resources/upstream/mattermost-server-en.intune.json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("0 errors, 0 warnings in "), run.out());
    }

    @Test void checkWithOutPublishesTheSiteItChecked() throws Exception {
        Path c = Fixture.clean(dir);
        Path out = dir.resolve("site");
        Fixture.Run run = check(c, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // errors.json per version: the entry retired after 1.0 is only in 1.0; placeholders and row links are there.
        ObjectMapper json = new ObjectMapper();
        JsonNode v2 = json.readTree(Files.readString(out.resolve("2.0/errors.json"))), v1 = json.readTree(Files.readString(out.resolve("1.0/errors.json")));
        assertEquals("2.0", v2.get("version").asText());
        List<String> ids2 = new java.util.ArrayList<>(), ids1 = new java.util.ArrayList<>();
        v2.get("errors").forEach(e -> ids2.add(e.get("id").asText()));
        v1.get("errors").forEach(e -> ids1.add(e.get("id").asText()));
        assertFalse(ids2.contains("ent.login.legacy_token.app_error"));
        assertTrue(ids1.contains("ent.login.legacy_token.app_error"));
        JsonNode enrollment = v2.get("errors").get(ids2.indexOf("app.enrollment_required"));
        assertEquals("your organization's name", enrollment.at("/placeholders/organization").asText());
        assertEquals("Continue and enroll.", enrollment.get("user_action").asText(), "the end users' guidance is in errors.json too");
        assertEquals("admin/troubleshoot.html#err-app-enrollment_required", enrollment.get("url").asText());
        assertTrue(Files.readString(out.resolve("2.0/admin/troubleshoot.html")).contains("id=\"err-app-enrollment_required\""));
        assertFalse(Files.exists(dir.resolve(".docsite-cache")), "--no-cache writes no cache");
    }
}
