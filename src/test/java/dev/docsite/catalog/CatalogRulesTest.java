package dev.docsite.catalog;

import dev.docsite.Fixture;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog rules on the catalogs themselves: each fixture breaks exactly one rule; the clean fixture
 * breaks none. (That they fail the build and are reported with everything else: CheckCommandTest.)
 */
class CatalogRulesTest {
    @TempDir Path dir;

    private static final String CATALOG = "errors/sign-in.yaml";

    private List<Problem> problems(Path content) throws ContentException {
        return CatalogRules.checkStructure(ContentLoader.load(new DirectorySource(content)).catalogs());
    }

    /** Asserts the load fails with exactly one problem, of {@code rule}, at {@code line} of the catalog. */
    private Problem only(Path content, String rule, int line) throws ContentException {
        List<Problem> ps = problems(content);
        assertEquals(1, ps.size(), "expected one problem, got " + ps);
        Problem p = ps.get(0);
        assertEquals(rule, p.rule(), p.toString());
        assertEquals(content.resolve(CATALOG).toAbsolutePath().normalize().toString(), p.pos().file(), p.toString());
        assertEquals(line, p.pos().line(), p.toString());
        return p;
    }

    private int line(Path content, String text) throws Exception { return Fixture.lineOf(content.resolve(CATALOG), text); }

    private int line(Path content, String after, String text) throws Exception { return Fixture.lineOf(content.resolve(CATALOG), after, text); }

    @Test void cleanCatalogsBreakNoRule() throws Exception {
        assertEquals(List.of(), problems(Fixture.clean(dir)));
    }

