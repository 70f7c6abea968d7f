package dev.docsite.check;

import dev.docsite.rules.Severity;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.render.AsciidocRenderer;
import dev.docsite.render.Layout;
import dev.docsite.render.RenderCache;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import dev.docsite.site.SiteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal link checks on a real build (AsciidoctorJ, FreeMarker, files on disk) of a three-version
 * site whose pages hold broken and working links of every kind.
 */
class InternalLinksTest {
    @TempDir static Path tmp;
    static SiteBuilder builder;
    static Path content;
    static BuildResult build;
    static List<Finding> findings;

    static final String SETUP = """
            title: Set up
            audience: admin
            summary: Setting up.
            order: 1
            aliases:
              - admin/old-setup
            body: |
              == Before you begin
              See xref:admin/new-feature.adoc[the new feature] before you start.
              Read xref:admin/guide.adoc#no-such-section[the guide].
              Read xref:admin/guide.adoc#configure-the-app[the guide] (an automatic section id).
              Once xref:admin/nowhere.adoc[here]
              and once more xref:admin/nowhere.adoc[there].

              image::diagram.png[Diagram]

              image::missing.png[Missing]

              Download link:files/settings.json[the settings].
              Back to <<before-you-begin>> and <<nope>>.
              Escape: link:../../../etc/passwd[nope].
              Hand-written: link:install.html[the install page].

              [#twice]
              First.

              [#twice]
              Second.

              == Main
              A section whose automatic id is the layout's skip-link target.
            """;

    static final String GUIDE = """
            title: Guide
            audience: admin
            summary: The guide.
            order: 2
            body: |
              == Configure the app
              Text with a footnote.footnote:[The footnote.] And another.footnote:[Second footnote.]

              [[explicit-anchor]]
              An explicit anchor, and [[inline-anchor]]an inline one.

              === Errors
              error-table::signin[]

              See <<explicit-anchor>>, <<inline-anchor>>, xref:#configure-the-app[the top] and <<Configure the app>>.
              Also error:ent.signin.token_expired.app_error[] and the layout's link:#main[skip target].
              ++++
              <p><a name="raw-name"></a>Raw HTML with a name anchor.</p>
              ++++
              Jump to <<raw-name>>.

              [#été]
              Summer, linked percent-encoded as browsers send it: link:#%C3%A9t%C3%A9[summer].
            """;

    static final String START = """
            title: Start
            audience: end-user
            summary: Getting started.
            body: |
              == Welcome
              Ask your admin to read xref:admin/old-setup.adoc#before-you-begin[the old setup page].
              Or its xref:admin/old-setup.adoc#no-such-step[missing step].
              The error error:ent.signin.token_expired.app_error[] is explained in xref:admin/guide.adoc#errors[the guide].
              An image from another folder: image:../admin/diagram.png[Shared diagram].
              A near miss: xref:admin/setup.adoc#before-you-bgin[setup].
            """;

    static final String NEW_FEATURE = """
            title: New feature
            audience: admin
            summary: Only in 3.0.
            since: "3.0"
            body: |
              == What is new
              Nothing broken here.
            """;

    @BeforeAll static void build() throws Exception {
        content = tmp.resolve("content");
        write("site.yaml", """
                title: Test site
                base_url: https://docs.example.com/test/
                allow_raw_html: true
                audiences:
                  - id: admin
                    title: Admins
                  - id: end-user
                    title: End users
                versions:
                  - name: "3.0"
                  - name: "2.0"
                  - name: "1.0"
                """);
        write("errors/signin.yaml", """
                title: Sign-in errors
                errors:
                  - id: ent.signin.token_expired.app_error
                    layer: server
                    http: 401
                    scenario: Token expired
                    user_message: Please sign in again.
                    retry: once
                    fallback: none
                    cause: The token expired.
                    resolution: Sign in again.
                """);
        write("pages/admin/setup.yaml", SETUP);
        write("pages/admin/guide.yaml", GUIDE);
        write("pages/admin/new-feature.yaml", NEW_FEATURE);
        write("pages/end-user/start.yaml", START);
        Files.write(content.resolve("pages/admin/diagram.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        write("pages/admin/files/settings.json", "{}");
        builder = new SiteBuilder(AsciidocRenderer.shared(), RenderCache.memoryOnly(), new Layout(Path.of("templates")), 2);
        build = buildInto(tmp.resolve("site"));
        findings = InternalLinks.check(build);

    }

    static BuildResult buildInto(Path out) throws Exception {
        var set = ContentLoader.load(new DirectorySource(content));
        BuildResult r = builder.build(new SiteBuilder.Request(set, dev.docsite.content.ContentRoot.of(content), List.of(), null), out);
        assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), r.findings().toString());
        return r;
    }

