package dev.docsite.report;

import dev.docsite.rules.DocsiteVersion;
import dev.docsite.rules.Rule;
import dev.docsite.rules.Rules;
import dev.docsite.rules.Severity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the findings of a run in one of the {@link ReportFormat}s. Shared by every check (catalog,
 * error tables, links) so CI sees one report with one set of rules.
 *
 * @param failLevel    findings at or above this severity fail the run (exit code 1)
 * @param context      what was checked, e.g. "31 pages of 2 versions" (for summaries; may be empty)
 */
public record Reporter(ReportFormat format, Severity failLevel, String context) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A file shown as "<commit>:<path>" (content read from a git revision). */
    private static final Pattern REVISION_FILE = Pattern.compile("([0-9a-f]{7,40}):(.+)");
    /** More rows than this make a job summary nobody reads (and GitHub caps it at 1 MiB). */
    static final int SUMMARY_ROWS = 500;
    public static final String TOOL = "docsite";
    public static final String INFO_URI = "https://github.com/docsite-dev/docsite";
    /** Where the writers' guide describes each rule (one anchor per rule id). */
    public static final String RULES_DOC = INFO_URI + "/blob/main/docs/rules.md";

    /** A SARIF rule name: the id in UpperCamelCase ("link/missing-anchor" is "LinkMissingAnchor"). */
    static String ruleName(Rule rule) {
        StringBuilder b = new StringBuilder();
        for (String part : rule.id().split("[/-]")) if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }

    /** Whether the findings fail the run at {@code failLevel}. */
    public static boolean fails(List<Finding> findings, Severity failLevel) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(failLevel) <= 0);
    }

    public boolean fails(List<Finding> findings) { return fails(findings, failLevel); }

    /** "2 errors, 1 warning" (notes only when there are some). */
    public static String counts(List<Finding> findings) {
        long e = Findings.count(findings, Severity.ERROR), w = Findings.count(findings, Severity.WARNING),
                n = Findings.count(findings, Severity.NOTE);
        return plural(e, "error") + ", " + plural(w, "warning") + (n > 0 ? ", " + plural(n, "note") : "");
    }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    /**
     * Writes the report to {@code out}. For {@link ReportFormat#github} the Markdown job summary goes to
     * {@code githubSummary} (appended, as GitHub expects) when given, otherwise after the annotations.
     */
    public void write(List<Finding> findings, PrintWriter out, Path githubSummary) throws IOException {
        switch (format) {
            case text -> text(findings, out);
            case json -> out.println(JSON.writeValueAsString(json(findings)));
            case junit -> out.println(junit(findings));
            case sarif -> out.println(JSON.writeValueAsString(sarif(findings)));
            case github -> {
                for (Finding f : findings) out.println(annotation(f));
                String md = markdownSummary(findings);
                if (githubSummary != null)
                    Files.writeString(githubSummary, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                else out.print(md);
            }
        }
        out.flush();
    }

    private void text(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) out.println(f.toText());
        out.println(counts(findings) + (context.isEmpty() ? "" : " in " + context));
    }

    // ---- JSON -------------------------------------------------------------------------------------

    ObjectNode json(List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", TOOL);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", Findings.count(findings, Severity.ERROR));
        summary.put("warnings", Findings.count(findings, Severity.WARNING));
        summary.put("notes", Findings.count(findings, Severity.NOTE));
        summary.put("failLevel", failLevel.label());
        summary.put("failed", fails(findings));
        if (!context.isEmpty()) summary.put("checked", context);
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("file", f.pos().file());
            o.put("line", f.pos().line());
            o.put("column", f.pos().column());
            o.put("severity", f.severity().label());
            o.put("rule", f.rule());
            o.put("message", f.message());
            ArrayNode vs = o.putArray("versions");
            f.versions().forEach(vs::add);
        }
        return root;
    }

    // ---- JUnit XML --------------------------------------------------------------------------------

    /** One test suite per file, one test case per finding; findings below the fail level pass with their text as output. */
    String junit(List<Finding> findings) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) byFile.computeIfAbsent(f.pos().file(), k -> new ArrayList<>()).add(f);
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(sw);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", TOOL + " check");
            x.writeAttribute("tests", String.valueOf(Math.max(1, findings.size())));
            x.writeAttribute("failures", String.valueOf(findings.stream().filter(f -> f.severity().compareTo(failLevel) <= 0).count()));
            if (findings.isEmpty()) {
                // A clean run still shows up as one passing test, so CI displays "1 passed" rather than nothing.
                suiteStart(x, TOOL + " check", 1, 0);
                x.writeEmptyElement("testcase");
                x.writeAttribute("classname", TOOL);
                x.writeAttribute("name", "no findings" + (context.isEmpty() ? "" : " in " + context));
                x.writeCharacters("\n");
                x.writeEndElement();
            }
            for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
                List<Finding> fs = e.getValue();
                suiteStart(x, e.getKey(), fs.size(), fs.stream().filter(f -> f.severity().compareTo(failLevel) <= 0).count());
                for (Finding f : fs) {
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", e.getKey());
                    x.writeAttribute("name", f.rule() + " at " + f.pos());
                    if (f.severity().compareTo(failLevel) <= 0) {
                        x.writeStartElement("failure");
                        x.writeAttribute("type", f.severity().label());
                        x.writeAttribute("message", f.message());
                        x.writeCharacters(f.toText());
                        x.writeEndElement();
                    } else {
                        x.writeStartElement("system-out");
                        x.writeCharacters(f.toText());
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                    x.writeCharacters("\n");
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("cannot write JUnit XML", ex);
        }
        return sw.toString();
    }

    private static void suiteStart(XMLStreamWriter x, String name, long tests, long failures) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", String.valueOf(tests));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", "0");
        x.writeCharacters("\n");
    }

    // ---- SARIF 2.1.0 ------------------------------------------------------------------------------

    ObjectNode sarif(List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        driver.put("informationUri", INFO_URI);
        driver.put("version", DocsiteVersion.VERSION);
        driver.put("semanticVersion", DocsiteVersion.VERSION);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Finding f : findings) {
            if (ruleIndex.containsKey(f.rule())) continue;
            ruleIndex.put(f.rule(), ruleIndex.size());
            ObjectNode r = rules.addObject();
            Rule rule = Rules.get(f.rule());
            r.put("id", rule.id());
            r.put("name", ruleName(rule));
            r.putObject("shortDescription").put("text", rule.title());
            r.putObject("fullDescription").put("text", rule.why());
            ObjectNode help = r.putObject("help");
            help.put("text", rule.fix());
            help.put("markdown", "**" + rule.title() + "**\n\n" + rule.why() + "\n\n**How to fix:** " + rule.fix());
            r.put("helpUri", RULES_DOC + "#" + rule.anchor());
            r.putObject("defaultConfiguration").put("level", level(rule.severity()));
            r.putObject("properties").putArray("tags").add(rule.group());
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            r.put("ruleIndex", ruleIndex.get(f.rule()));
            r.put("level", level(f.severity()));
            String revision = revisionOf(f.pos().file());
            r.putObject("message").put("text", messageWithVersions(f) + (revision == null ? "" : " (in git revision " + revision + ")"));
            ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(f.pos().file()));
            if (f.pos().line() > 0) {
                ObjectNode region = phys.putObject("region");
                region.put("startLine", f.pos().line());
                if (f.pos().column() > 0) region.put("startColumn", f.pos().column());
            }
            if (!f.versions().isEmpty()) {
                ArrayNode vs = r.putObject("properties").putArray("versions");
                f.versions().forEach(vs::add);
            }
        }
        return root;
    }

    private static String level(Severity s) {
        return switch (s) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "note"; };
    }

    /** A relative path as a URI reference ('/'-separated, percent-encoded); an absolute path as a file: URI. */
    static String uri(String file) {
        String path = pathOf(file);
        Path p = Path.of(path);
        if (p.isAbsolute()) return p.toUri().toString();
        StringBuilder b = new StringBuilder();
        for (String seg : path.replace('\\', '/').split("/", -1)) {
            if (!b.isEmpty()) b.append('/');
            b.append(java.net.URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    /** The file a finding names, without a leading "<commit>:" of content read from git. */
    static String pathOf(String file) {
        Matcher m = REVISION_FILE.matcher(file);
        return m.matches() ? m.group(2) : file;
    }

    static String revisionOf(String file) {
        Matcher m = REVISION_FILE.matcher(file);
        return m.matches() ? m.group(1) : null;
    }

    private static String messageWithVersions(Finding f) {
        if (f.versions().isEmpty()) return f.message();
        return f.message() + " [" + (f.versions().size() == 1 ? "version " : "versions ") + String.join(", ", f.versions()) + "]";
    }

    // ---- GitHub Actions ---------------------------------------------------------------------------

    /** {@code ::error file=…,line=…,col=…,title=…::message} with GitHub's escaping of data and properties. */
    static String annotation(Finding f) {
        String cmd = switch (f.severity()) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE -> "notice"; };
        StringBuilder b = new StringBuilder("::").append(cmd).append(" file=").append(property(pathOf(f.pos().file())));
        if (f.pos().line() > 0) b.append(",line=").append(f.pos().line());
        if (f.pos().column() > 0) b.append(",col=").append(f.pos().column());
        b.append(",title=").append(property(f.rule()));
        String revision = revisionOf(f.pos().file());
        return b.append("::").append(data(messageWithVersions(f) + (revision == null ? "" : " (in git revision " + revision + ")"))).toString();
    }

    static String data(String s) { return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"); }

    static String property(String s) { return data(s).replace(":", "%3A").replace(",", "%2C"); }

    /** Markdown for the job summary: counts, then a table of findings (capped). */
    String markdownSummary(List<Finding> findings) {
        StringBuilder b = new StringBuilder("## docsite check: ");
        if (findings.isEmpty()) {
            b.append("no findings").append(context.isEmpty() ? "" : " in " + context).append("\n\n");
            return b.toString();
        }
        b.append(counts(findings)).append(context.isEmpty() ? "" : " in " + context)
                .append(fails(findings) ? " (failed at level " + failLevel.label() + ")" : "").append("\n\n");
        b.append("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n");
        int shown = 0;
        for (Finding f : findings) {
            if (shown++ == SUMMARY_ROWS) {
                b.append("\n…and ").append(findings.size() - SUMMARY_ROWS).append(" more (see the annotations or run `docsite check` locally).\n");
                break;
            }
            b.append("| ").append(f.severity().label()).append(" | `").append(cell(f.pos().toString())).append("` | `")
                    .append(cell(f.rule())).append("` | ").append(cell(messageWithVersions(f))).append(" |\n");
        }
        return b.append('\n').toString();
    }

    private static String cell(String s) { return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("`", "'"); }
}
