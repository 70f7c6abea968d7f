package dev.docsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.TestSite;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The default documentation set is product: complete, consistent with the product's own texts, and building cleanly. */
class DefaultContentTest {
    static final Path CONTENT = Path.of("content");
    /** Copies of the product's translation files (shared/upstream), kept with the tests so CI has them. */
    static final Path UPSTREAM = Path.of("src", "test", "resources", "upstream");
    static ContentSet content;

    @BeforeAll static void load() throws ContentException {
        content = ContentLoader.load(new DirectorySource(CONTENT));
    }

    @Test void everyPageHasASummaryAndEveryEntryACauseAndResolution() {
        assertFalse(content.pages().isEmpty());
        for (Page p : content.pages()) assertFalse(p.summary() == null || p.summary().isBlank(), p.id() + " has no summary");
        for (ErrorCatalog c : content.catalogs())
            for (ErrorEntry e : c.errors()) {
                assertFalse(e.cause() == null || e.cause().isBlank(), e.id() + " has no cause");
                assertFalse(e.resolution() == null || e.resolution().isBlank(), e.id() + " has no resolution");
            }
    }

    @Test void everyAudienceHasPagesAndTwoVersionsAreDeclared() {
        for (SiteConfig.Audience a : content.config().audiences())
            assertTrue(content.pages().stream().filter(p -> p.audience().equals(a.id())).count() >= 3, a.id() + " needs real pages");
        assertEquals(List.of("11.6", "11.3"), content.config().versions().stream().map(SiteConfig.VersionSpec::name).toList());
    }

    /** The catalog's user-visible text is the product's: the server's translations, and the mobile app's alerts. */
    @Test void catalogTextIsWhatTheProductShows() throws Exception {
        Map<String, String> server = translations(UPSTREAM.resolve("mattermost-server-en.intune.json"));
        Map<String, String> mobile = translations(UPSTREAM.resolve("mattermost-mobile-en.intune.json"));
        int serverIds = 0;
        for (ErrorCatalog c : content.catalogs())
            for (ErrorEntry e : c.errors()) {
                if (e.layer() == ErrorEntry.Layer.SERVER || e.layer() == ErrorEntry.Layer.CONFIG) {
                    assertTrue(server.containsKey(e.id()), e.id() + " is not a server id");
                    if (!e.silent()) assertEquals(server.get(e.id()), e.userMessage(), e.id());
                    if (e.layer() == ErrorEntry.Layer.SERVER) serverIds++;
                } else if (e.layer() == ErrorEntry.Layer.MOBILE) {
                    String msg = mobile.getOrDefault(e.id() + "_message", mobile.get(e.id()));
                    assertEquals(msg, e.userMessage(), e.id());
                    if (e.userTitle() != null) assertEquals(mobile.get(e.id() + "_title"), e.userTitle(), e.id());
                }
            }
        long upstreamSignIn = server.keySet().stream().filter(id -> !id.startsWith("model.config")).count();
        assertEquals(12, upstreamSignIn);
        assertEquals(upstreamSignIn, serverIds, "all 12 server sign-in ids, jwks_init included");
        assertTrue(content.error("ent.intune.validate_token.jwks_init.app_error").isPresent());
        for (String id : server.keySet()) assertTrue(content.error(id).isPresent(), id + " missing from the catalog");
    }

