package dev.docsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.content.ErrorEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search index the site stage writes beside each version's pages, read back from a real build. */
class SearchIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode index(String version) throws IOException {
        return JSON.readTree(FixtureSite.dir().resolve(version).resolve(SearchIndex.JSON_FILE).toFile());
    }

    static JsonNode page(JsonNode index, String url) {
        for (JsonNode p : index.path("pages")) if (p.path("url").asText().equals(url)) return p;
        return null;
    }

    @Test
    void eachVersionIndexesItsOwnPages() throws IOException {
        JsonNode latest = index("2.0"), old = index("1.0");
        assertEquals("2.0", latest.path("version").asText());
        assertEquals(List.of("decision-maker", "admin", "end-user"),
                StreamSupport.stream(latest.path("audiences").spliterator(), false).map(a -> a.path("id").asText()).toList());
        assertNotNull(page(latest, "admin/directory-sync.html"));
        assertNull(page(old, "admin/directory-sync.html"), "the page is new in 2.0");
        assertEquals(5, latest.path("pages").size());
        assertEquals(4, old.path("pages").size());
    }

    @Test
    void pagesCarryTitleAudienceHeadingsAndPlainBodyText() throws IOException {
        JsonNode setup = page(index("2.0"), "admin/setup.html");
        assertEquals("Set up sign-in", setup.path("title").asText());
        assertEquals("admin", setup.path("audience").asText());
        assertTrue(setup.path("summary").asText().startsWith("Configure the server"));
        assertEquals(List.of("before-you-begin", "Before you begin"), JSON.convertValue(setup.path("headings").get(0), List.class));
        assertTrue(JSON.convertValue(setup.path("headings"), List.class).contains(List.of("check-the-settings", "Check the settings")), "level-3 headings too");
        String text = setup.path("text").asText();
        assertTrue(text.contains("The quokka indicator turns green"), text);
        assertTrue(text.contains("IntegrationSettings.ClientId"), "table cells are text too");
        assertFalse(text.contains("<") && text.contains("</"), "no markup: " + text);
        assertFalse(text.contains("\n") || text.contains("  "), "whitespace collapsed");
        assertEquals(0, setup.path("errors").size());
    }

    @Test
    void errorTableRowsAreIndexedWithIdStatusMessageAndAnchor() throws IOException {
        JsonNode troubleshoot = page(index("2.0"), "admin/troubleshoot.html");
        List<String> ids = new ArrayList<>();
        for (JsonNode e : troubleshoot.path("errors")) {
            ids.add(e.path("id").asText());
            assertEquals(ErrorEntry.anchorOf(e.path("id").asText()), e.path("anchor").asText());
            assertEquals("admin", e.path("table").asText());
        }
        assertEquals(List.of("ent.example.validate_token.token_expired.app_error", "ent.example.login.not_configured.app_error",
                "api.user.login_by_example.bot_login_forbidden.app_error",
                "ent.example.user_lookup.directory_unreachable_while_resolving_identity.app_error", "mobile.enrollment.policy_missing"), ids);
        JsonNode expired = troubleshoot.path("errors").get(0);
        assertEquals(401, expired.path("http").asInt());
        assertEquals("Your sign in session has expired. Please try signing in again.", expired.path("message").asText());
        assertTrue(expired.path("text").asText().contains("check device clock skew"), "the whole row is searchable");
        assertTrue(troubleshoot.path("errors").get(4).path("http").isMissingNode(), "a mobile error has no status");
        assertFalse(troubleshoot.path("text").asText().contains("clock skew"), "table rows are not repeated in the body text");

        assertEquals(4, page(index("1.0"), "admin/troubleshoot.html").path("errors").size(), "an error added in 2.0 is not in 1.0");

        JsonNode endUser = page(index("2.0"), "end-user/sign-in.html");
        for (JsonNode e : endUser.path("errors")) assertEquals("end-user", e.path("table").asText());
        assertEquals(4, endUser.path("errors").size(), "end users never see the silent error");
    }

    @Test
    void theScriptFormCarriesTheSameData() throws IOException {
        Path dir = FixtureSite.dir().resolve("2.0");
        String script = Files.readString(dir.resolve(SearchIndex.JS_FILE));
        String prefix = "window." + SearchIndex.GLOBAL + "=";
        assertTrue(script.startsWith(prefix));
        assertEquals(JSON.readTree(dir.resolve(SearchIndex.JSON_FILE).toFile()),
                JSON.readTree(script.substring(prefix.length(), script.lastIndexOf(';'))));
    }

    @Test
    void longBodiesKeepTheirStartAndEveryLaterWordOnce() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < SearchIndex.TEXT_CHARS * 3; i++) b.append("word").append(i % 700).append(" common text ");
        b.append("zebra-crossing final.");
        String text = b.toString();
        String head = SearchIndex.head(text);
        assertTrue(head.length() <= SearchIndex.TEXT_CHARS);
        assertTrue(text.startsWith(head) && text.charAt(head.length()) == ' ', "cut at a word boundary");
        String more = SearchIndex.tailWords(text);
        Set<String> kept = new HashSet<>(Arrays.asList((head.toLowerCase(Locale.ROOT) + " " + more).split("[^\\p{L}\\p{N}_.-]+")));
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_.-]+")) {
            String t = w.replaceAll("^[._-]+|[._-]+$", "");
            if (t.length() > 1) assertTrue(kept.contains(t), "word kept: " + t);
        }
        assertEquals(more.split(" ").length, new HashSet<>(Arrays.asList(more.split(" "))).size(), "each later word once");
        assertFalse(more.contains("common"), "words of the head are not repeated");
        assertTrue(more.endsWith("zebra-crossing final"));
        assertEquals("", SearchIndex.tailWords("short text"));
    }
}
