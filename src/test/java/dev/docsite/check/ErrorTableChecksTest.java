package dev.docsite.check;

import dev.docsite.rules.Severity;
import dev.docsite.Fixture;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error-table checks on real builds: generated tables read back from the written HTML, hand-written
 * tables, drift of quoted messages and unknown ids in the macros. Each test breaks one rule of the clean
 * fixture and expects exactly that finding, at the page's YAML line.
 */
class ErrorTableChecksTest {
    @TempDir Path dir;

    static final String ADMIN = "pages/admin/troubleshoot.yaml";
    static final String USER = "pages/end-user/messages.yaml";

    private Path content() throws Exception { return Fixture.clean(dir); }

    private Path out() { return dir.resolve("site"); }

    /** Exactly one finding; it has {@code rule} and is at {@code file}:{@code line}. */
    static Finding only(List<Finding> findings, String rule, Path file, int line) {
        assertEquals(1, findings.size(), "expected one finding, got:\n" + Fixture.text(findings));
        Finding f = findings.get(0);
        assertEquals(rule, f.rule(), f.toText());
        assertEquals(file.toAbsolutePath().normalize().toString(), f.pos().file(), f.toText());
        assertEquals(line, f.pos().line(), f.toText());
        return f;
    }

    @Test void theCleanFixtureHasNoFindingInAnyVersion() throws Exception {
        Path c = content();
        BuildResult r = Fixture.build(c, out());
        assertEquals(List.of("2.0", "1.0"), r.versions().stream().map(BuildResult.VersionBuild::name).toList());
        Fixture.assertNoFindings(Fixture.check(c, dir.resolve("site2")));
        // The retired entry is in 1.0's table and not in 2.0's: the read-back compares per version.
        assertTrue(Files.readString(out().resolve("1.0/admin/troubleshoot.html")).contains("ent.login.legacy_token.app_error"));
        assertTrue(!Files.readString(out().resolve("2.0/admin/troubleshoot.html")).contains("ent.login.legacy_token.app_error"));
    }

    // ---- generated tables, read back from the written HTML ----------------------------------------

    /** Builds the clean fixture, changes the written 2.0 admin page with jsoup, and runs the checks on it. */
    private List<Finding> tampered(Consumer<Document> change) throws Exception {
        Path c = content();
        BuildResult r = Fixture.build(c, out());
        Fixture.assertNoFindings(r.findings());
        Path page = out().resolve("2.0/admin/troubleshoot.html");
        Document doc = Jsoup.parse(Files.readString(page));
        change.accept(doc);
        Files.writeString(page, doc.outerHtml());
        return ErrorTableChecks.check(r);
    }

    private static Element row(Document doc, String id) { return doc.selectFirst("div.error-table [data-error-id=" + id + "]"); }

    private int tableLine() throws Exception { return Fixture.lineOf(dir.resolve("content").resolve(ADMIN), "error-table::sign-in[audience=admin]"); }

    private Path adminPage() { return dir.resolve("content").resolve(ADMIN); }

    @Test void aCellThatDiffersFromTheCatalogIsNamedByIdAndColumn() throws Exception {
        List<Finding> fs = tampered(doc -> row(doc, "api.user.login.token_expired.app_error").selectFirst("[data-field=http]").text("HTTP 401"));
        Finding f = only(fs, ErrorTableChecks.CELL, adminPage(), tableLine());
        assertTrue(f.message().contains("entry 'api.user.login.token_expired.app_error', column 'HTTP'"), f.message());
        assertTrue(f.message().contains("\"HTTP 401\"") && f.message().contains("\"HTTP 400\""), f.message());
        assertEquals(List.of("2.0"), f.versions());
    }

    @Test void aMissingRowIsReported() throws Exception {
        Finding f = only(tampered(doc -> row(doc, "ent.login.account_locked.app_error").remove()), ErrorTableChecks.MISSING_ROW, adminPage(), tableLine());
        assertTrue(f.message().contains("'ent.login.account_locked.app_error'"), f.message());
    }