    @Test void statusesAndSilentFallbacksFollowTheFacts() {
        Map<String, Integer> http = Map.of(
                "api.user.login_by_intune.not_available.app_error", 501, "api.user.login_by_intune.not_configured.app_error", 400,
                "api.user.login_by_intune.bot_login_forbidden.app_error", 403, "api.user.login_by_intune.account_locked.app_error", 409,
                "ent.intune.login.not_configured.app_error", 403, "ent.intune.login.extract_auth_data.app_error", 400,
                "ent.intune.login.account_not_found.app_error", 428, "ent.intune.validate_token.invalid_token.app_error", 400,
                "ent.intune.validate_token.token_expired.app_error", 400, "ent.intune.validate_token.missing_claims.app_error", 400);
        http.forEach((id, status) -> assertEquals(status, content.error(id).orElseThrow().http(), id));
        for (String silent : List.of("api.user.login_by_intune.not_available.app_error", "api.user.login_by_intune.not_configured.app_error",
                "ent.intune.login.not_configured.app_error")) {
            ErrorEntry e = content.error(silent).orElseThrow();
            assertTrue(e.silent(), silent);
            assertEquals(ErrorEntry.Fallback.WEB_SSO, e.fallback(), silent);
        }
        // Declined: the alert offers Retry and Log out; that is the user's choice, not the app's automatic retry.
        ErrorEntry declined = content.error("security_manager.mam_declined").orElseThrow();
        assertEquals(ErrorEntry.Retry.NONE, declined.retry(), "the app does not retry a declined enrollment by itself");
        assertEquals(List.of(ErrorEntry.UserOption.RETRY, ErrorEntry.UserOption.LOG_OUT), declined.userOptions(), "declined offers retry or log out");
        // jwks_init: its status is not published, so the catalog says unknown rather than guessing.
        ErrorEntry jwks = content.error("ent.intune.validate_token.jwks_init.app_error").orElseThrow();
        assertTrue(jwks.httpUnknown() && jwks.http() == null, "jwks_init status is unknown");
        assertEquals(ErrorEntry.Retry.NONE, content.error("security_manager.mam_enrollment_failed").orElseThrow().retry(), "failure has no retry");
        assertTrue(content.error("AADSTS650057").isPresent());
    }

    /** The reviewer's corrections of the draft, as statements the pages must make and claims they must not. */
    @Test void reviewerCorrectionsHold() {
        String all = content.pages().stream().map(p -> p.title() + "\n" + p.summary() + "\n" + p.body()).collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        String endUser = bodies("end-user");
        assertFalse(endUser.contains("only need to complete enrollment once"), "enrollment happens at every sign-in");
        assertTrue(endUser.contains("every time") || endUser.contains("each time") || endUser.contains("every sign-in"), "end users learn enrollment happens at every sign-in");
        assertTrue(endUser.contains("mid-session"), "the second Microsoft prompt is explained as mid-session only");
        assertTrue(endUser.contains("pin") && endUser.contains("policy"), "a PIN depends on the policy");
        String admin = bodies("admin");
        for (String fact : List.of("login.mattermost", "64e9952b-20eb-46dc-92ad-99089ed24903", "9ac649f1-4f77-44d6-9792-b2f54ab3c9a7",
                "single tenant", "redirect uri", "family_name", "given_name", "preferred_username", "upn", "accesstokenacceptedversion",
                "admin consent", "msmamservice.api.application", "objectid", "oid"))
            assertTrue(admin.contains(fact), "administrators must find: " + fact);
        String dm = bodies("decision-maker");
        for (String fact : List.of("android enterprise", "guest", "auth provider", "enterprise advanced", "entry", "ios"))
            assertTrue(dm.contains(fact), "decision makers must find: " + fact);
        assertTrue(all.contains("recommend"), "the first validation sign-in with an Entra admin is only a recommendation");
        assertTrue(all.contains("web or desktop"), "unprovisioned SAML users sign in on web or desktop first");
    }