    static void write(String rel, String text) throws IOException {
        Path f = content.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /** The 1-based line of the page file that contains {@code text} (the n-th such line). */
    static int line(String pageYaml, String text, int nth) {
        String[] lines = pageYaml.split("\n");
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text) && --nth == 0) return i + 1;
        throw new AssertionError(text);
    }

    static List<Finding> of(String rule, String file) {
        return findings.stream().filter(f -> f.rule().equals(rule) && f.pos().file().endsWith(file)).toList();
    }

    static String all() { return findings.stream().map(Finding::toText).collect(Collectors.joining("\n")); }

    @Test void xrefToPageOfANewerVersionIsBrokenOnlyInOlderVersions() {
        List<Finding> f = of(InternalLinks.MISSING_PAGE, "admin/setup.yaml").stream().filter(x -> x.message().contains("new-feature")).toList();
        assertEquals(1, f.size(), all());
        assertEquals(line(SETUP, "new-feature", 1), f.get(0).pos().line());
        assertEquals(List.of("2.0", "1.0"), f.get(0).versions());
        assertTrue(f.get(0).message().contains("since 3.0") && f.get(0).message().contains("it exists in 3.0"), f.get(0).message());
    }

    @Test void twoLinksToTheSameMissingPageAreReportedOnTheirOwnLines() {
        List<Integer> lines = of(InternalLinks.MISSING_PAGE, "admin/setup.yaml").stream().filter(x -> x.message().contains("nowhere"))
                .map(x -> x.pos().line()).sorted().toList();
        assertEquals(List.of(line(SETUP, "nowhere", 1), line(SETUP, "nowhere", 2)), lines, all());
    }

    @Test void missingAnchorsFoundWithTheirLines() {
        List<Finding> f = of(InternalLinks.MISSING_ANCHOR, "admin/setup.yaml");
        assertEquals(2, f.size(), all());
        assertEquals(line(SETUP, "no-such-section", 1), f.get(0).pos().line());
        assertEquals(List.of("3.0", "2.0", "1.0"), f.get(0).versions(), "one finding for all versions");
        assertEquals(line(SETUP, "<<nope>>", 1), f.get(1).pos().line());
    }

    @Test void asciidoctorGeneratedIdsAndCatalogRowsAreNoFalsePositives() {
        assertEquals(List.of(), findings.stream().filter(f -> f.pos().file().endsWith("admin/guide.yaml")).toList(), all());
        assertEquals(List.of(), findings.stream().filter(f -> f.pos().file().endsWith("admin/new-feature.yaml")).toList(), all());
    }

    @Test void filesBesideThePagesAreCopiedAndChecked() {
        assertTrue(Files.isRegularFile(tmp.resolve("site/1.0/admin/diagram.png")));
        assertTrue(Files.isRegularFile(tmp.resolve("site/3.0/admin/files/settings.json")));
        List<Finding> f = of(InternalLinks.MISSING_FILE, "admin/setup.yaml").stream().filter(x -> x.message().contains("missing.png")).toList();
        assertEquals(1, f.size(), all());
        assertEquals(line(SETUP, "missing.png", 1), f.get(0).pos().line());
        assertTrue(f.get(0).message().contains("content/pages/admin/missing.png"), f.get(0).message());
        assertEquals(1, of(InternalLinks.OUTSIDE_SITE, "admin/setup.yaml").size(), all());
        Finding html = of(InternalLinks.MISSING_FILE, "admin/setup.yaml").stream().filter(x -> x.message().contains("install.html")).findFirst().orElseThrow();
        assertTrue(html.message().contains("write xref:admin/install.adoc[]"), html.message());
        assertEquals(line(SETUP, "install.html", 1), html.pos().line());
        assertEquals(List.of(), of(InternalLinks.MISSING_FILE, "end-user/start.yaml"), "../admin/diagram.png resolves");
        var start = build.versions().get(0).page("end-user/start").orElseThrow();
        assertTrue(start.links().stream().anyMatch(l -> l.href().equals("../admin/diagram.png")), "the inline image is among the links checked");
    }

    @Test void duplicateIdsInTheBodyAndWithTheLayout() {
        List<Finding> f = of(InternalLinks.DUPLICATE_ID, "admin/setup.yaml");
        assertEquals(2, f.size(), all());
        Finding twice = f.stream().filter(x -> x.message().contains("'twice'")).findFirst().orElseThrow();
        assertEquals(line(SETUP, "[#twice]", 2), twice.pos().line());
        Finding main = f.stream().filter(x -> x.message().contains("'main'")).findFirst().orElseThrow();
        assertTrue(main.message().contains("layout"), main.message());
        assertEquals(line(SETUP, "== Main", 1), main.pos().line());
    }

    @Test void xrefToAnAliasIsAWarningAndItsAnchorIsChecked() {
        List<Finding> f = of(InternalLinks.ALIAS_XREF, "end-user/start.yaml");
        assertEquals(2, f.size(), all());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(line(START, "old-setup.adoc#before-you-begin", 1), f.get(0).pos().line());
        assertTrue(f.get(0).message().contains("link to xref:admin/setup.adoc#before-you-begin[] instead"), f.get(0).message());
        // The anchor is looked up on the page the alias leads to: one that exists there passes, a missing one is an error.
        List<Finding> errors = findings.stream().filter(x -> x.pos().file().endsWith("end-user/start.yaml") && x.severity() == Severity.ERROR
                && x.message().contains("no-such-step")).toList();
        assertEquals(1, errors.size(), all());
        assertEquals(InternalLinks.MISSING_ANCHOR, errors.get(0).rule());
        assertEquals(line(START, "#no-such-step", 1), errors.get(0).pos().line());
        assertTrue(errors.get(0).message().contains("'admin/setup#no-such-step'"), errors.get(0).message());
        assertEquals(List.of("3.0", "2.0", "1.0"), errors.get(0).versions());
    }

    @Test void aNearMissAnchorNamesTheAnchorItProbablyMeant() {
        List<Finding> f = findings.stream().filter(x -> x.rule().equals(InternalLinks.MISSING_ANCHOR) && x.message().contains("before-you-bgin")).toList();
        assertEquals(1, f.size(), all());
        assertTrue(f.get(0).message().endsWith("(did you mean '#before-you-begin'?)"), f.get(0).message());
        assertEquals(line(START, "before-you-bgin", 1), f.get(0).pos().line());
    }

    @Test void theHomeAndAudiencePagesVersionSwitchersAreChecked(@TempDir Path out) throws Exception {
        BuildResult r = buildInto(out.resolve("site"));
        Files.delete(out.resolve("site/1.0/index.html"));
        Files.delete(out.resolve("site/2.0/end-user/index.html"));
        List<Finding> fs = InternalLinks.check(r).stream().filter(f -> f.rule().equals(InternalLinks.VERSION_SWITCHER)).toList();
        String text = fs.stream().map(Finding::toText).collect(Collectors.joining("\n"));
        assertTrue(fs.stream().anyMatch(f -> f.pos().file().endsWith("site.yaml") && f.message().contains("1.0/index.html")), text);
        assertTrue(fs.stream().anyMatch(f -> f.pos().file().endsWith("site.yaml") && f.message().contains("2.0/end-user/index.html")), text);
    }

    @Test void nothingElseIsReported() {
        // Every finding above, and nothing more: a correct site gives no alias or switcher findings.
        assertEquals(14, findings.size(), all());
    }

    @Test void brokenAliasRedirectsAndSwitcherTargetsInTheWrittenSiteAreFound(@TempDir Path out) throws Exception {
        BuildResult r = buildInto(out.resolve("site"));
        Files.delete(out.resolve("site/3.0/admin/guide.html"));        // the 2.0 and 1.0 switchers point here
        Files.delete(out.resolve("site/1.0/admin/old-setup.html"));    // the alias redirect of 1.0
        Files.delete(out.resolve("site/2.0/admin/setup.html"));        // the target of 2.0's alias redirect (and of switchers)
        List<Finding> fs = InternalLinks.check(r);
        String text = fs.stream().map(Finding::toText).collect(Collectors.joining("\n"));
        List<Finding> switcher = fs.stream().filter(f -> f.rule().equals(InternalLinks.VERSION_SWITCHER)).toList();
        assertTrue(switcher.stream().anyMatch(f -> f.pos().file().endsWith("admin/guide.yaml") && f.message().contains("3.0/admin/guide.html")
                && f.versions().containsAll(List.of("2.0", "1.0"))), text);
        assertTrue(switcher.stream().anyMatch(f -> f.pos().file().endsWith("admin/setup.yaml") && f.message().contains("2.0/admin/setup.html")), text);
        List<Finding> alias = fs.stream().filter(f -> f.rule().equals(InternalLinks.ALIAS_REDIRECT)).toList();
        assertEquals(2, alias.size(), text);
        int aliasLine = line(SETUP, "admin/old-setup", 1);
        assertTrue(alias.stream().allMatch(f -> f.pos().line() == aliasLine), text);
        assertTrue(alias.stream().anyMatch(f -> f.versions().equals(List.of("1.0")) && f.message().contains("no redirect page")), text);
        assertTrue(alias.stream().anyMatch(f -> f.versions().equals(List.of("2.0")) && f.message().contains("redirects to 'setup.html'")), text);
    }
}
