package dev.docsite.render;

import dev.docsite.Fixture;
import dev.docsite.render.RenderedPage;
import dev.docsite.report.Finding;
import dev.docsite.site.BuildResult;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fidelity suite: every fixture under src/test/resources/fidelity/ (tables, callouts, admonitions,
 * lists, includes with tags and lines, conditionals, footnotes, attributes and counters, xrefs, images,
 * passthroughs) is rendered by docsite and by a plain AsciidoctorJ conversion of the same source with the
 * same attributes, reading the same files from disk. The body HTML must be the same, apart from docsite's
 * documented link rewriting: xrefs to other pages become URLs relative to the page, and an xref written
 * without text shows the target's title (plain Asciidoctor shows the target's path).
 */
public class AsciidocFidelityTest {
    static final Path FIXTURES = Path.of("src/test/resources/fidelity");
    /** The passthrough fixture is kept apart: a raw-HTML policy may require an allow switch for it. */
    static final String PASSTHROUGH = "passthrough";

    public static final String SITE = """
            title: Fidelity
            base_url: https://docs.example.com/fidelity/
            audiences:
              - id: admin
                title: Admins
            attributes:
              product: Mattermost
              counter-start: "2"
              tagline: Site tagline@
            allow_raw_html: true      # the passthrough fixture shows raw HTML on purpose
            versions:
              - name: "1.0"
            """;
    /** The same site attributes as Asciidoctor's API takes them ('@': soft). */
    static final Map<String, Object> SITE_ATTRIBUTES = Map.of("product", "Mattermost", "counter-start", "2", "tagline", "Site tagline@");

    @TempDir static Path dir;
    static Asciidoctor plain;
    static BuildResult build;

    @BeforeAll static void buildBoth() throws Exception {
        Path content = dir.resolve("content");
        Fixture.write(content, "site.yaml", SITE);
        writeFixtures(content);
        build = Fixture.build(content, dir.resolve("site"));
        // docsite's JRuby starts without RubyGems, for the whole process, so the plain one finds the gems the same way.
        plain = org.asciidoctor.jruby.AsciidoctorJRuby.Factory.create(AsciidocRenderer.bundledGemLibs());
    }

    @AfterAll static void close() { if (plain != null) plain.shutdown(); }

