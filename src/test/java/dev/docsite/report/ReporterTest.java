package dev.docsite.report;

import dev.docsite.rules.CatalogEntryRules;
import dev.docsite.rules.Rule;
import dev.docsite.rules.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.docsite.content.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report format, on findings with awkward text (markup characters, commas, colons, newlines, a git revision). */
class ReporterTest {
    @TempDir Path dir;

    static final List<Finding> FINDINGS = List.of(
            Finding.error(new SourcePos("content/errors/sign-in.yaml", 12, 5), "catalog/http-status",
                    "server error 'a.b' has http 302 (expected 400 to 599)"),
            Finding.warning(new SourcePos("content/pages/admin/troubleshoot.yaml", 40, 0), "drift/user-message",
                    "quoted text \"Bot <accounts> & co, 100%\" has drifted:\nsee the catalog | twice").inVersions(List.of("11.6", "11.3")),
            Finding.error(new SourcePos("1a2b3c4:content/pages/admin/old.yaml", 7, 0), "link/missing-page", "xref to page 'x'"),
            Finding.error(SourcePos.of("content"), "catalog/removed-without-until", "cannot read the last commit"));

    private static String write(Reporter r, List<Finding> fs, Path summary) throws Exception {
        StringWriter sw = new StringWriter();
        r.write(fs, new PrintWriter(sw), summary);
        return sw.toString();
    }

    private static Reporter reporter(ReportFormat f, Severity level) {
        return new Reporter(f, level, "31 pages of 2 versions");
    }

    @Test void failLevelDecidesWhatFails() {
        List<Finding> warningsOnly = List.of(FINDINGS.get(1));
        assertFalse(Reporter.fails(warningsOnly, Severity.ERROR));
        assertTrue(Reporter.fails(warningsOnly, Severity.WARNING));
        assertTrue(Reporter.fails(FINDINGS, Severity.ERROR));
        assertFalse(Reporter.fails(List.of(), Severity.WARNING));
    }

    @Test void textIsOneLinePerFindingAndASummary() throws Exception {
        String out = write(reporter(ReportFormat.text, Severity.ERROR), FINDINGS, null);
        List<String> lines = out.lines().toList();
        assertEquals("content/errors/sign-in.yaml:12:5: error catalog/http-status: server error 'a.b' has http 302 (expected 400 to 599)", lines.get(0));
        assertTrue(lines.get(1).startsWith("content/pages/admin/troubleshoot.yaml:40: warning drift/user-message: "), lines.get(1));
        assertEquals("3 errors, 1 warning in 31 pages of 2 versions", lines.get(lines.size() - 1));
    }

    @Test void jsonHasEveryFieldAndTheCounts() throws Exception {
        JsonNode root = new ObjectMapper().readTree(write(reporter(ReportFormat.json, Severity.WARNING), FINDINGS, null));
        assertEquals(3, root.at("/summary/errors").asInt());
        assertEquals(1, root.at("/summary/warnings").asInt());
        assertTrue(root.at("/summary/failed").asBoolean());
        assertEquals("warning", root.at("/summary/failLevel").asText());
        JsonNode drift = root.get("findings").get(1);
        assertEquals("content/pages/admin/troubleshoot.yaml", drift.get("file").asText());
        assertEquals(40, drift.get("line").asInt());
        assertEquals("drift/user-message", drift.get("rule").asText());
        assertEquals(FINDINGS.get(1).message(), drift.get("message").asText());
        assertEquals("[\"11.6\",\"11.3\"]", drift.get("versions").toString());
    }

    @Test void junitIsWellFormedWithOneFailurePerFindingAtTheFailLevel() throws Exception {
        String xml = write(reporter(ReportFormat.junit, Severity.ERROR), FINDINGS, null);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("3", root.getAttribute("failures"));
        assertEquals(4, doc.getElementsByTagName("testsuite").getLength(), "one suite per file");
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(3, failures.getLength());
        // The warning is below the fail level: a passing case that still carries its text.
        NodeList out = doc.getElementsByTagName("system-out");
        assertEquals(1, out.getLength());
        assertTrue(out.item(0).getTextContent().contains("Bot <accounts> & co, 100%"));
    }

    @Test void aCleanRunIsOnePassingTestCase() throws Exception {
        String xml = write(reporter(ReportFormat.junit, Severity.ERROR), List.of(), null);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
    }

    private static JsonSchema sarifSchema() throws Exception {
        return SarifMultitool.officialSchema();
    }

    @Test void sarifIsValidWithRulesAndLocations() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(write(reporter(ReportFormat.sarif, Severity.ERROR), FINDINGS, null));
        Set<ValidationMessage> errors = sarifSchema().validate(sarif);
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(4, rules.size());
        Rule httpStatus = CatalogEntryRules.HTTP_STATUS;
        assertEquals(httpStatus.title(), rules.get(0).at("/shortDescription/text").asText());
        assertEquals(httpStatus.why(), rules.get(0).at("/fullDescription/text").asText());
        assertEquals(httpStatus.fix(), rules.get(0).at("/help/text").asText());
        assertEquals("CatalogHttpStatus", rules.get(0).get("name").asText());
        assertTrue(rules.get(0).get("helpUri").asText().endsWith("docs/rules.md#catalog-http-status"));
        assertFalse(run.at("/tool/driver/version").asText().isBlank());
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        for (JsonNode r : results) assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
        JsonNode first = results.get(0).at("/locations/0/physicalLocation");
        assertEquals("content/errors/sign-in.yaml", first.at("/artifactLocation/uri").asText());
        assertEquals(12, first.at("/region/startLine").asInt());
        assertEquals(5, first.at("/region/startColumn").asInt());
        assertEquals("warning", results.get(1).get("level").asText());
        // Content read from a git revision is located at its path; the revision goes into the message.
        assertEquals("content/pages/admin/old.yaml", results.get(2).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(results.get(2).at("/message/text").asText().contains("1a2b3c4"));
        // A finding without a line has no region rather than an invalid one.
        assertTrue(results.get(3).at("/locations/0/physicalLocation/region").isMissingNode());
    }

