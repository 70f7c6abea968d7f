package dev.docsite.render;

import dev.docsite.rules.RenderRules;
import dev.docsite.content.Page;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One warm Asciidoctor instance per process with docsite's extensions. Thread-safe: pages are converted
 * in parallel on one instance; each conversion's context and log records stay on its own thread.
 * The instance is created on first use, so a build served entirely from the cache never starts JRuby.
 */
public final class AsciidocRenderer implements AutoCloseable {
    private static final Pattern HEADING = Pattern.compile("<h([23]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private static final AsciidocRenderer SHARED = new AsciidocRenderer();

    /**
     * Everything a render reads beyond the page's id, path and body: the document attributes set below and
     * every extension. The render cache key is derived from this list.
     */
    public static final List<RenderDependency> DEPENDENCIES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(RenderDependency.of(List.of("docsite-version"), java.util.Set.of(RenderDependency.Input.VERSION))),
            Extensions.ALL.stream()).toList();

    private volatile Asciidoctor asciidoctor;

    /** The process-wide instance: JRuby starts once per process however many builds run in it. */
    public static AsciidocRenderer shared() { return SHARED; }
    private final ThreadLocal<List<LogRecord>> logs = ThreadLocal.withInitial(ArrayList::new);

    private Asciidoctor asciidoctor() {
        Asciidoctor a = asciidoctor;
        if (a == null) {
            synchronized (this) {
                a = asciidoctor;
                if (a == null) {
                    // Records go to docsite's handler below; keep JUL from printing them a second time.
                    java.util.logging.Logger.getLogger("asciidoctor").setUseParentHandlers(false);
                    a = Asciidoctor.Factory.create();
                    Extensions.register(a.javaExtensionRegistry());
                    LogHandler handler = record -> logs.get().add(record);
                    a.registerLogHandler(handler);
                    asciidoctor = a;
                }
            }
        }
        return a;
    }

    /** Whether this renderer has started Asciidoctor (JRuby): a build served from the cache never does. */
    public boolean started() { return asciidoctor != null; }

    /** Starts JRuby now (e.g. while other work runs) instead of on the first page. */
    public void warmUp() { asciidoctor(); }

    public RenderResult render(Page page, RenderInput input) {
        Asciidoctor a = asciidoctor();
        RenderInput.Current cur = new RenderInput.Current(page, input);
        RenderInput.CURRENT.set(cur);
        logs.get().clear();
        String html;
        try {
            Attributes attrs = Attributes.builder()
                    .attribute("docsite-version", input.version())
                    .attribute("idprefix", "")
                    .attribute("idseparator", "-")
                    .attribute("relfileprefix", Links.MARKER)
                    .attribute("relfilesuffix", ".html")
                    .attribute("sectanchors", "")
                    .attribute("attribute-missing", "warn")
                    .attribute("docsite-page", page.id())
                    .build();
            Options options = Options.builder().safe(SafeMode.SAFE).sourcemap(true).standalone(false)
                    .attributes(attrs).build();
            html = a.convert(page.body(), options);
        } catch (RuntimeException e) {
            // A crash inside Asciidoctor or an extension is reported against the page, not as a stack trace.
            cur.messages().add(new RenderResult.Message(RenderRules.ASCIIDOC_CRASH.id(), 0, "Asciidoctor failed on this page: " + e.getMessage()));
            html = "";
        } finally {
            RenderInput.CURRENT.remove();
        }
        for (LogRecord r : logs.get()) {
            int line = r.getCursor() == null ? lineFromMessage(cur, r.getMessage()) : r.getCursor().getLineNumber();
            String rule = switch (r.getSeverity()) {
                case ERROR, FATAL -> RenderRules.ASCIIDOC_ERROR.id();
                case WARN -> RenderRules.ASCIIDOC_WARNING.id();
                default -> RenderRules.ASCIIDOC_INFO.id();
            };
            cur.messages().add(new RenderResult.Message(rule, line, r.getMessage()));
        }
        logs.get().clear();
        return new RenderResult(html, anchors(html), headings(html), List.copyOf(cur.errorIds()), List.copyOf(cur.tables()),
                List.copyOf(cur.messages()), Map.copyOf(cur.includes()));
    }

    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("missing attribute: (\\S+)");

    /** Some Asciidoctor warnings carry no cursor; find the body line they speak of where the message names it. */
    static int lineFromMessage(RenderInput.Current cur, String message) {
        Matcher m = MISSING_ATTRIBUTE.matcher(message == null ? "" : message);
        return m.find() ? cur.lineOf("{" + m.group(1) + "}", 0) : 0;
    }

    static Map<String, String> anchors(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : idCounts(html).keySet()) out.put(id, "");
        for (RenderResult.Heading h : headings(html)) out.put(h.id(), h.title());
        return out;
    }

    static List<RenderResult.Heading> headings(String html) {
        List<RenderResult.Heading> out = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            String text = TAGS.matcher(m.group(3)).replaceAll("").strip();
            out.add(new RenderResult.Heading(Integer.parseInt(m.group(1)), m.group(2), org.jsoup.parser.Parser.unescapeEntities(text, false)));
        }
        return out;
    }

    /** Ids that appear more than once in the HTML (each is a broken anchor target). */
    public static List<String> duplicateIds(String html) {
        return idCounts(html).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * Every non-empty {@code id="..."} attribute of the HTML with how often it occurs, in document order.
     * A plain indexOf scan: the link checks run it on every page of every version, where a regex
     * starting with \s costs most of their time.
     */
    public static Map<String, Integer> idCounts(String html) {
        Map<String, Integer> count = new LinkedHashMap<>();
        int i = 0;
        while ((i = html.indexOf("id=\"", i)) >= 0) {
            int start = i + 4, end = html.indexOf('"', start);
            if (end < 0) break;
            if (i > 0 && Character.isWhitespace(html.charAt(i - 1)) && end > start) count.merge(html.substring(start, end), 1, Integer::sum);
            i = end + 1;
        }
        return count;
    }

    @Override public void close() {
        Asciidoctor a = asciidoctor;
        if (a != null) a.shutdown();
    }
}