    /** The corrections of issue 13's content review, against the sources they rest on. */
    @Test void contentReviewCorrectionsHold() {
        String all = content.pages().stream().map(p -> p.title() + "\n" + p.summary() + "\n" + p.body()).collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        for (String provenance : List.of("upstream", "implementation plan", "implementation table", "reviewed table"))
            assertFalse(all.contains(provenance), "no writers' provenance in reader text: " + provenance);
        String dm = bodies("decision-maker");
        assertTrue(dm.contains("entry, enterprise and enterprise advanced") || dm.contains("entry, enterprise or enterprise advanced"),
                "plans as Mattermost's current Intune page lists them");
        // Fallback: the product may trigger enrollment immediately; nothing may say users stay unprotected until they sign in again.
        for (ErrorCatalog c : content.catalogs())
            for (ErrorEntry e : c.errors())
                assertFalse((e.cause() + " " + e.resolution()).toLowerCase(Locale.ROOT).contains("until they sign in again"), e.id());
        assertTrue(content.error("api.user.login_by_intune.not_configured.app_error").orElseThrow().resolution().contains("may be triggered immediately"));
        assertTrue(bodies("admin").contains("may be triggered immediately"), "the silent-fallback home states it");
        // Fail open: a lapsed license and Enable turned off, besides the silent errors.
        String overview = content.page("decision-maker/overview").orElseThrow().body().toLowerCase(Locale.ROOT);
        assertTrue(overview.contains("license") && overview.contains("lapses") && overview.contains("*enable microsoft intune mam* off"), "fail-open conditions");
        assertTrue(overview.contains("delegated admins"), "a delegated admin can turn enforcement off since 11.6");
        // Notifications depend on the policy's setting for organization data in notifications.
        assertFalse(bodies("end-user").contains("notifications and\n  files are all there"));
        assertTrue(bodies("end-user").contains("notifications might not show"), "end users learn the policy may limit notifications");
        // Missing material now present.
        String admin = bodies("admin");
        for (String fact : List.of("who can consent", "admin consent url", "jwt.ms", "separate", "openid connect (office 365)"))
            assertTrue(admin.contains(fact), "administrators must find: " + fact);
        assertTrue(dm.contains("[#cost]") && dm.contains("[#built-in-controls]"), "decision makers: cost and comparison");
        assertTrue(bodies("end-user").contains("[#consent]"), "end users: the consent prompt");
        // One home per repeated topic: the minimum app version is stated once.
        assertEquals(1, content.pages().stream().filter(p -> p.body().contains("2.36.0")).count(), "version minimums have one home");
        assertEquals(1, content.pages().stream().filter(p -> p.body().contains("access tags")).count(), "the 11.3/11.6 story has one home");
    }

    /** Every entry an end-user table shows speaks to end users in its own words, with no raw placeholder. */
    @Test void endUserGuidanceIsWrittenForEveryShownEntry() {
        for (ErrorCatalog c : content.catalogs()) {
            if (!List.of("intune-mobile", "intune-sign-in").contains(c.id())) continue;
            for (ErrorEntry e : c.errors()) {
                if (e.silent()) continue;
                assertFalse(e.userMeaning() == null || e.userMeaning().isBlank(), e.id());
                assertFalse(e.userAction() == null || e.userAction().isBlank(), e.id());
                assertFalse(e.userMeaning().equals(e.scenario()), e.id() + ": the meaning is not the admin scenario");
            }
        }
    }

    @Test void theDefaultSiteBuildsAndChecksCleanly(@TempDir Path tmp) throws Exception {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "build", "--out", tmp.resolve("site").toString(),
                "--cache", tmp.resolve("cache").toString());
        assertEquals(0, code, e.toString());
        assertEquals("", e.toString().strip(), "no warnings on the default content");
        for (String v : List.of("11.6", "11.3"))
            for (SiteConfig.Audience a : content.config().audiences())
                assertTrue(Files.exists(tmp.resolve("site").resolve(v).resolve(a.id()).resolve("index.html")));
        assertTrue(Files.exists(tmp.resolve("site/11.6/admin/setup/delegated-administration.html")));
        assertFalse(Files.exists(tmp.resolve("site/11.3/admin/setup/delegated-administration.html")), "since: 11.6");
        // No {placeholder} raw on any end-user page: each is a marked sample.
        for (String v : List.of("11.6", "11.3"))
            for (Page p : content.pages()) {
                if (!p.audience().equals("end-user")) continue;
                String text = org.jsoup.Jsoup.parse(Files.readString(tmp.resolve("site").resolve(v).resolve(p.outputPath()))).select("main").text();
                assertFalse(java.util.regex.Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}").matcher(text).find(), v + "/" + p.id() + " shows a raw placeholder");
            }
        String messages = Files.readString(tmp.resolve("site/11.6/end-user/messages.html"));
        assertTrue(messages.contains("<var class=\"placeholder\" data-placeholder=\"organization\""), "the organization name is a marked sample");
    }

    static String bodies(String audience) {
        return content.pages().stream().filter(p -> p.audience().equals(audience)).map(p -> p.summary() + "\n" + p.body())
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    }

    static Map<String, String> translations(Path file) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (JsonNode n : new ObjectMapper().readTree(Files.readString(file))) m.put(n.get("id").asText(), n.get("translation").asText());
        return m;
    }
}
