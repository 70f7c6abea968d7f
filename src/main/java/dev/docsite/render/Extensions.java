package dev.docsite.render;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.catalog.ErrorCatalog;
import dev.docsite.catalog.ErrorEntry;
import dev.docsite.catalog.ErrorHtml;
import dev.docsite.rules.RenderRules;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.JavaExtensionRegistry;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.extension.Treeprocessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** docsite's AsciiDoc extensions: the error catalog macros, live JSON examples and confined includes. */
final class Extensions {
    private Extensions() {}

    /** Every extension, each declaring what its output depends on (the render cache key is made from that). */
    static final List<RenderDependency> ALL = List.of(new ErrorTable(), new ErrorResponse(), new UserMessage(), new ErrorRef(),
            new LiveJson(), new ContentInclude());

    static void register(JavaExtensionRegistry r) {
        for (RenderDependency d : ALL) {
            if (d instanceof BlockMacroProcessor p) r.blockMacro(p);
            else if (d instanceof InlineMacroProcessor p) r.inlineMacro(p);
            else if (d instanceof Treeprocessor p) r.treeprocessor(p);
            else if (d instanceof IncludeProcessor p) r.includeProcessor(p);
            else throw new IllegalStateException("unknown extension kind: " + d);
        }
    }

    static int line(StructuralNode node) {
        Cursor c = node.getSourceLocation();
        return c == null ? 0 : c.getLineNumber();
    }

    static void error(int line, String rule, String text) {
        RenderInput.current().messages().add(new RenderResult.Message(rule, line, text));
    }

    /** Body line of a macro as written ("error:" for inline, "error-table::" for block macros) followed by its target. */
    static int macroLine(StructuralNode parent, String macro, String target) {
        return RenderInput.current().lineOf(macro + target + "[", line(parent));
    }

    /** Looks an id up in the version's catalog; records an "unknown id" error with a suggestion otherwise. */
    static ErrorEntry lookup(StructuralNode parent, String macro, String id) {
        RenderInput.Current cur = RenderInput.current();
        ErrorEntry e = cur.input().error(id).orElse(null);
        int line = macroLine(parent, macro.endsWith(":") ? macro : macro + "::", id);
        cur.errorIds().add(new RenderResult.Ref(id, line));
        if (e == null) {
            List<String> ids = cur.input().catalogs().stream().flatMap(c -> c.errors().stream()).map(ErrorEntry::id).toList();
            String hint = dev.docsite.content.Suggest.closest(id, ids);
            error(line, RenderRules.UNKNOWN_ERROR_ID.id(), macro + " names unknown error id '" + id + "' in version " + cur.input().version()
                    + (hint != null ? " (did you mean '" + hint + "'?)" : " (expected an id from content/errors/)"));
        }
        return e;
    }

    static final class ErrorTable extends BlockMacroProcessor implements RenderDependency {
        ErrorTable() { super("error-table"); }

        @Override public List<String> markers() { return List.of("error-table::"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS); }