    @Test void anExtraRowIsReported() throws Exception {
        List<Finding> fs = tampered(doc -> {
            Element copy = row(doc, "ent.login.account_locked.app_error").clone();
            copy.attr("data-error-id", "ent.login.retired.app_error").id("err-ent-login-retired-app_error");
            copy.selectFirst("[data-field=id]").html("ent.login.retired.app_error");
            doc.selectFirst("div.error-table").appendChild(copy);
        });
        Finding f = only(fs, ErrorTableChecks.EXTRA_ROW, adminPage(), tableLine());
        assertTrue(f.message().contains("'ent.login.retired.app_error'"), f.message());
    }

    @Test void reorderedRowsAreReported() throws Exception {
        List<Finding> fs = tampered(doc -> {
            Element first = row(doc, "api.user.login.token_expired.app_error");
            first.remove();
            doc.selectFirst("div.error-table").appendChild(first);
        });
        Finding f = only(fs, ErrorTableChecks.ROW_ORDER, adminPage(), tableLine());
        assertTrue(f.message().contains("where the catalog has 'api.user.login.token_expired.app_error' (entry 1; expected catalog order)"), f.message());
    }

    @Test void aChangedRowAnchorIsReported() throws Exception {
        only(tampered(doc -> row(doc, "ent.login.account_locked.app_error").id("account-locked")), ErrorTableChecks.ROW_ANCHOR, adminPage(), tableLine());
    }

    /** Every field of the admin reference is read back: one that a layout drops is reported by name. */
    @Test void everyFieldOfTheReferenceIsCompared() throws Exception {
        List<String> fields = dev.docsite.catalog.ErrorHtml.ADMIN_FIELDS;
        // The deactivated-account entry offers no user options: that field is absent from its block.
        List<Finding> fs = tampered(doc -> {
            for (String field : fields) {
                Element el = row(doc, "ent.login.account_locked.app_error").selectFirst("[data-field=" + field + "]");
                if (el != null) el.text("changed");
            }
        });
        assertEquals(fields.size() - 1, fs.size(), Fixture.text(fs));
        List<String> columns = dev.docsite.catalog.ErrorHtml.ADMIN_COLUMNS;
        for (int i = 0; i < columns.size(); i++) {
            if (fields.get(i).equals("user_options")) continue;
            String column = columns.get(i);
            assertTrue(fs.stream().anyMatch(f -> f.rule().equals(ErrorTableChecks.CELL) && f.message().contains("column '" + column + "'")
                    && f.message().contains("\"changed\"")), column + " is compared: " + Fixture.text(fs));
        }
        fs = tampered(doc -> row(doc, "ent.login.account_locked.app_error").selectFirst("[data-field=cause]").remove());
        assertTrue(only(fs, ErrorTableChecks.CELL, adminPage(), tableLine()).message().contains("column 'Cause': the page shows \"(not shown)\""));
    }

    @Test void changedColumnsOfTheEndUserTableAreReported() throws Exception {
        Path c = content();
        BuildResult r = Fixture.build(c, out());
        Path page = out().resolve("2.0/end-user/messages.html");
        Document doc = Jsoup.parse(Files.readString(page));
        doc.select("div.error-table th").get(2).text("Next steps");
        Files.writeString(page, doc.outerHtml());
        only(ErrorTableChecks.check(r), ErrorTableChecks.HEADER, c.resolve(USER), Fixture.lineOf(c.resolve(USER), "error-table::sign-in[audience=end-user]"));
    }

    /** "What to do" is the catalog's user_action, word for word: change it and the written table changes with it. */
    @Test void theEndUserActionComesFromTheCatalog() throws Exception {
        Path c = content();
        Fixture.build(c, out());
        String cell = Jsoup.parse(Files.readString(out().resolve("2.0/end-user/messages.html")))
                .selectFirst("[data-error-id=ent.login.account_locked.app_error] [data-field=user_action]").text();
        assertEquals("Ask your administrator to turn it back on.", cell);
        Fixture.edit(c, "errors/sign-in.yaml", "user_action: \"Ask your administrator to turn it back on.\"",
                "user_action: \"Call the help desk on extension 4242.\"");
        BuildResult r = Fixture.build(c, dir.resolve("site-edited"));
        Fixture.assertNoFindings(r.findings());
        Document doc = Jsoup.parse(Files.readString(dir.resolve("site-edited/2.0/end-user/messages.html")));
        assertEquals("Call the help desk on extension 4242.", doc.selectFirst("[data-error-id=ent.login.account_locked.app_error] [data-field=user_action]").text());
        assertEquals(List.of("What you see", "What it means", "What to do"), doc.select("div.error-table[data-audience=end-user] th").eachText());
    }

