package dev.docsite.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog against the product's translation file: ids missing on either side, and differing text. */
class UpstreamI18nTest {
    @TempDir Path dir;

    static final Path SEED = Path.of("src/test/resources/seed-review/content");
    static final Path SERVER_I18N = Path.of("src/test/resources/upstream/mattermost-server-en.intune.json");

    /** The translations that match the clean fixture's newest version (2.0) exactly. */
    static final String MATCHING = """
            [
              {"id": "api.user.login.token_expired.app_error", "translation": "Your session has expired. Please sign in again."},
              {"id": "api.user.login.not_configured.app_error", "translation": "Sign-in is not configured."},
              {"id": "ent.login.account_locked.app_error", "translation": "Your account has been deactivated. Please contact your system administrator."},
              {"id": "model.config.is_valid.tenant_id.app_error", "translation": "Tenant ID is required when the feature is enabled."},
              {"id": "model.config.is_valid.client_id.app_error", "translation": "Client ID must be a valid UUID."}
            ]
            """;

    private List<Finding> compare(Path content, String translations) throws Exception {
        Path file = Fixture.write(dir, "en.json", translations);
        BuildResult r = Fixture.build(content, dir.resolve("site"));
        return UpstreamI18n.compare(UpstreamI18n.read(file), r, file);
    }

    @Test void matchingTranslationsGiveNoFinding() throws Exception {
        // The retired entry (until 1.0) and the silent entry's own text are not compared.
        Fixture.assertNoFindings(compare(Fixture.clean(dir), MATCHING));
    }

    @Test void anIdTheProductDefinesButTheCatalogLacksIsReported() throws Exception {
        Path c = Fixture.clean(dir);
        List<Finding> fs = compare(c, MATCHING.replace("[\n", "[\n  {\"id\": \"ent.login.jwks.app_error\", \"translation\": \"Key setup failed.\"},\n"));
        Finding f = ErrorTableChecksTest.only(fs, UpstreamI18n.MISSING_IN_CATALOG, c.resolve("errors/sign-in.yaml"), 1);
        assertTrue(f.message().contains("'ent.login.jwks.app_error'") && f.message().contains(dir.resolve("en.json") + ":2"), f.message());
        assertEquals(List.of("2.0"), f.versions());
    }

    @Test void anIdTheProductDoesNotDefineIsReportedAtTheEntry() throws Exception {
        Path c = Fixture.clean(dir);
        List<Finding> fs = compare(c, MATCHING.replace("  {\"id\": \"model.config.is_valid.client_id.app_error\", \"translation\": \"Client ID must be a valid UUID.\"}\n", "  {\"id\": \"x\", \"translation\": \"\"}\n")
                .replace("{\"id\": \"x\", \"translation\": \"\"}", "{\"id\": \"model.config.is_valid.other.app_error\", \"translation\": \"Other.\"}"));
        List<String> rules = fs.stream().map(Finding::rule).sorted().toList();
        assertEquals(List.of(UpstreamI18n.MISSING_IN_CATALOG, UpstreamI18n.MISSING_UPSTREAM), rules, Fixture.text(fs));
        Finding missing = fs.stream().filter(f -> f.rule().equals(UpstreamI18n.MISSING_UPSTREAM)).findFirst().orElseThrow();
        Path config = c.resolve("errors/config.yaml");
        assertEquals(Fixture.lineOf(config, "- id: model.config.is_valid.client_id.app_error"), missing.pos().line());
        assertEquals(config.toAbsolutePath().toString(), missing.pos().file());
    }

    @Test void differingTextIsReportedAtTheUserMessage() throws Exception {
        Path c = Fixture.clean(dir);
        List<Finding> fs = compare(c, MATCHING.replace("Please contact your system administrator.", "Please contact your administrator."));
        Path signIn = c.resolve("errors/sign-in.yaml");
        Finding f = ErrorTableChecksTest.only(fs, UpstreamI18n.TEXT_DIFFERS, signIn,
                Fixture.lineOf(signIn, "Your account has been deactivated."));
        assertTrue(f.message().contains("'ent.login.account_locked.app_error'") && f.message().contains("Please contact your administrator."), f.message());
    }