        @Override public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            RenderInput.Current cur = RenderInput.current();
            int line = macroLine(parent, "error-table::", target);
            Object aud = attributes.getOrDefault("audience", "admin");
            String audience = String.valueOf(aud);
            if (!Set.of("admin", "end-user").contains(audience)) {
                error(line, RenderRules.TABLE_AUDIENCE.id(), "error-table audience '" + audience + "' is not supported (expected admin or end-user)");
                audience = "admin";
            }
            ErrorCatalog catalog = cur.input().catalog(target).orElse(null);
            if (catalog == null) {
                List<String> ids = cur.input().catalogs().stream().map(ErrorCatalog::id).toList();
                error(line, "error-table/unknown-catalog", "error-table names unknown catalog '" + target + "' (expected one of "
                        + String.join(", ", ids) + ": a file content/errors/<id>.yaml)");
                return createBlock(parent, "pass", "");
            }
            cur.tables().add(catalog.id() + "|" + audience);
            for (ErrorEntry e : catalog.errors()) cur.errorIds().add(new RenderResult.Ref(e.id(), line));
            return createBlock(parent, "pass", ErrorHtml.table(catalog, audience, catalog.errors()));
        }
    }

    static final class ErrorResponse extends BlockMacroProcessor implements RenderDependency {
        ErrorResponse() { super("error-response"); }

        @Override public List<String> markers() { return List.of("error-response::"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS); }

        @Override public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            ErrorEntry e = lookup(parent, "error-response", target);
            if (e == null) return createBlock(parent, "pass", "");
            if (e.http() == null) {
                error(RenderInput.current().macroLines().getOrDefault("error-response::" + target + "[", line(parent)), RenderRules.RESPONSE_NOT_SERVER.id(), "error-response names '" + target + "', a " + e.layer().yaml
                        + " error without an HTTP status (expected a server error)");
                return createBlock(parent, "pass", "");
            }
            return createBlock(parent, "pass", ErrorHtml.response(e));
        }
    }

    static final class UserMessage extends BlockMacroProcessor implements RenderDependency {
        UserMessage() { super("user-message"); }

        @Override public List<String> markers() { return List.of("user-message::"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS); }

        @Override public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            ErrorEntry e = lookup(parent, "user-message", target);
            return createBlock(parent, "pass", e == null ? "" : ErrorHtml.userMessage(e));
        }
    }

    static final class ErrorRef extends InlineMacroProcessor implements RenderDependency {
        ErrorRef() { super("error"); }

        // The link points at the page showing the entry's catalog table.
        @Override public List<String> markers() { return List.of("error:"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS, Input.TABLE_PAGES); }

        @Override public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            ErrorEntry e = lookup(parent, "error:", target);
            RenderInput.Current cur = RenderInput.current();
            String text = attributes.get("1") instanceof String s && !s.isBlank() ? ErrorHtml.esc(s) : "<code>" + ErrorHtml.esc(target) + "</code>";
            if (e == null) return createPhraseNode(parent, "quoted", text);
            String page = cur.input().tablePageByCatalog().get(e.catalogId());
            String href = page == null ? "#" + e.anchor() : Links.MARKER + page + ".html#" + e.anchor();
            return createPhraseNode(parent, "quoted", "<a class=\"error-ref\" href=\"" + href + "\">" + text + "</a>");
        }
    }

    /** [source,json,role=live,schema=NAME]: the JSON must parse and validate against content/schemas/NAME.schema.json. */
    static final class LiveJson extends Treeprocessor implements RenderDependency {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

        @Override public List<String> markers() { return List.of("role=live"); }
        @Override public Set<Input> reads() { return Set.of(Input.SCHEMAS); }

        @Override public Document process(Document document) {
            // findBy wraps every block of the document in a Java object: only pay for it on pages that
            // have a live example (the same marker the cache key looks for).
            if (!actsOn(RenderInput.current().page().body())) return document;
            for (StructuralNode block : document.findBy(Map.of("context", ":listing"))) {
                if (!block.hasRole("live")) continue;
                Object schemaName = block.getAttribute("schema");
                String source = ((org.asciidoctor.ast.Block) block).getSource();
                int line = line(block);
                RenderInput.Current cur = RenderInput.current();
                JsonNode json;
                try {
                    json = JSON.readTree(source);
                } catch (JsonProcessingException e) {
                    int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                    cur.messages().add(new RenderResult.Message(RenderRules.LIVE_JSON.id(), line + at,
                            "live example is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")));
                    continue;
                }
                if (schemaName == null) continue;
                JsonNode schemaNode = cur.input().schemas().get(schemaName.toString());
                if (schemaNode == null) {
                    cur.messages().add(new RenderResult.Message(RenderRules.LIVE_UNKNOWN_SCHEMA.id(), line, "live example names schema '" + schemaName
                            + "' but content/schemas/" + schemaName + ".schema.json does not exist (expected one of "
                            + String.join(", ", cur.input().schemas().keySet()) + ")"));
                    continue;
                }
                JsonSchema schema = COMPILED.computeIfAbsent(schemaName + "@" + schemaNode.hashCode() + schemaNode.toString().length(),
                        k -> FACTORY.getSchema(schemaNode));
                for (ValidationMessage m : schema.validate(json)) {
                    cur.messages().add(new RenderResult.Message(RenderRules.LIVE_SCHEMA.id(), line,
                            "live example does not match schema '" + schemaName + "': " + m.getMessage()));
                }
                block.addRole("validated");
            }
            return document;
        }
    }

    /** include:: reads from the content source (work tree or git revision) and never outside content/. */
    static final class ContentInclude extends IncludeProcessor implements RenderDependency {
        @Override public boolean handles(String target) { return true; }

        // Included text is not in the body the key is made of, and may use any macro or attribute: a page
        // with includes depends on everything. (The included files themselves are checked by hash on reuse.)
        @Override public List<String> markers() { return List.of("include::"); }
        @Override public Set<Input> reads() { return java.util.EnumSet.allOf(Input.class); }

        @Override public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
            RenderInput.Current cur = RenderInput.current();
            String pageDir = Path.of(cur.page().path()).getParent().toString().replace('\\', '/');
            String resolved = target.startsWith("/") ? null : Path.of(pageDir).resolve(target).normalize().toString().replace('\\', '/');
            if (target.contains("://") || resolved == null || resolved.startsWith("..") || resolved.startsWith("/")) {
                cur.messages().add(new RenderResult.Message(RenderRules.OUTSIDE_CONTENT.id(), reader.getLineNumber() - 1,
                        "include of '" + target + "' refused: includes must stay inside the content folder"));
                return;
            }
            try {
                if (!cur.input().source().exists(resolved)) {
                    cur.messages().add(new RenderResult.Message(RenderRules.INCLUDE_MISSING.id(), reader.getLineNumber() - 1,
                            "include file '" + target + "' not found (looked for " + cur.input().source().display(resolved) + ")"));
                    return;
                }
                String text = cur.input().source().read(resolved);
                cur.includes().put(resolved, RenderCache.sha(text));
                reader.pushInclude(text, resolved, resolved, 1, attributes);
            } catch (IOException e) {
                cur.messages().add(new RenderResult.Message(RenderRules.INCLUDE_UNREADABLE.id(), reader.getLineNumber() - 1,
                        "cannot read include '" + target + "': " + e.getMessage()));
            }
        }
    }

}