    /** No end-user page shows a raw {placeholder}: each is its declared sample, marked as one. */
    @Test void placeholdersAreShownAsMarkedSamples() throws Exception {
        Path c = content();
        Fixture.build(c, out());
        for (String v : List.of("2.0", "1.0")) {
            Document doc = Jsoup.parse(Files.readString(out().resolve(v + "/end-user/messages.html")));
            assertTrue(!doc.select("main").text().matches("(?s).*\\{[A-Za-z_]+}.*"), v + ": " + doc.select("main").text());
            Element sample = doc.selectFirst("[data-error-id=app.enrollment_required] var.placeholder");
            assertEquals("your organization's name", sample.text());
            assertEquals("organization", sample.attr("data-placeholder"));
        }
    }

    @Test void aTableMissingFromTheWrittenPageIsReported() throws Exception {
        List<Finding> fs = tampered(doc -> doc.selectFirst("div.error-table[data-catalog=config]").remove());
        only(fs, ErrorTableChecks.MISSING_TABLE, adminPage(), Fixture.lineOf(adminPage(), "error-table::config[audience=admin]"));
    }

    @Test void aTableOfACatalogTheVersionLacksIsReported() throws Exception {
        List<Finding> fs = tampered(doc -> doc.selectFirst("div.error-table[data-catalog=config]").attr("data-catalog", "retired"));
        // The page now lacks the config table and shows one of an unknown catalog: both are said.
        assertEquals(List.of(ErrorTableChecks.MISSING_TABLE, ErrorTableChecks.UNKNOWN_CATALOG), fs.stream().map(Finding::rule).sorted().toList(), Fixture.text(fs));
    }

    @Test void theEndUserTableIsComparedToo() throws Exception {
        Path c = content();
        BuildResult r = Fixture.build(c, out());
        Path page = out().resolve("1.0/end-user/messages.html");
        Document doc = Jsoup.parse(Files.readString(page));
        doc.selectFirst("div.error-table tr[data-error-id=ent.login.legacy_token.app_error] td.message").text("This sign-in method is still supported.");
        doc.selectFirst("div.error-table tr[data-error-id=ent.login.legacy_token.app_error] [data-field=user_action]").text("Do nothing.");
        Files.writeString(page, doc.outerHtml());
        List<Finding> fs = ErrorTableChecks.check(r);
        assertEquals(2, fs.size(), Fixture.text(fs));
        assertTrue(fs.get(0).message().contains("column 'What you see'"), fs.get(0).message());
        assertTrue(fs.get(1).message().contains("column 'What to do'") && fs.get(1).message().contains("\"Do nothing.\""), fs.get(1).message());
        for (Finding f : fs) {
            assertEquals(c.resolve(USER).toAbsolutePath().normalize().toString(), f.pos().file());
            assertEquals(Fixture.lineOf(c.resolve(USER), "error-table::sign-in[audience=end-user]"), f.pos().line());
            assertEquals(List.of("1.0"), f.versions());
        }
    }

    // ---- hand-written tables ----------------------------------------------------------------------