    @Test void idsAreUniqueAcrossCatalogs() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, "errors/config.yaml", "model.config.is_valid.tenant_id.app_error", "ent.login.account_locked.app_error");
        // Catalogs load in file order: config.yaml first, so the sign-in entry is the second definition.
        Problem p = only(c, CatalogRules.UNIQUE_ID, line(c, "- id: ent.login.account_locked.app_error"));
        assertTrue(p.message().contains(Fixture.at(c.resolve("errors/config.yaml"), "ent.login.account_locked.app_error")), p.message());
    }

    @Test void serverIdsFollowTheServerFormat() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "id: ent.login.account_locked.app_error", "id: ent.login.AccountLocked");
        Problem p = only(c, CatalogRules.SERVER_ID_FORMAT, line(c, "ent.login.AccountLocked"));
        assertTrue(p.message().contains("'ent.login.AccountLocked'"), p.message());
    }

    @Test void serverErrorsHaveAnHttpStatusInRange() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "http: 409", "http: 302");
        only(c, CatalogRules.HTTP_STATUS, line(c, "http: 302"));
    }

    /**
     * The range is 400 to 599 with both ends included: each bound is checked on both of its sides, on the
     * rule itself (the loader already refuses numbers that are no HTTP status at all, above 599 included).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "http {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {399, 400, 599, 600})
    void theHttpRangeIncludesBothEnds(int status) throws Exception {
        List<ErrorCatalog> catalogs = ContentLoader.load(new DirectorySource(Fixture.clean(dir))).catalogs().stream()
                .map(c -> new ErrorCatalog(c.id(), c.title(), c.path(), c.pos(), c.errors().stream()
                        .map(e -> e.http() != null && e.http() == 409 ? withHttp(e, status) : e).toList()))
                .toList();
        List<Problem> ps = CatalogRules.checkStructure(catalogs);
        if (status >= 400 && status <= 599) {
            assertEquals(List.of(), ps);
        } else {
            assertEquals(1, ps.size(), ps.toString());
            assertEquals(CatalogRules.HTTP_STATUS, ps.get(0).rule());
            assertTrue(ps.get(0).message().contains("has http " + status + " (expected 400 to 599)"), ps.get(0).message());
        }
    }

    private static ErrorEntry withHttp(ErrorEntry e, int http) { return dev.docsite.TestRecords.with(e, "http", http); }

    @org.junit.jupiter.params.ParameterizedTest(name = "http {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {100, 599})
    void theLoaderTakesEveryHttpStatusLeavingTheServerRangeToTheRule(int status) throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "http: 409", "http: " + status);
        List<Problem> ps = problems(c);   // loads without a content error
        assertEquals(status == 599 ? List.of() : List.of(CatalogRules.HTTP_STATUS), ps.stream().map(Problem::rule).toList(), ps.toString());
    }

    @Test void aListWhereANumberBelongsNamesWhatWasFound() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "http: 409", "http: [409]");
        ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> problems(c));
        assertTrue(e.problems().get(0).message().contains("expected a whole number, found a list"), e.problems().toString());
    }

    @Test void aContentErrorWithOneProblemSaysItAndSeveralAreCounted() {
        Problem one = new Problem(new dev.docsite.content.SourcePos("errors/x.yaml", 4, 3), "catalog/http-status", "has http 302");
        assertEquals(one.pos() + ": error catalog/http-status: has http 302", one.toString());
        assertEquals(one.toString(), new ContentException(one).getMessage());
        assertEquals("2 problems in the content", new ContentException(List.of(one, one)).getMessage());
    }

    @Test void aNumberAboveAnyHttpStatusIsRefusedWhenLoading() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "http: 409", "http: 600");
        ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> problems(c));
        assertTrue(e.problems().get(0).message().contains("599"), e.problems().toString());
        assertEquals(line(c, "http: 600"), e.problems().get(0).pos().line());
    }

    /** Server ids are lowercase api.* or ent.* segments ending in .app_error, as the server's i18n ids are. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ent.login.Account_locked.app_error", "ENT.login.locked.app_error",
            "ent.login.locked.App_error", "model.login.locked.app_error", "ent.app_error", "ent.login.locked.app_error.extra",
            "ent.login-locked.app_error", "xent.login.locked.app_error"})
    void serverIdsThatAreNotLowercaseApiOrEntIdsAreReported(String id) throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "id: ent.login.account_locked.app_error", "id: " + id);
        only(c, CatalogRules.SERVER_ID_FORMAT, line(c, "id: " + id));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"api.x.app_error", "ent.login.account_locked_2.app_error"})
    void wellFormedServerIdsPass(String id) throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "id: ent.login.account_locked.app_error", "id: " + id);
        assertEquals(List.of(), problems(c));
    }

    @Test void serverErrorsWithoutHttpStatusAreReported() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    http: 409\n", "");
        only(c, CatalogRules.HTTP_STATUS, line(c, "- id: ent.login.account_locked.app_error"));
    }

    @Test void onlyServerErrorsHaveAnHttpStatus() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    layer: mobile\n", "    layer: mobile\n    http: 400\n");
        only(c, CatalogRules.HTTP_STATUS, line(c, "layer: mobile", "http: 400"));
    }

    @Test void silentErrorsFallBackToWebSso() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    fallback: web-sso\n", "    fallback: none\n");
        Problem p = only(c, CatalogRules.SILENT_FALLBACK, line(c, "api.user.login.not_configured.app_error", "fallback:"));
        assertTrue(p.message().contains("api.user.login.not_configured.app_error"), p.message());
    }

    @Test void silentErrorsAreNotRetried() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    retry: none\n    fallback: web-sso\n", "    retry: once\n    fallback: web-sso\n");
        only(c, CatalogRules.SILENT_RETRY, line(c, "api.user.login.not_configured.app_error", "retry:"));
    }

    @Test void everyEntryHasACause() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    cause: The matching user was deactivated.\n", "");
        Problem p = only(c, CatalogRules.CAUSE_RESOLUTION, line(c, "- id: ent.login.account_locked.app_error"));
        assertTrue(p.message().contains("no cause"), p.message());
    }

    @Test void everyEntryHasAResolution() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    resolution: Update the app.\n", "");
        Problem p = only(c, CatalogRules.CAUSE_RESOLUTION, line(c, "- id: ent.login.legacy_token.app_error"));
        assertTrue(p.message().contains("no resolution"), p.message());
    }

    @Test void placeholdersInMessagesAreDeclared() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "Please contact your system administrator.\"", "Please contact {admin_name}.\"");
        Problem p = only(c, CatalogRules.PLACEHOLDER, line(c, "Please contact {admin_name}"));
        assertTrue(p.message().contains("{admin_name}"), p.message());
    }

    @Test void declaredPlaceholdersAreUsed() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "\"{organization} requires enrollment", "\"Your organization requires enrollment");
        Problem p = only(c, CatalogRules.PLACEHOLDER, line(c, "placeholders:"));
        assertTrue(p.message().contains("'organization'"), p.message());
    }

    /** A server status Mattermost does not publish is written http: unknown, not guessed; other layers still have none. */
    @Test void anUnpublishedStatusIsWrittenUnknown() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "http: 409", "http: unknown");
        assertEquals(List.of(), problems(c));
        ErrorEntry e = ContentLoader.load(new DirectorySource(c)).error("ent.login.account_locked.app_error").orElseThrow();
        assertTrue(e.httpUnknown());
        assertEquals("HTTP status not published", ErrorHtml.httpText(e));
        Fixture.edit(c, CATALOG, "    layer: mobile\n", "    layer: mobile\n    http: unknown\n");
        only(c, CatalogRules.HTTP_STATUS, line(c, "layer: mobile", "http: unknown"));
    }

    /** The app's automatic retry and the user's buttons are separate fields; a silent error has neither. */
    @Test void userOptionsAreSeparateFromRetryAndNeverOnSilentErrors() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    retry: none\n    fallback: web-sso\n", "    retry: none\n    user_options: [retry]\n    fallback: web-sso\n");
        only(c, CatalogRules.SILENT_RETRY, line(c, "api.user.login.not_configured.app_error", "user_options:"));
    }

    @Test void anUnknownUserOptionIsAContentError() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "    retry: none\n    fallback: none\n    cause: The server requires", "    retry: none\n    user_options: [retry, logout]\n    fallback: none\n    cause: The server requires");
        ContentException ex = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> ContentLoader.load(new DirectorySource(c)));
        assertTrue(ex.getMessage().contains("'logout'") && ex.getMessage().contains("did you mean 'log-out'"), ex.getMessage());
    }

    @Test void placeholdersInTheEndUserGuidanceAreDeclared() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "Ask your administrator to turn it back on.", "Ask {admin_name} to turn it back on.");
        Problem p = only(c, CatalogRules.PLACEHOLDER, line(c, "Ask {admin_name}"));
        assertTrue(p.message().contains("user_action"), p.message());
    }

    /** Entries an end-user table shows need user_meaning and user_action; entries no end-user table shows do not. */
    @Test void entriesShownToEndUsersNeedTheirMeaningAndAction() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.edit(c, CATALOG, "                user_action: \"Ask your administrator to turn it back on.\"\n".replace("                ", "    "), "");
        List<dev.docsite.report.Finding> fs = Fixture.build(c, dir.resolve("site")).findings();
        assertEquals(1, fs.size(), Fixture.text(fs));
        assertEquals(CatalogRules.END_USER_GUIDANCE, fs.get(0).rule());
        assertEquals(line(c, "- id: ent.login.account_locked.app_error"), fs.get(0).pos().line());
        assertTrue(fs.get(0).message().contains("no user_action"), fs.get(0).message());
        // The config catalog has no end-user table, so its entries need no end-user guidance.
        assertTrue(!Fixture.CONFIG.contains("user_action"));
    }
}