    /** Fixture pages under pages/admin/fidelity/, partials under partials/, images beside the pages. */
    public static List<String> writeFixtures(Path content) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(FIXTURES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".adoc", "");
                names.add(name);
                String body = Files.readString(f);
                Fixture.write(content, "pages/admin/fidelity/" + name + ".yaml", "title: Fidelity " + name + "\naudience: admin\nsummary: The "
                        + name + " fixture.\nbody: |\n" + body.indent(2));
            }
        }
        try (Stream<Path> s = Files.list(FIXTURES.resolve("partials"))) {
            for (Path f : s.toList()) Fixture.write(content, "partials/" + f.getFileName(), Files.readString(f));
        }
        Files.createDirectories(content.resolve("pages/admin/fidelity/sub"));
        Files.write(content.resolve("pages/admin/fidelity/diagram.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.write(content.resolve("pages/admin/fidelity/sub/logo.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 4, 5, 6});
        return names;
    }

    static String docsiteBody(String name) {
        for (RenderedPage p : build.versions().get(0).pages())
            if (p.page().id().equals("admin/fidelity/" + name)) return p.html();
        throw new AssertionError("no page for fixture " + name);
    }

    /** The same source converted by Asciidoctor alone, from a file at the same place, reading includes and images itself. */
    static String plainBody(String name) throws IOException {
        Path pageDir = dir.resolve("content/pages/admin/fidelity");
        Attributes attrs = Attributes.builder().build();
        SITE_ATTRIBUTES.forEach(attrs::setAttribute);
        attrs.setAttribute("docsite-version", "1.0");
        attrs.setAttribute("idprefix", "");
        attrs.setAttribute("idseparator", "-");
        attrs.setAttribute("sectanchors", "");
        attrs.setAttribute("attribute-missing", "warn");
        attrs.setAttribute("relfileprefix", "");
        attrs.setAttribute("relfilesuffix", ".html");
        attrs.setAttribute("docsite-page", "admin/fidelity/" + name);
        attrs.setAttribute("docname", name);
        attrs.setAttribute("docfile", "pages/admin/fidelity/" + name + ".yaml");
        attrs.setAttribute("docfilesuffix", ".yaml");
        Options o = Options.builder().safe(SafeMode.UNSAFE).standalone(false).sourcemap(true).baseDir(pageDir.toFile()).attributes(attrs).build();
        return plain.convert(Files.readString(FIXTURES.resolve(name + ".adoc")), o);
    }

    /**
     * Both bodies with docsite's documented link rewriting undone: plain xrefs to other pages get the same
     * relative URL, and the text of xrefs written without text is left out of the comparison.
     */
    static String[] normalized(String name) throws IOException {
        Document d = Jsoup.parseBodyFragment(docsiteBody(name)), p = Jsoup.parseBodyFragment(plainBody(name));
        List<Element> da = d.select("a"), pa = p.select("a");
        assertEquals(pa.size(), da.size(), name + ": number of links");
        for (int i = 0; i < pa.size(); i++) {
            Element pl = pa.get(i), dl = da.get(i);
            String href = pl.attr("href");
            if (href.matches("admin/.*\\.html(#.*)?")) {
                String path = href.replaceFirst("#.*", "");
                if (pl.text().equals(path)) {   // written without text: docsite shows the target's title
                    pl.text("(xref text)");
                    dl.text("(xref text)");
                }
                pl.attr("href", Links.relative("admin/fidelity/" + name + ".html", path) + href.substring(path.length()));
            }
        }
        d.outputSettings().prettyPrint(false);
        p.outputSettings().prettyPrint(false);
        return new String[]{d.body().html(), p.body().html()};
    }

    static List<String> fixtureNames() throws IOException {
        try (Stream<Path> s = Files.list(FIXTURES)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".adoc")).map(n -> n.replace(".adoc", "")).sorted().toList();
        }
    }

    @Test void everyFixtureRendersAsPlainAsciidoctorDoes() throws IOException {
        Map<String, String> differ = new LinkedHashMap<>();
        for (String name : fixtureNames()) {
            if (name.equals(PASSTHROUGH)) continue;
            String[] both = normalized(name);
            if (!both[0].equals(both[1])) differ.put(name, "docsite:\n" + both[0] + "\nplain:\n" + both[1]);
        }
        assertTrue(differ.isEmpty(), "fixtures that differ: " + differ.keySet() + "\n" + String.join("\n\n", differ.values()));
    }

    @Test void passthroughsRenderAsPlainAsciidoctorDoes() throws IOException {
        String[] both = normalized(PASSTHROUGH);
        assertEquals(both[1], both[0]);
        assertTrue(both[0].contains("<div class=\"custom-block\">"), both[0]);
    }

    @Test void theFixturesProduceNoFindings() {
        List<Finding> mine = build.findings().stream().filter(f -> f.pos().file().contains("fidelity")).toList();
        assertTrue(mine.isEmpty(), Fixture.text(mine));
    }

    @Test void xrefsWithoutTextShowTitlesAndTheIncludesSelectedWhatAsciidoctorSelected() {
        Document d = Jsoup.parseBodyFragment(docsiteBody("xrefs"));
        List<String> texts = d.select("a[href^=xref-target.html]").eachText();
        assertEquals(List.of("Fidelity xref-target", "with text", "Target section", "shorthand with text"), texts);
        String includes = Jsoup.parseBodyFragment(docsiteBody("includes")).text();
        assertTrue(includes.contains("Region C, inside B."), includes);
        assertFalse(docsiteBody("images").contains("src=\"diagram.png\""), "data-uri embeds the image");
    }

    /** The default documentation with the fixtures added: check finds nothing. */
    @Test void theDefaultContentWithTheFixturesChecksClean(@TempDir Path other) throws Exception {
        Path content = other.resolve("content");
        Path source = Path.of("content");
        try (Stream<Path> s = Files.walk(source)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path to = content.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        String site = Files.readString(content.resolve("site.yaml"));
        Files.writeString(content.resolve("site.yaml"), site + "attributes:\n  product: Mattermost\n  counter-start: \"2\"\n  tagline: Site tagline@\n"
                + "allow_raw_html: true\n");
        writeFixtures(content);
        // The conditionals fixture compares with the fidelity site's version; here it must name a version of the default content.
        Path conditionals = content.resolve("pages/admin/fidelity/conditionals.yaml");
        Files.writeString(conditionals, Files.readString(conditionals).replace("== \"1.0\"", "== \"11.3\""));
        List<Finding> findings = Fixture.check(content, other.resolve("site"));
        Fixture.assertNoFindings(findings);
    }
}