    @Test void aWrongHttpStatusInAHandWrittenTableIsReportedAtItsRow() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  |400\n", "  |401\n");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|error:api.user.login.token_expired.app_error[]"));
        assertTrue(f.message().contains("column 'HTTP'") && f.message().contains("HTTP 401") && f.message().contains("says 400"), f.message());
        assertEquals(List.of("2.0", "1.0"), f.versions());
    }

    @Test void anIdWrittenOutInAHandWrittenRowNamesItsEntry() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  |error:api.user.login.token_expired.app_error[]\n  |400\n",
                "  |Not api.user.login.token_expired.app_error_old but api.user.login.token_expired.app_error.\n  |401\n");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|Not api.user.login.token_expired.app_error_old"));
        assertTrue(f.message().contains("'api.user.login.token_expired.app_error'") && f.message().contains("HTTP 401"), f.message());
    }

    @Test void aRowLinkingItsEntryUnderOtherTextIsStillCompared() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  |error:api.user.login.token_expired.app_error[]\n  |400\n",
                "  |link:#err-api-user-login-token_expired-app_error[Session expired]\n  |401\n");
        List<Finding> fs = Fixture.check(c, out());
        assertEquals(1, fs.size(), Fixture.text(fs));
        Finding f = fs.get(0);
        assertEquals(ErrorTableChecks.HAND_TABLE, f.rule());
        assertTrue(f.message().contains("'api.user.login.token_expired.app_error'") && f.message().contains("HTTP 401"), f.message());
    }

    @Test void anIdInsideALongerDottedNameIsNotAMention() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  |error:api.user.login.token_expired.app_error[]\n  |400\n",
                "  |xapi.user.login.token_expired.app_error and api.user.login.token_expired.app_error.v2\n  |401\n");
        Fixture.assertNoFindings(Fixture.check(c, out()));
    }

    /** A table shown as AsciiDoc in a listing is not the page's table: the finding names the real row's line. */
    @Test void aTableShownAsCodeDoesNotTakeTheRealRowsLine() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  == Quick reference\n", """
                  == Quick reference

                  A hand-written table looks like this in AsciiDoc:

                  ----
                  |===
                  |error:api.user.login.token_expired.app_error[]
                  |400
                  |===
                  ----
                """);
        Fixture.edit(c, ADMIN, "  |400\n  |Your", "  |401\n  |Your");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "[cols=", "|error:api.user.login.token_expired.app_error[]"));
        assertTrue(f.message().contains("HTTP 401"), f.message());
    }

    @Test void aDifferentUserMessageInAHandWrittenTableIsReportedOnce() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "|\"Your account has been deactivated. Please contact your system administrator.\"",
                "|\"Your account has been deactivated. Please contact your administrator.\"");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|error:ent.login.account_locked.app_error[]"));
        assertTrue(f.message().contains("column 'User message'"), f.message());
    }

    @Test void retryAndFallbackColumnsAreCompared() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  == Configuration errors\n", """
                  [cols="3,1,1",options="header"]
                  |===
                  |Error |Retry? |Fallback?
                  |`api.user.login.not_configured.app_error` |No |✅ Web SSO
                  |`api.user.login.token_expired.app_error` |Yes (1x) |❌
                  |`ent.login.account_locked.app_error` |Yes (1x) |❌
                  |===

                  == Configuration errors
                """);
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|`ent.login.account_locked.app_error`"));
        assertTrue(f.message().contains("column 'Retry?'") && f.message().contains("retry: none"), f.message());
    }

    @Test void aWrongFallbackIsReported() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  == Configuration errors\n", """
                  [cols="3,1",options="header"]
                  |===
                  |Error ID |Fallback
                  |error:api.user.login.not_configured.app_error[] |None
                  |===

                  == Configuration errors
                """);
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|error:api.user.login.not_configured.app_error[] |None"));
        assertTrue(f.message().contains("fallback: web-sso"), f.message());
    }

    @Test void anHttpStatusWrittenInAnyCellOfARowIsCompared() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  == Configuration errors\n", """
                  [cols="1,2",options="header"]
                  |===
                  |Situation |What the user sees
                  |Deactivated account |error:ent.login.account_locked.app_error[] (HTTP 403)
                  |Expired session |error:api.user.login.token_expired.app_error[] (HTTP 400)
                  |===

                  == Configuration errors
                """);
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.HAND_TABLE, c.resolve(ADMIN),
                Fixture.lineOf(c.resolve(ADMIN), "|Deactivated account"));
        assertTrue(f.message().contains("says HTTP 403") && f.message().contains("says 409"), f.message());
    }

    // ---- drift ------------------------------------------------------------------------------------

    @Test void aQuoteThatDriftedFromAMessageNamesTheId() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "“Your session has expired. Please sign in again.”", "“Your session has expired. Please log in again.”");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.DRIFT, c.resolve(ADMIN), Fixture.lineOf(c.resolve(ADMIN), "Please log in again."));
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("'api.user.login.token_expired.app_error'"), f.message());
    }

    @Test void driftInStraightQuotesIsFound() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "reads \"Your account has been deactivated.\" in the app",
                "reads \"Your account is deactivated. Please contact your system administrator.\" in the app");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.DRIFT, c.resolve(ADMIN), Fixture.lineOf(c.resolve(ADMIN), "\"Your account is deactivated."));
        assertTrue(f.message().contains("'ent.login.account_locked.app_error'"), f.message());
    }

    @Test void driftInBackticksAndAcrossLinesIsFound() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  A deactivated account reads \"Your account has been deactivated.\" in the app, and\n",
                "  A deactivated account reads `Your account is deactivated. Please contact your system\n  administrator.` in the app, and\n");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.DRIFT, c.resolve(ADMIN), Fixture.lineOf(c.resolve(ADMIN), "`Your account is deactivated."));
        assertTrue(f.message().contains("'ent.login.account_locked.app_error'"), f.message());
    }

    @Test void aQuoteThatOpensAParagraphIsLookedAtToo() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "  == Quick reference\n", "  == Quick reference\n\n  \u201cYour account is deactivated. Please contact your system administrator.\u201d is what users read.\n\n");
        Finding f = only(Fixture.check(c, out()), ErrorTableChecks.DRIFT, c.resolve(ADMIN), Fixture.lineOf(c.resolve(ADMIN), "\u201cYour account is deactivated."));
        assertTrue(f.message().contains("'ent.login.account_locked.app_error'"), f.message());
    }

    // ---- macros used wrongly ----------------------------------------------------------------------

    @Test void anUnknownTableAudienceAndAResponseForANonServerErrorAreBuildErrors() throws Exception {
        Path c = content();
        Fixture.edit(c, USER, "error-table::sign-in[audience=end-user]", "error-table::sign-in[audience=operators]");
        Fixture.edit(c, USER, "  user-message::app.enrollment_required[]\n", "  error-response::app.enrollment_required[]\n");
        List<Finding> fs = Fixture.check(c, out());
        Path user = c.resolve(USER);
        assertEquals(List.of(Fixture.at(user, "error-response::app.enrollment_required") + " error-response/not-server",
                        Fixture.at(user, "error-table::sign-in[audience=operators]") + " error-table/audience"),
                fs.stream().map(f -> f.pos().file() + ":" + f.pos().line() + " " + f.rule()).toList(), Fixture.text(fs));
    }


    @Test void everyUnknownIdInEveryMacroIsReportedInOneRun() throws Exception {
        Path c = content();
        Fixture.edit(c, ADMIN, "error-response::api.user.login.token_expired.app_error[]", "error-response::api.user.login.token_expird.app_error[]");
        Fixture.edit(c, ADMIN, "  error-table::config[audience=admin]\n", "  error-table::config[audience=admin]\n\n  error-table::configuration[audience=admin]\n");
        Fixture.edit(c, USER, "user-message::app.enrollment_required[]", "user-message::app.enrolment_required[]");
        Fixture.edit(c, USER, "(error:api.user.login.token_expired.app_error[])", "(error:api.user.login.expired.app_error[])");
        List<Finding> fs = Fixture.check(c, out());
        Path admin = c.resolve(ADMIN), user = c.resolve(USER);
        List<String> expected = List.of(
                Fixture.at(admin, "error-response::api.user.login.token_expird") + ": error error-ref/unknown-id",
                Fixture.at(admin, "error-table::configuration") + ": error error-table/unknown-catalog",
                Fixture.at(user, "user-message::app.enrolment_required") + ": error error-ref/unknown-id",
                Fixture.at(user, "error:api.user.login.expired.app_error") + ": error error-ref/unknown-id");
        List<String> got = fs.stream().map(f -> f.pos().file() + ":" + f.pos().line() + ": " + f.severity().label() + " " + f.rule()).toList();
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(), Fixture.text(fs));
        assertTrue(fs.get(0).message().contains("did you mean"), fs.get(0).message());
    }
}
