package dev.docsite.check;

import dev.docsite.rules.I18nRules;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.SourcePos;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the catalog with the product's own translation file ({@code [{"id": "...", "translation": "..."}]},
 * the shape of Mattermost's {@code server/i18n/en.json}): ids missing on either side, and user-visible
 * text that differs. The server's text is what the app shows for server errors, so a difference means
 * the documentation quotes something no user ever reads.
 *
 * <p>Compared: the server and config layers of the newest built version. Upstream ids under
 * {@code model.config.} are configuration errors, the rest server errors; a layer the catalog does not
 * document at all is left out (a catalog of sign-in errors is not asked to document every setting).
 * Silent catalog entries have no user-visible text to compare.
 */
public final class UpstreamI18n {
    public static final String MISSING_IN_CATALOG = I18nRules.MISSING_IN_CATALOG.id();
    public static final String MISSING_UPSTREAM = I18nRules.MISSING_UPSTREAM.id();
    public static final String TEXT_DIFFERS = I18nRules.TEXT_DIFFERS.id();


    private static final Set<ErrorEntry.Layer> COMPARED = EnumSet.of(ErrorEntry.Layer.SERVER, ErrorEntry.Layer.CONFIG);
    private static final JsonFactory JSON = new JsonFactory();

    private UpstreamI18n() {}

    /** One translation and where it is written. */
    public record Translation(String id, String text, SourcePos pos) {}

    /** The file is missing or not a translation file: a usage error, reported with file and line. */
    public static final class BadFile extends Exception {
        public BadFile(String message) { super(message, null, false, false); }
    }

    public static List<Translation> read(Path file) throws BadFile {
        String shown = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadFile(shown + ": translation file not found (expected a JSON file [{\"id\": \"...\", \"translation\": \"...\"}])");
        } catch (IOException e) {
            throw new BadFile(shown + ": cannot read the translation file: " + e.getMessage());
        }
        List<Translation> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw bad(shown, p.currentTokenLocation(), "expected a JSON array of {\"id\", \"translation\"} objects");
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) throw bad(shown, p.currentTokenLocation(), "expected an object {\"id\": \"...\", \"translation\": \"...\"}");
                JsonLocation start = p.currentTokenLocation();
                String id = null, translation = null;
                SourcePos idPos = null;
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("id".equals(key) || "translation".equals(key)) {
                        if (v != JsonToken.VALUE_STRING) throw bad(shown, p.currentTokenLocation(), "\"" + key + "\" must be a string");
                        if (key.equals("id")) { id = p.getText(); idPos = pos(shown, p.currentTokenLocation()); }
                        else translation = p.getText();
                    } else {
                        p.skipChildren();   // other keys (e.g. comments for translators) are allowed
                    }
                }
                if (id == null) throw bad(shown, start, "an entry has no \"id\"");
                // Mattermost writes plurals as {"one": ..., "other": ...}; a missing plain translation is compared as absent.
                out.add(new Translation(id, translation, idPos));
            }
        } catch (JsonProcessingException e) {
            throw bad(shown, e.getLocation(), "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new BadFile(shown + ": cannot read the translation file: " + e.getMessage());
        }
        return out;
    }

    private static SourcePos pos(String file, JsonLocation l) { return new SourcePos(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()); }

    private static BadFile bad(String file, JsonLocation l, String what) { return new BadFile(pos(file, l) + ": " + what); }

    static ErrorEntry.Layer layerOf(String upstreamId) {
        return upstreamId.startsWith("model.config.") ? ErrorEntry.Layer.CONFIG : ErrorEntry.Layer.SERVER;
    }

    /** Compares the newest built version's catalog with the translations. */
    public static List<Finding> compare(List<Translation> upstream, BuildResult build, Path file) {
        if (build.versions().isEmpty()) return List.of();
        BuildResult.VersionBuild newest = build.versions().get(0);
        List<Finding> out = new ArrayList<>();
        for (Finding f : compare(upstream, newest.content().input().catalogs(), file.toString())) out.add(f.inVersions(List.of(newest.name())));
        return out;
    }

    static List<Finding> compare(List<Translation> upstream, List<ErrorCatalog> catalogs, String fileName) {
        Map<String, ErrorEntry> documented = new LinkedHashMap<>();
        Set<ErrorEntry.Layer> layers = EnumSet.noneOf(ErrorEntry.Layer.class);
        for (ErrorCatalog c : catalogs)
            for (ErrorEntry e : c.errors())
                if (COMPARED.contains(e.layer())) { documented.put(e.id(), e); layers.add(e.layer()); }
        Map<String, Translation> byId = new LinkedHashMap<>();
        for (Translation t : upstream) byId.putIfAbsent(t.id(), t);

        List<Finding> out = new ArrayList<>();
        for (Translation t : byId.values()) {
            ErrorEntry.Layer layer = layerOf(t.id());
            if (!layers.contains(layer) || documented.containsKey(t.id())) continue;
            ErrorCatalog home = closestCatalog(t.id(), layer, catalogs);
            out.add(Finding.error(home.pos(), MISSING_IN_CATALOG, "'" + t.id() + "' is defined by the product (" + t.pos()
                    + (t.text() == null ? "" : ": \"" + t.text() + "\"") + ") but no catalog documents it (expected an entry with layer: "
                    + layer.yaml + ")"));
        }
        for (ErrorEntry e : documented.values()) {
            Translation t = byId.get(e.id());
            if (t == null) {
                out.add(Finding.error(e.posOf("id"), MISSING_UPSTREAM, "'" + e.id() + "' (layer " + e.layer().yaml + ") is not in the product's translation file "
                        + fileName + ": the product defines no such id (a typo, or an error the product removed?)"));
                continue;
            }
            if (e.silent() || t.text() == null) continue;
            if (!comparable(e.userMessage()).equals(comparable(t.text())))
                out.add(Finding.error(e.posOf("user_message"), TEXT_DIFFERS, "the user message of '" + e.id() + "' differs from the product's text ("
                        + t.pos() + "): catalog \"" + e.userMessage() + "\", product \"" + t.text() + "\""));
        }
        return out;
    }

    /** Exact text, except for spacing and the placeholder syntax ({name} here, {{.Name}} in Go translations). */
    private static String comparable(String s) { return MessageText.neutralPlaceholders(s.replaceAll("\\s+", " ").strip()); }

    /** The catalog of that layer whose ids share the longest prefix with {@code id}: where a writer would add it. */
    private static ErrorCatalog closestCatalog(String id, ErrorEntry.Layer layer, List<ErrorCatalog> catalogs) {
        ErrorCatalog best = null;
        int bestLen = -1;
        for (ErrorCatalog c : catalogs) {
            for (ErrorEntry e : c.errors()) {
                if (e.layer() != layer) continue;
                int n = 0;
                while (n < id.length() && n < e.id().length() && id.charAt(n) == e.id().charAt(n)) n++;
                if (n > bestLen) { bestLen = n; best = c; }
            }
        }
        return best;
    }
}
