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
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private static final AsciidocRenderer SHARED = new AsciidocRenderer();

    /**
     * AsciidoctorJ always hands its records to java.util.logging too, which would print them on stderr
     * beside docsite's findings. Silenced here and held strongly: JUL keeps loggers weakly, and a
     * collected logger comes back with the default console output.
     */
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("asciidoctor");

    static {
        JUL.setUseParentHandlers(false);
        JUL.setLevel(java.util.logging.Level.OFF);
    }

    /**
     * Everything a render reads beyond the page's id, path and body: the document attributes set below and
     * every extension. The render cache key is derived from this list.
     */
    public static final List<RenderDependency> DEPENDENCIES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(RenderDependency.of(List.of("docsite-version"), java.util.Set.of(RenderDependency.Input.VERSION)),
                    // Site attributes (site.yaml attributes:) are set on every page.
                    RenderDependency.of(List.of(), java.util.Set.of(RenderDependency.Input.ATTRIBUTES)),
                    // data-uri images are embedded from the version's own source.
                    RenderDependency.of(List.of("data-uri"), java.util.Set.of(RenderDependency.Input.VERSION))),
            Extensions.ALL.stream()).toList();

    private static final MarkerScan MARKERS = new MarkerScan(DEPENDENCIES);

    /** The inputs read by the parts of {@link #DEPENDENCIES} that act on {@code body} (each part's markers decide). */
    public static java.util.Set<RenderDependency.Input> readsOf(String body) { return MARKERS.reads(body); }

    private volatile Asciidoctor asciidoctor;

    /**
     * Below this many pages to convert, JRuby runs Asciidoctor in its interpreter only: compiling Ruby methods to
     * JVM code pays back over hundreds of pages, not over a few dozen (a cold build of the default content, 40 pages:
     * 3.3-3.6 s interpreted against 3.8-4.4 s compiling; of 1,000 pages: 19-20.5 s against 15.5-17.8 s).
     */
    public static final int INTERPRET_BELOW = 150;
    private volatile boolean interpret;
    private volatile int jitThreshold;   // JRuby's own, kept to report it

    /** The process-wide instance: JRuby starts once per process however many builds run in it. */
    public static AsciidocRenderer shared() { return SHARED; }
    private final ThreadLocal<List<LogRecord>> logs = ThreadLocal.withInitial(ArrayList::new);

    private Asciidoctor asciidoctor() {
        Asciidoctor a = asciidoctor;
        if (a == null) {
            synchronized (this) {
                a = asciidoctor;
                if (a == null) {
                    long t0 = System.nanoTime();
                    a = startAsciidoctor();
                    // JRuby compiles a Ruby method once it has been called this many times; read on every call,
                    // so an unreachable threshold keeps this runtime interpreting.
                    org.jruby.RubyInstanceConfig config = org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(a).getInstanceConfig();
                    jitThreshold = config.getJitThreshold();
                    if (interpret) config.setJitThreshold(Integer.MAX_VALUE);
                    Extensions.register(a.javaExtensionRegistry());
                    LogHandler handler = record -> logs.get().add(record);
                    a.registerLogHandler(handler);
                    asciidoctor = a;
                    if (System.getenv("DOCSITE_TIMING") != null)
                        System.err.printf("timing: Asciidoctor started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
        return a;
    }

    /**
     * Starts Asciidoctor without RubyGems. RubyGems' own start took 0.9 s of JRuby's 2.2 s (measured with
     * {@code -Djruby.debug.loadService.timing=true}) only to find the gems AsciidoctorJ bundles, so their lib folders
     * go on the load path instead and {@code require} finds them there (Asciidoctor itself, and Rouge or CodeRay when
     * a page asks for them). JRuby reads the switch once per process, so it holds for every runtime started after
     * this one: each must be given {@link #bundledGemLibs()}. One set on the command line wins.
     * <p>
     * JRuby's native layer (jnr-ffi: a C library unpacked into the temporary folder, classes generated at start)
     * is switched off the same way: Asciidoctor needs none of it, JRuby's Java implementations of files,
     * processes and time serve it, and the start is about a tenth shorter (1.04-1.18 s against 1.22-1.28 s in
     * one-page rebuilds).
     */
    static Asciidoctor startAsciidoctor() {
        if (System.getProperty(NATIVE) == null) System.setProperty(NATIVE, "false");
        List<String> libs = bundledGemLibs();
        if (libs.isEmpty()) return Asciidoctor.Factory.create();   // not run from a jar: let RubyGems find the gems
        if (System.getProperty(RUBYGEMS) == null) System.setProperty(RUBYGEMS, "false");
        return org.asciidoctor.jruby.AsciidoctorJRuby.Factory.create(libs);
    }

    private static final String RUBYGEMS = "jruby.cli.rubygems.enable", NATIVE = "jruby.native.enabled";
    private static final Pattern GEM_LIB = Pattern.compile("gems/[^/]+/lib/");

    /** The lib folder of every gem in AsciidoctorJ's jar, as JRuby class-loader paths, Asciidoctor's first; none outside a jar. */
    static List<String> bundledGemLibs() {
        java.util.TreeSet<String> libs = new java.util.TreeSet<>();
        try {
            java.net.URL jar = org.asciidoctor.jruby.AsciidoctorJRuby.class.getProtectionDomain().getCodeSource().getLocation();
            java.nio.file.Path path = java.nio.file.Path.of(jar.toURI());
            if (!java.nio.file.Files.isRegularFile(path)) return List.of();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (!name.startsWith("gems/")) continue;
                    Matcher m = GEM_LIB.matcher(name);
                    if (m.lookingAt()) libs.add(m.group());
                }
            }
        } catch (Exception e) {
            return List.of();
        }
        // Stable sort: Asciidoctor first, the others in name order.
        return libs.stream().sorted(java.util.Comparator.comparing((String l) -> !l.startsWith("gems/asciidoctor-")))
                .map(l -> "uri:classloader:/" + l.substring(0, l.length() - 1)).toList();
    }

    /**
     * How many pages this process is about to convert, told before Asciidoctor starts: few, and JRuby starts
     * in its interpreter only ({@link #INTERPRET_BELOW}). The first estimate decides (a start in the background
     * may be reading it); later ones, and any once started, are ignored: a runtime keeps its mode.
     */
    public void expectConversions(int pages) {
        // Not under the start's lock: that is held for seconds while JRuby starts.
        if (asciidoctor == null && modeChosen.compareAndSet(false, true)) interpret = pages < INTERPRET_BELOW;
    }

    private final java.util.concurrent.atomic.AtomicBoolean modeChosen = new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether the started JRuby runtime compiles Ruby methods (false: interpreter only); null before the start. */
    Boolean compiles() {
        Asciidoctor a = asciidoctor;
        if (a == null) return null;
        return org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(a).getInstanceConfig().getJitThreshold() == jitThreshold;
    }

    /** Whether the started JRuby runtime loaded RubyGems; null before the start. */
    Boolean loadedRubyGems() {
        Asciidoctor a = asciidoctor;
        if (a == null) return null;
        return org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(a).getObject().getConstantNoConstMissing("Gem") != null;
    }

    /** Whether the started JRuby runtime uses its native layer; null before the start. */
    Boolean usesNative() {
        Asciidoctor a = asciidoctor;
        if (a == null) return null;
        return org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(a).getInstanceConfig().isNativeEnabled();
    }

    /** Whether this renderer has started Asciidoctor (JRuby): a build served from the cache never does. */
    public boolean started() { return asciidoctor != null; }

    /** Starts JRuby now (e.g. while other work runs) instead of on the first page. */
    public void warmUp() { asciidoctor(); }

    private final java.util.concurrent.atomic.AtomicLong conversions = new java.util.concurrent.atomic.AtomicLong();

    /** Pages this renderer has converted (warm-up conversions included). */
    public long conversions() { return conversions.get(); }

    public RenderResult render(Page page, RenderInput input) {
        Asciidoctor a = asciidoctor();
        conversions.incrementAndGet();
        RenderInput.Current cur = new RenderInput.Current(page, input);
        RenderInput.CURRENT.set(cur);
        logs.get().clear();
        String html;
        try {
            // Site attributes, the page's place in the content (docname, docfile; docdir is set by
            // Extensions.PageDir) and docsite's own; Asciidoctor's base folder holds no file, so it never reads the
            // disk itself: includes and data-uri images come from the confined content source.
            Attributes attrs = Attributes.builder().build();
            PageAttributes.of(page, input).forEach(attrs::setAttribute);
            Options options = Options.builder().safe(SafeMode.SAFE).sourcemap(true).standalone(false)
                    .baseDir(PageAttributes.emptyBase().toFile()).attributes(attrs).build();
            html = a.convert(PageAttributes.body(page), options);
            if (PageAttributes.dataUri(page, input, cur.includedDataUri().get())) html = PageAttributes.embedImages(html, cur);
        } catch (RuntimeException e) {
            // A crash inside Asciidoctor or an extension is reported against the page, not as a stack trace.
            cur.messages().add(new RenderResult.Message(RenderRules.ASCIIDOC_CRASH.id(), 0, "Asciidoctor failed on this page: " + e.getMessage()));
            html = "";
        } finally {
            RenderInput.CURRENT.remove();
        }
        for (LogRecord r : logs.get()) {
            // A record inside an included file keeps that file (content-relative), with its real line.
            String file = r.getCursor() == null ? null : cur.fileOf(r.getCursor().getFile());
            int line = r.getCursor() == null ? lineFromMessage(cur, r.getMessage()) : cur.lineIn(file, r.getCursor().getLineNumber());
            String rule = switch (r.getSeverity()) {
                case ERROR, FATAL -> RenderRules.ASCIIDOC_ERROR.id();
                case WARN -> RenderRules.ASCIIDOC_WARNING.id();
                default -> RenderRules.ASCIIDOC_INFO.id();
            };
            cur.messages().add(new RenderResult.Message(rule, line, 0, r.getMessage(), file));
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
        // Titles of every section level: an xref without text to a section shows it.
        for (Heading h : headingsIn(html, '2', '6')) out.put(h.id(), h.text());
        return out;
    }

    static List<RenderResult.Heading> headings(String html) {
        List<RenderResult.Heading> out = new ArrayList<>();
        for (Heading h : headingsIn(html, '2', '3')) out.add(new RenderResult.Heading(h.level(), h.id(), h.text()));
        return out;
    }

    /** A section heading as the HTML has it: level, id, and the markup inside the heading element. */
    record Heading(int level, String id, String inner) {
        /** The heading's text: its markup without tags, entities decoded. */
        String text() { return org.jsoup.parser.Parser.unescapeEntities(TAGS.matcher(inner).replaceAll("").strip(), false); }
    }

    /**
     * The headings {@code <hN id="ID" ...>INNER</hN>} with N from {@code low} to {@code high}, in order and not overlapping:
     * what the regular expression {@code <h([low-high]) id="([^"]+)"[^>]*>(.*?)</h\1>} (dot matching newlines) finds,
     * found with {@link String#indexOf}. Trying that expression at every offset of every page took about a tenth of a
     * render thread's time in a cold build.
     */
    static List<Heading> headingsIn(String html, char low, char high) {
        List<Heading> out = new ArrayList<>();
        int from = 0;
        for (int at; (at = html.indexOf("<h", from)) >= 0; ) {
            from = at + 1;
            if (at + 2 >= html.length()) break;
            char level = html.charAt(at + 2);
            if (level < low || level > high || !html.startsWith(" id=\"", at + 3)) continue;
            int idStart = at + 8, idEnd = html.indexOf('"', idStart);
            if (idEnd <= idStart) continue;
            int open = html.indexOf('>', idEnd + 1);
            if (open < 0) continue;
            String close = "</h" + level + ">";
            int end = html.indexOf(close, open + 1);
            if (end < 0) continue;
            out.add(new Heading(level - '0', html.substring(idStart, idEnd), html.substring(open + 1, end)));
            from = end + close.length();
        }
        return out;
    }

    /** Ids that appear more than once in the HTML (each is a broken anchor target). */
    public static List<String> duplicateIds(String html) {
        return idCounts(html).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** Every non-empty id of a real element of the HTML (never text shown as code) with how often it occurs, in document order. */
    public static Map<String, Integer> idCounts(String html) { return HtmlAttributes.idCounts(html); }

    @Override public void close() {
        Asciidoctor a = asciidoctor;
        if (a != null) a.shutdown();
    }
}
