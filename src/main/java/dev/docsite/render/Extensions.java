package dev.docsite.render;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
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
            new LiveJson(), new ContentInclude(), new RawHtml(), new PageDir());

    static void register(JavaExtensionRegistry r) {
        for (RenderDependency d : ALL) {
            if (d instanceof BlockMacroProcessor p) r.blockMacro(p);
            else if (d instanceof InlineMacroProcessor p) r.inlineMacro(p);
            else if (d instanceof Treeprocessor p) r.treeprocessor(p);
            else if (d instanceof IncludeProcessor p) r.includeProcessor(p);
            else if (d instanceof org.asciidoctor.extension.Preprocessor p) r.preprocessor(p);
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
        if (e == null && !cur.input().catalogsIncomplete()) {
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
                return createBlock(parent, "pass", "", RawHtml.generated());
            }
            cur.tables().add(new RenderResult.TableRef(catalog.id(), audience));
            for (ErrorEntry e : catalog.errors()) cur.errorIds().add(new RenderResult.Ref(e.id(), line));
            return createBlock(parent, "pass", ErrorHtml.table(catalog, audience, catalog.errors(), entryHeadingLevel(parent)), RawHtml.generated());
        }
    }

    /** The heading level for entries under the macro's section: one below it (== is h2, so its entries are h3). */
    static int entryHeadingLevel(StructuralNode node) {
        for (StructuralNode n = node; n != null; n = n.getParent() instanceof StructuralNode p ? p : null)
            if (n instanceof org.asciidoctor.ast.Section s) return s.getLevel() + 2;
        return 2;
    }

    static final class ErrorResponse extends BlockMacroProcessor implements RenderDependency {
        ErrorResponse() { super("error-response"); }

        @Override public List<String> markers() { return List.of("error-response::"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS); }

        @Override public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            ErrorEntry e = lookup(parent, "error-response", target);
            if (e == null) return createBlock(parent, "pass", "", RawHtml.generated());
            if (e.http() == null && !e.httpUnknown()) {
                error(RenderInput.current().lines().lastLineOfMacro("error-response::" + target + "[", line(parent)), RenderRules.RESPONSE_NOT_SERVER.id(), "error-response names '" + target + "', a " + e.layer().yaml
                        + " error without an HTTP status (expected a server error)");
                return createBlock(parent, "pass", "", RawHtml.generated());
            }
            return createBlock(parent, "pass", ErrorHtml.response(e), RawHtml.generated());
        }
    }

    static final class UserMessage extends BlockMacroProcessor implements RenderDependency {
        UserMessage() { super("user-message"); }

        @Override public List<String> markers() { return List.of("user-message::"); }
        @Override public Set<Input> reads() { return Set.of(Input.CATALOGS); }

        @Override public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            ErrorEntry e = lookup(parent, "user-message", target);
            return createBlock(parent, "pass", e == null ? "" : ErrorHtml.userMessage(e), RawHtml.generated());
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

    /**
     * [source,json,role=live,schema=NAME]: the example must be one complete JSON document (no trailing
     * text, no duplicate key, a closed block) and validate against content/schemas/NAME.schema.json.
     * Each problem is reported once, at the line of the offending value.
     */
    static final class LiveJson extends Treeprocessor implements RenderDependency {
        private static final ObjectMapper JSON = StrictJson.MAPPER;
        private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

        @Override public List<String> markers() { return List.of("role=live"); }
        @Override public Set<Input> reads() { return Set.of(Input.SCHEMAS); }

        @Override public Document process(Document document) {
            // findBy wraps every block of the document in a Java object: only pay for it on pages that
            // have a live example (the same marker the cache key looks for).
            if (!actsOn(RenderInput.current().page().body())) return document;
            for (StructuralNode block : document.findBy(Map.of("context", ":listing"))) {
                if (block.hasRole("live")) check((org.asciidoctor.ast.Block) block);
            }
            return document;
        }

        private void check(org.asciidoctor.ast.Block block) {
            RenderInput.Current cur = RenderInput.current();
            int line = line(block);   // the opening delimiter: the example's first line is line + 1
            if (unterminated(cur, line)) {
                cur.messages().add(new RenderResult.Message(RenderRules.LIVE_UNTERMINATED.id(), line,
                        "live example's block opened with '" + cur.bodyLines()[line - 1].strip() + "' is never closed (expected the same delimiter line after the JSON)"));
                return;
            }
            String source = block.getSource();
            JsonNode json;
            try {
                json = JSON.readTree(source);
            } catch (JsonProcessingException e) {
                int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                cur.messages().add(new RenderResult.Message(RenderRules.LIVE_JSON.id(), line + Math.max(at, 1),
                        "live example is not one valid JSON document: " + e.getOriginalMessage().lines().findFirst().orElse("")
                                + " (expected only JSON inside the block; write explanations after it)"));
                return;
            }
            Object schemaName = block.getAttribute("schema");
            if (schemaName == null) return;
            JsonNode schemaNode = cur.input().schemas().get(schemaName.toString());
            if (schemaNode == null) {
                // The name is written in the attribute line above the delimiter.
                int at = line >= 2 && cur.bodyLines()[line - 2].contains("schema=") ? line - 1 : line;
                cur.messages().add(new RenderResult.Message(RenderRules.LIVE_UNKNOWN_SCHEMA.id(), at, "live example names schema '" + schemaName
                        + "' but content/schemas/" + schemaName + ".schema.json does not exist (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(cur.input().schemas().keySet())) + ")"));
                return;
            }
            JsonSchema schema = COMPILED.computeIfAbsent(schemaName + "@" + schemaNode.hashCode() + schemaNode.toString().length(),
                    k -> FACTORY.getSchema(schemaNode, CONFIG));
            // One finding per offending value: a value can break several keywords (an enum inside a oneOf).
            Map<String, ValidationMessage> byValue = new java.util.LinkedHashMap<>();
            for (ValidationMessage m : schema.validate(json)) byValue.putIfAbsent(m.getInstanceLocation().toString(), m);
            JsonPositions positions = byValue.isEmpty() ? null : JsonPositions.of(source);
            for (Map.Entry<String, ValidationMessage> e : byValue.entrySet()) {
                cur.messages().add(new RenderResult.Message(RenderRules.LIVE_SCHEMA.id(), line + Math.max(positions.lineOf(e.getKey()), 1),
                        "live example does not match schema '" + schemaName + "': " + e.getValue().getMessage()));
            }
            if (byValue.isEmpty()) {
                block.addRole("validated");
                LiveExampleHtml.attach(this, block, schemaName.toString());   // readers' "Try it"
            }
        }

        /** Whether the delimiter line that opens the block at body line {@code line} has no closing twin. */
        private static boolean unterminated(RenderInput.Current cur, int line) {
            String[] body = cur.bodyLines();
            if (line < 1 || line > body.length) return false;
            String open = body[line - 1].strip();
            if (!open.matches("-{4,}|\\.{4,}|`{3}.*")) return false;   // not a delimiter of the body (e.g. from an include)
            String close = open.startsWith("`") ? "```" : open;
            for (int i = line; i < body.length; i++) if (body[i].strip().equals(close)) return false;
            return true;
        }
    }

    /**
     * docdir is the page's folder relative to the content root: Asciidoctor sets it from its base folder
     * (an empty private folder, see PageAttributes) before any extension runs, so it is replaced here,
     * before the header is read.
     */
    static final class PageDir extends org.asciidoctor.extension.Preprocessor implements RenderDependency {
        // The page's path is part of every key already; it reads no input of the version.
        @Override public List<String> markers() { return List.of(); }
        @Override public Set<Input> reads() { return Set.of(); }

        @Override public org.asciidoctor.extension.Reader process(Document document, PreprocessorReader reader) {
            document.setAttribute("docdir", PageAttributes.docdir(RenderInput.current().page()), true);
            return reader;
        }
    }

    /**
     * include:: reads from the content source (work tree or git revision) and never outside content/.
     * Paths are relative to the including file's folder (the page's folder for the body), as in Asciidoctor;
     * lines=, tag= and tags= select as Asciidoctor does ({@link IncludeSelection}); leveloffset and indent
     * are applied by Asciidoctor's reader from the attributes passed on; encoding names the file's charset.
     */
    static final class ContentInclude extends IncludeProcessor implements RenderDependency {
        @Override public boolean handles(String target) { return true; }

        // Included text is not in the body the key is made of, and may use any macro or attribute: a page
        // with includes depends on everything. (The included files themselves are checked by hash on reuse.)
        @Override public List<String> markers() { return List.of("include::"); }
        @Override public Set<Input> reads() { return java.util.EnumSet.allOf(Input.class); }

        @Override public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
            RenderInput.Current cur = RenderInput.current();
            String from = cur.fileOf(reader.getFile());          // null: the page body
            int at = reader.getLineNumber() - 1;                 // the directive's line (the reader has moved past it)
            Path fromPath = Path.of(from == null ? cur.page().path() : from);
            String dir = fromPath.getParent() == null ? "" : fromPath.getParent().toString().replace('\\', '/');
            String resolved = target.startsWith("/") ? null : Path.of(dir).resolve(target).normalize().toString().replace('\\', '/');
            if (target.contains("://") || resolved == null || resolved.startsWith("..") || resolved.startsWith("/")) {
                cur.report(dev.docsite.rules.SecurityRules.OUTSIDE_CONTENT.id(), from, at,
                        "include of '" + target + "' refused: includes must stay inside the content folder");
                return;
            }
            try {
                if (!cur.input().source().exists(resolved)) {
                    if (attributes.containsKey("optional-option")) return;   // Asciidoctor drops a missing optional include quietly
                    cur.report(RenderRules.INCLUDE_MISSING.id(), from, at,
                            "include file '" + target + "' not found (looked for " + cur.input().source().display(resolved) + ")");
                    return;
                }
                byte[] bytes = cur.input().source().readBytes(resolved);
                String text = read(bytes, attributes.get("encoding"));   // strict UTF-8 unless encoding= names another charset
                // A shared attributes file may set data-uri: docsite embeds the images itself (see PageAttributes).
                Boolean dataUri = PageAttributes.lastEntry(text);
                if (dataUri != null) {
                    cur.includedDataUri().set(dataUri);
                    text = PageAttributes.withoutDataUri(text);
                }
                cur.includes().put(resolved, RenderCache.sha(bytes));
                if (!IncludeSelection.applies(attributes)) {
                    reportRawHtml(cur, text, target, from, at);
                    reader.pushInclude(text, resolved, resolved, 1, attributes);
                    return;
                }
                IncludeSelection sel = IncludeSelection.select(text, attributes, resolved);
                for (IncludeSelection.Warning w : sel.warnings()) {
                    if (w.line() > 0) cur.messages().add(new RenderResult.Message(RenderRules.ASCIIDOC_WARNING.id(), w.line(), 0, w.text(), resolved));
                    else cur.report(RenderRules.ASCIIDOC_WARNING.id(), from, at, w.text());
                }
                if (sel.isEmpty()) return;
                reportRawHtml(cur, sel.text(), target, from, at);
                cur.partials().add(new RenderInput.PartialInclude(resolved, sel.numbers()));
                Map<String, Object> attrs = new java.util.HashMap<>(attributes);
                attrs.put("partial-option", "");
                // Start at the first selected line so Asciidoctor's own line numbers stay true (see Current.lineIn for gaps).
                reader.pushInclude(sel.text(), resolved, resolved, sel.firstLine(), attrs);
            } catch (dev.docsite.content.ContentReadException e) {
                // The source refused it: a link out of content/, or not UTF-8.
                cur.report(e.rule(), from, at, "include of '" + target + "' refused: " + e.getMessage());
            } catch (IOException e) {
                cur.report(RenderRules.INCLUDE_UNREADABLE.id(), from, at, "cannot read include '" + target + "': " + e.getMessage());
            }
        }

        /**
         * The file's text in the charset its encoding= attribute names; without one (or with a charset Java does
         * not know, as Asciidoctor ignores one Ruby does not) strict UTF-8, so a Latin-1 file is an error at its line.
         */
        static String read(byte[] bytes, Object encoding) throws dev.docsite.content.ContentReadException {
            java.nio.charset.Charset cs = null;
            if (encoding != null) {
                try { cs = java.nio.charset.Charset.forName(encoding.toString().strip()); } catch (IllegalArgumentException ignored) { }
            }
            String text = cs == null ? dev.docsite.content.Utf8.decode(bytes) : new String(bytes, cs);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        /** Inline passthroughs of included text are reported at the include line (security/raw-html). */
        private static void reportRawHtml(RenderInput.Current cur, String text, String target, String from, int at) {
            if (!RawHtml.inlineLines(text.split("\n", -1)).isEmpty())
                cur.report(dev.docsite.rules.SecurityRules.RAW_HTML.id(), from, at, "included file '" + target + "': " + RawHtml.inlineMessage());
        }
    }

}