    @Test void placeholdersCompareAcrossSyntaxes() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, "errors/config.yaml", "    user_message: \"Client ID must be a valid UUID.\"\n",
                "    user_message: \"Client ID {value} must be a valid UUID.\"\n    placeholders:\n      value: What was entered.\n");
        Fixture.assertNoFindings(compare(c, MATCHING.replace("Client ID must be", "Client ID {{.Value}} must be")));
    }

    @Test void aLayerTheCatalogDoesNotDocumentIsNotCompared() throws Exception {
        Path c = Fixture.clean(dir);
        Files.delete(c.resolve("errors/config.yaml"));
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  error-table::config[audience=admin]\n", "");
        Fixture.assertNoFindings(compare(c, MATCHING));
    }

    /** The reviewed table of the seed against the server's real translations: the drift the review missed. */
    @Test void theReviewedTableDriftedFromTheServer() throws Exception {
        Fixture.Run run = Fixture.main("check", "--content", SEED.toString(), "--templates", Fixture.TEMPLATES.toString(), "--no-cache",
                "--format", "json", "--upstream-i18n", SERVER_I18N.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        Set<String> differing = new TreeSet<>(), missing = new TreeSet<>();
        List<String> other = new ArrayList<>();
        Path catalog = SEED.resolve("errors/reviewed.yaml");
        for (JsonNode f : findings) {
            String rule = f.get("rule").asText(), message = f.get("message").asText();
            String id = message.substring(message.indexOf('\'') + 1, message.indexOf('\'', message.indexOf('\'') + 1));
            assertEquals(catalog.toString(), f.get("file").asText(), message);
            if (rule.equals(UpstreamI18n.TEXT_DIFFERS)) {
                differing.add(id);
                assertEquals(Fixture.lineOf(catalog, "- id: " + id, "user_message:"), f.get("line").asInt(), message);
            } else if (rule.equals(UpstreamI18n.MISSING_IN_CATALOG)) missing.add(id);
            else other.add(f.toString());
        }
        assertEquals(Set.of("ent.intune.validate_token.jwks_init.app_error"), missing);
        assertEquals(new TreeSet<>(Set.of(
                "api.user.login_by_intune.bot_login_forbidden.app_error",
                "api.user.login_by_intune.account_locked.app_error",
                "ent.intune.login.extract_auth_data.app_error",
                "ent.intune.validate_token.invalid_token.app_error",
                "ent.intune.validate_token.token_expired.app_error",
                "ent.intune.validate_token.missing_claims.app_error",
                "ent.intune.validate_token.invalid_tenant_id.app_error")), differing);
        assertEquals(List.of(), other, "nothing else is wrong with the reviewed table as a catalog");
    }

    // ---- the translation file itself --------------------------------------------------------------

    @Test void aFileThatIsNotJsonNamesTheLine() throws Exception {
        Path f = Fixture.write(dir, "en.json", "[\n  {\"id\": \"a\", \"translation\": \"b\"},\n  {\"id\": \"c\" \"translation\": \"d\"}\n]\n");
        UpstreamI18n.BadFile e = assertThrows(UpstreamI18n.BadFile.class, () -> UpstreamI18n.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
    }

    @Test void aFileOfTheWrongShapeSaysWhatWasExpected() throws Exception {
        Path f = Fixture.write(dir, "en.json", "{\"id\": \"a\"}");
        assertTrue(assertThrows(UpstreamI18n.BadFile.class, () -> UpstreamI18n.read(f)).getMessage().contains("expected a JSON array"));
        Path g = Fixture.write(dir, "en2.json", "[{\"translation\": \"b\"}]");
        assertTrue(assertThrows(UpstreamI18n.BadFile.class, () -> UpstreamI18n.read(g)).getMessage().contains("has no \"id\""));
    }

    @Test void aMissingOrBrokenFileIsAUsageError() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.Run run = Fixture.main("check", "--content", c.toString(), "--templates", Fixture.TEMPLATES.toString(), "--no-cache",
                "--upstream-i18n", dir.resolve("nope.json").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nope.json: translation file not found"), run.err());
    }
}