    @Test void theSarifSchemaCatchesWhatItShould() throws Exception {
        ObjectNode sarif = (ObjectNode) new ObjectMapper().readTree(write(reporter(ReportFormat.sarif, Severity.ERROR), FINDINGS, null));
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        ((ObjectNode) sarif.at("/runs/0/results/1")).put("severity", "warning");
        assertEquals(2, sarifSchema().validate(sarif).size());
    }

    @Test void githubAnnotationsEscapeDataAndProperties() throws Exception {
        String out = write(reporter(ReportFormat.github, Severity.ERROR), FINDINGS, dir.resolve("summary.md"));
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        assertEquals("::error file=content/errors/sign-in.yaml,line=12,col=5,title=catalog/http-status::server error 'a.b' has http 302 (expected 400 to 599)", lines.get(0));
        assertEquals("::warning file=content/pages/admin/troubleshoot.yaml,line=40,title=drift/user-message::quoted text \"Bot <accounts> & co, 100%25\" has drifted:%0Asee the catalog | twice [versions 11.6, 11.3]", lines.get(1));
        assertTrue(lines.get(2).startsWith("::error file=content/pages/admin/old.yaml,line=7,title=link/missing-page::"), lines.get(2));
        assertEquals("::error file=content,title=catalog/removed-without-until::cannot read the last commit", lines.get(3));
        assertEquals("a%2Cb%3Ac%25", Reporter.property("a,b:c%"));
    }

    /**
     * GitHub reads "::cmd k=v,k=v::message" line by line: a file name with ',' or ':' would end its property,
     * a '\r' or '\n' would end the command, and '%' starts an escape. Each is escaped in the file= property
     * too, not only in the message.
     */
    @Test void githubAnnotationsEscapeTheFilePropertyAndCarriageReturns() {
        Finding f = Finding.error(new SourcePos("content/pages/a,b:c%d.yaml", 3, 0), "link/missing-page", "first\r\nsecond\rthird 50%");
        assertEquals("::error file=content/pages/a%2Cb%3Ac%25d.yaml,line=3,title=link/missing-page::first%0D%0Asecond%0Dthird 50%25",
                Reporter.annotation(f));
        assertEquals("%0D%0A%25", Reporter.data("\r\n%"));
        assertEquals("x%0Dy%0Az%2Cw%3Av%25", Reporter.property("x\ry\nz,w:v%"));
        // From a git revision: the path is the file's, the revision goes into the message.
        Finding old = Finding.warning(new SourcePos("1a2b3c4:content/pages/x,y.yaml", 2, 4), "drift/user-message", "m");
        assertEquals("::warning file=content/pages/x%2Cy.yaml,line=2,col=4,title=drift/user-message::m (in git revision 1a2b3c4)",
                Reporter.annotation(old));
    }

    @Test void findingsAreSortedByFileLineColumnThenRule() {
        Finding b3 = Finding.error(new SourcePos("b.yaml", 3, 0), "link/missing-page", "x");
        Finding a10 = Finding.error(new SourcePos("a.yaml", 10, 0), "link/missing-page", "x");
        Finding a2col7 = Finding.error(new SourcePos("a.yaml", 2, 7), "link/missing-page", "x");
        Finding a2col1anchor = Finding.error(new SourcePos("a.yaml", 2, 1), "link/missing-page", "x");
        Finding a2col1anchorRule = Finding.error(new SourcePos("a.yaml", 2, 1), "link/missing-anchor", "x");
        assertEquals(List.of(a2col1anchorRule, a2col1anchor, a2col7, a10, b3),
                dev.docsite.report.Findings.sorted(List.of(b3, a10, a2col7, a2col1anchor, a2col1anchorRule)));
    }

    @Test void theGithubJobSummaryIsAppendedToTheStepSummaryFile() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "## Earlier step\n");
        write(reporter(ReportFormat.github, Severity.ERROR), FINDINGS, summary);
        String md = Files.readString(summary);
        assertTrue(md.startsWith("## Earlier step\n## docsite check: 3 errors, 1 warning in 31 pages of 2 versions (failed at level error)"), md);
        assertTrue(md.contains("| error | `content/errors/sign-in.yaml:12:5` | `catalog/http-status` | server error 'a.b' has http 302 (expected 400 to 599) |"), md);
        assertTrue(md.contains("has drifted: see the catalog \\| twice [versions 11.6, 11.3] |"), "pipes in cells are escaped, newlines joined: " + md);
    }

    @Test void withoutASummaryFileTheSummaryFollowsTheAnnotations() throws Exception {
        String out = write(reporter(ReportFormat.github, Severity.ERROR), List.of(), null);
        assertEquals("## docsite check: no findings in 31 pages of 2 versions\n\n", out);
    }
}
