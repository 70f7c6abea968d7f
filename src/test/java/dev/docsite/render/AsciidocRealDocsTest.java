package dev.docsite.render;

import dev.docsite.Fixture;
import dev.docsite.report.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repros of issue 18 (documentation brought from an Antora site): includes with tags and lines,
 * checks that read code as markup, xrefs without text, document and site attributes, nested index ids
 * and xrefs through aliases. Each builds a real content folder as `docsite check` does.
 */
class AsciidocRealDocsTest {
    @TempDir Path dir;

    static final String SITE = """
            title: Real docs
            base_url: https://docs.example.com/real/
            audiences:
              - id: admin
                title: Admins
            versions:
              - name: "1.0"
            """;

    static final String TAGGED = """
            intro line
            // tag::a[]
            Region A.
            // end::a[]
            // tag::b[]
            Region B.
            // end::b[]
            outro line
            """;

    private Path content() throws Exception {
        Path c = dir.resolve("content");
        Fixture.write(c, "site.yaml", SITE);
        return c;
    }

    private static String page(String title, String body) {
        return "title: " + title + "\naudience: admin\nsummary: A page.\nbody: |\n" + body.stripTrailing().indent(2);
    }

    private Document written(String page) throws Exception {
        return Jsoup.parse(Files.readString(dir.resolve("site/1.0/" + page + ".html")));
    }

    private List<Finding> check(Path c) throws Exception { return Fixture.check(c, dir.resolve("site")); }

    // ---- includes ----------------------------------------------------------------------------------

    @Test void includeWithTagShowsOnlyThatRegion() throws Exception {
        Path c = content();
        Fixture.write(c, "snippets/tagged.adoc", TAGGED);
        Fixture.write(c, "pages/admin/inc.yaml", page("Inc", "include::../../snippets/tagged.adoc[tag=a]"));
        Fixture.assertNoFindings(check(c));
        String text = written("admin/inc").select("main").text();
        assertTrue(text.contains("Region A."), text);
        assertFalse(text.contains("Region B."), text);
        assertFalse(text.contains("intro line"), text);
    }

    @Test void tagsListsWildcardsNegationAndLineRanges() throws Exception {
        Path c = content();
        Fixture.write(c, "snippets/tagged.adoc", TAGGED);
        Fixture.write(c, "pages/admin/inc.yaml", page("Inc", """
                [#t1]
                == Both
                include::../../snippets/tagged.adoc[tags=a;b]

                [#t2]
                == Not b
                include::../../snippets/tagged.adoc[tags=**;!b]

                [#t3]
                == Untagged only
                include::../../snippets/tagged.adoc[tags=!*]

                [#t4]
                == Lines
                include::../../snippets/tagged.adoc[lines="1;3..3;8"]

                [#t5]
                == Lines to the end
                include::../../snippets/tagged.adoc[lines=6..-1]
                """));
        Fixture.assertNoFindings(check(c));
        Document d = written("admin/inc");
        assertEquals("Both Region A. Region B.", d.selectFirst("#t1").parent().text());
        assertEquals("Not b intro line Region A. outro line", d.selectFirst("#t2").parent().text());
        assertEquals("Untagged only intro line outro line", d.selectFirst("#t3").parent().text());
        assertEquals("Lines intro line Region A. outro line", d.selectFirst("#t4").parent().text());
        assertEquals("Lines to the end Region B. outro line", d.selectFirst("#t5").parent().text());
    }

    @Test void aMissingTagIsReportedAtTheIncludeLineAsAsciidoctorSaysIt() throws Exception {
        Path c = content();
        Fixture.write(c, "snippets/tagged.adoc", TAGGED);
        Path p = Fixture.write(c, "pages/admin/inc.yaml", page("Inc", "Text.\n\ninclude::../../snippets/tagged.adoc[tag=nope]"));
        String out = Fixture.text(check(c));
        assertTrue(out.contains(Fixture.at(p, "tag=nope") + ": warning asciidoc/warning: tag 'nope' not found in include file: snippets/tagged.adoc"), out);
    }

    /** Tag mistakes in the included file are reported at its own lines, in Asciidoctor's words. */
    @Test void unclosedAndUnexpectedTagsAreReportedInTheIncludedFile() throws Exception {
        Path c = content();
        Path inc = Fixture.write(c, "snippets/broken.adoc", "// tag::a[]\nA.\n// end::b[]\n// end::a[]\n// tag::b[]\nB.\n");
        Fixture.write(c, "pages/admin/inc.yaml", page("Inc", "include::../../snippets/broken.adoc[tags=a;b]"));
        String out = Fixture.text(check(c));
        String file = inc.toAbsolutePath().normalize().toString();
        assertTrue(out.contains(file + ":3: warning asciidoc/warning: unexpected end tag 'b' at line 3 of include file: snippets/broken.adoc"), out);
        assertTrue(out.contains(file + ":5: warning asciidoc/warning: detected unclosed tag 'b' starting at line 5 of include file: snippets/broken.adoc"), out);
    }

    @Test void aProblemInsideAnIncludedFileIsReportedAtThatFilesOwnLine() throws Exception {
        Path c = content();
        StringBuilder longFile = new StringBuilder();
        for (int i = 1; i <= 39; i++) longFile.append("Line ").append(i).append(".\n");
        longFile.append("----\nan unterminated listing\n");
        Path inc = Fixture.write(c, "snippets/long.adoc", longFile.toString());
        String at = inc.toAbsolutePath().normalize() + ":40: warning asciidoc/warning: unterminated listing block";
        // Only some lines pushed: Asciidoctor counts on from the first one; docsite maps back to the file's lines.
        Fixture.write(c, "pages/admin/part.yaml", page("Part", "First.\n\ninclude::../../snippets/long.adoc[lines=2;30..-1]\n"));
        String out = Fixture.text(check(c));
        assertEquals(1, out.lines().filter(l -> l.startsWith(at)).count(), out);
        Files.delete(c.resolve("pages/admin/part.yaml"));
        Fixture.write(c, "pages/admin/whole.yaml", page("Whole", "First.\n\ninclude::../../snippets/long.adoc[]\n"));
        out = Fixture.text(check(c));
        assertEquals(1, out.lines().filter(l -> l.startsWith(at)).count(), out);
    }

    @Test void includesOfNestedIncludesResolveFromTheIncludingFileAndStayInsideTheContent() throws Exception {
        Path c = content();
        Fixture.write(c, "snippets/outer.adoc", "Outer.\n\ninclude::inner/inner.adoc[leveloffset=+1]\n");
        Fixture.write(c, "snippets/inner/inner.adoc", "= Inner title\n\nInner.\n");
        Fixture.write(c, "snippets/latin1.adoc", "");
        Files.write(c.resolve("snippets/latin1.adoc"), "Caf\u00e9 cr\u00e8me.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Fixture.write(c, "snippets/indented.adoc", "        deep\n          deeper\n");
        Path p = Fixture.write(c, "pages/admin/nest.yaml", page("Nest", """
                include::../../snippets/outer.adoc[]

                include::../../snippets/latin1.adoc[encoding=iso-8859-1]

                ----
                include::../../snippets/indented.adoc[indent=2]
                ----

                include::../../../outside.adoc[]
                """));
        String out = Fixture.text(check(c));
        assertTrue(out.contains(Fixture.at(p, "outside.adoc") + ": error security/outside-content"), out);
        Document d = written("admin/nest");
        assertEquals("Inner title", d.selectFirst("h2#inner-title").text());
        assertTrue(d.text().contains("Café crème."), d.text());
        assertEquals("  deep\n    deeper", d.selectFirst("main pre").wholeText());
    }

    /** A version built from a git ref reads its includes and embedded images from that ref, and names them so. */
    @Test void aVersionFromAGitRefIncludesAndEmbedsFromTheRef() throws Exception {
        Path c = content();
        Fixture.write(c, "site.yaml", SITE.replace("  - name: \"1.0\"\n", "  - name: \"2.0\"\n  - name: \"1.0\"\n    ref: v1\n"));
        Fixture.write(c, "snippets/tagged.adoc", TAGGED);
        Files.createDirectories(c.resolve("pages/admin"));
        Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{1});
        Fixture.write(c, "pages/admin/inc.yaml", page("Inc", ":data-uri:\n\ninclude::../../snippets/tagged.adoc[tags=b;missing]\n\nimage::diagram.png[D]"));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("content").call();
            git.commit().setMessage("v1").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
            git.tag().setName("v1").setAnnotated(false).call();
            Fixture.write(c, "snippets/tagged.adoc", TAGGED.replace("Region B.", "Region B, version two."));
            Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{2});
            Fixture.Run run = Fixture.main("check", "--content", c.toString(), "--templates", Fixture.TEMPLATES.toString(), "--no-cache",
                    "--out", dir.resolve("site").toString());
            assertEquals(2, run.out().lines().filter(l -> l.contains("pages/admin/inc.yaml:7: warning asciidoc/warning: tag 'missing' not found in include file: snippets/tagged.adoc [version ")).count(),
                    run.out() + run.err());
            Document v1 = Jsoup.parse(Files.readString(dir.resolve("site/1.0/admin/inc.html")));
            Document v2 = Jsoup.parse(Files.readString(dir.resolve("site/2.0/admin/inc.html")));
            assertTrue(v1.text().contains("Region B.") && !v1.text().contains("Region A."), v1.text());
            assertTrue(v2.text().contains("Region B, version two."), v2.text());
            assertEquals("data:image/png;base64,AQ==", v1.selectFirst("article.doc img").attr("src"));
            assertEquals("data:image/png;base64,Ag==", v2.selectFirst("article.doc img").attr("src"));
        }
    }

    /** A symbolic link that points out of the content folder is never read: not as an include, not as an embedded image. */
    @Test void symbolicLinksOutOfTheContentAreNotRead() throws Exception {
        Path c = content();
        Path secret = Fixture.write(dir, "secret.txt", "TOP SECRET");
        Files.createDirectories(c.resolve("pages/admin"));
        Files.createSymbolicLink(c.resolve("pages/admin/leak.png"), secret);
        Files.createSymbolicLink(c.resolve("pages/admin/leak.adoc"), secret);
        Path p = Fixture.write(c, "pages/admin/img.yaml", page("Img", ":data-uri:\n\nimage::leak.png[Leak]\n\ninclude::leak.adoc[]"));
        String out = Fixture.text(check(c));
        String html = Files.readString(dir.resolve("site/1.0/admin/img.html"));
        String encoded = java.util.Base64.getEncoder().encodeToString("TOP SECRET".getBytes());
        assertFalse(html.contains("TOP SECRET") || html.contains(encoded), html);
        assertFalse(Files.exists(dir.resolve("site/1.0/admin/leak.png")));
        // Refused where they are (security/outside-content), once each, and never published.
        assertTrue(out.contains(c.toAbsolutePath().normalize().resolve("pages/admin/leak.png") + ":1: error security/outside-content"), out);
        assertTrue(out.contains(c.toAbsolutePath().normalize().resolve("pages/admin/leak.adoc") + ":1: error security/outside-content"), out);
    }

    // ---- checks read the document, not code --------------------------------------------------------

    @Test void codeShownOnAPageIsNeverALinkOrAnId() throws Exception {
        Path c = content();
        Fixture.write(c, "pages/admin/code.yaml", page("Code", """
                == Header

                Inline `<div id="header">` code, and `<a href="#nowhere">`.

                [source,html]
                ----
                <link href="basejump.css">
                <a href="#nowhere">x</a>
                <img src="missing.png">
                ----

                ....
                <a href="other.html#gone">literal</a>
                ....

                [source,asciidoc]
                ----
                [#header]
                == Header
                See xref:admin/nowhere.adoc[] and <<nowhere>>.
                image::missing.png[Missing]
                ----

                [source,css]
                ----
                @import url("base.css");
                #header { background: url(missing.png); }
                ----

                Inline pass:c[<a href="#nowhere">] shown literally and `+<img src="gone.png">+` too.
                """));
        Fixture.assertNoFindings(check(c));
    }

    // ---- xref text and link code -------------------------------------------------------------------

    @Test void xrefsWithoutTextShowTheTargetsTitleAsAntoraDoes() throws Exception {
        Path c = content();
        Fixture.write(c, "pages/admin/other.yaml", page("Other page", "== First section\n\nText.\n\n=== A deeper one\n\nMore."));
        Fixture.write(c, "pages/admin/from.yaml", page("From", """
                See xref:admin/other.adoc[]. And xref:admin/other.adoc#first-section[]. And <<admin/other.adoc#a-deeper-one>>.
                And xref:admin/other.adoc[its own text].
                """));
        Fixture.assertNoFindings(check(c));
        Document d = written("admin/from");
        List<String> texts = d.select("article.doc a[href^=other.html]").eachText();
        assertEquals(List.of("Other page", "First section", "A deeper one", "its own text"), texts);
        assertFalse(Files.readString(dir.resolve("site/1.0/admin/from.html")).contains(Links.MARKER));
    }

    @Test void linkCodeLeftOnAPageIsAFinding() throws Exception {
        Path c = content();
        Path p = Fixture.write(c, "pages/admin/leak.yaml", page("Leak", "Text.\n\nShown *docsite:xref:admin/leak.html* here."));
        String out = Fixture.text(check(c));
        assertTrue(out.contains(Fixture.at(p, "*docsite:xref:") + ": error link/internal-scheme"), out);
    }

    // ---- attributes --------------------------------------------------------------------------------

    @Test void docnameDocfileAndDocdirAreThePagesPlaceInTheContent() throws Exception {
        Path c = content();
        Fixture.write(c, "pages/admin/attrs.yaml", page("Attrs", "[#v]\nname={docname} file={docfile} dir={docdir}"));
        Fixture.assertNoFindings(check(c));
        assertEquals("name=attrs file=pages/admin/attrs.yaml dir=pages/admin", written("admin/attrs").selectFirst("#v").text());
    }

    @Test void dataUriEmbedsImagesFromThePagesFolderWhateverTheWorkingFolder() throws Exception {
        Path c = content();
        Files.createDirectories(c.resolve("pages/admin"));
        Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{1, 2, 3});
        Path p = Fixture.write(c, "pages/admin/img.yaml", page("Img", ":data-uri:\n\nimage::diagram.png[Diagram]\n\nInline image:diagram.png[d].\n\nimage::absent.png[Absent]"));
        String out = Fixture.text(check(c));
        assertEquals(List.of("data:image/png;base64,AQID", "data:image/png;base64,AQID", "absent.png"), written("admin/img").select("main img").eachAttr("src"));
        assertTrue(out.contains(Fixture.at(p, "image::absent.png") + ": warning asciidoc/warning: image to embed not found or not readable: "), out);
    }

    @Test void siteAttributesFollowAntorasHardAndSoftRulesWithAVersionOverride() throws Exception {
        Path c = content();
        Fixture.write(c, "site.yaml", SITE.replace("versions:\n  - name: \"1.0\"\n", """
                attributes:
                  product: Mattermost
                  soft: site value@
                  hard: site value
                  gone: false
                  softgone: false@
                versions:
                  - name: "1.0"
                    attributes:
                      product: Mattermost Mobile
                """));
        Fixture.write(c, "pages/admin/attrs.yaml", page("Attrs", """
                :soft: page value
                :hard: page value
                :softgone: page value

                [#v]
                product={product} soft={soft} hard={hard} softgone={softgone}

                ifdef::gone[]
                gone is set
                endif::[]
                """));
        Fixture.assertNoFindings(check(c));
        Document d = written("admin/attrs");
        assertEquals("product=Mattermost Mobile soft=page value hard=site value softgone=page value", d.selectFirst("#v").text());
        assertFalse(d.text().contains("gone is set"));
    }

    @Test void aSiteAttributeChangeRendersThePagesAgain() throws Exception {
        Path c = content();
        Fixture.write(c, "site.yaml", SITE + "attributes:\n  product: Old name\n");
        Fixture.write(c, "pages/admin/attrs.yaml", page("Attrs", "[#v]\nproduct={product}"));
        dev.docsite.TestSite t = new dev.docsite.TestSite(dir);
        assertEquals(0, t.run("build").exit());
        assertEquals("product=Old name", Jsoup.parse(t.read("1.0/admin/attrs.html")).selectFirst("#v").text());
        Fixture.write(c, "site.yaml", SITE + "attributes:\n  product: New name\n");
        assertEquals(0, t.run("build").exit());
        assertEquals("product=New name", Jsoup.parse(t.read("1.0/admin/attrs.html")).selectFirst("#v").text());
    }

    /** Antora sites keep shared attributes in a file every page includes; data-uri set there works too. */
    @Test void dataUriSetInASharedAttributesFileEmbedsToo() throws Exception {
        Path c = content();
        Files.createDirectories(c.resolve("pages/admin"));
        Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{1, 2, 3});
        Fixture.write(c, "partials/attributes.adoc", ":data-uri:\n:product: Mattermost\n");
        Fixture.write(c, "pages/admin/img.yaml", page("Img", "include::../../partials/attributes.adoc[]\n\n{product}\n\nimage::diagram.png[D]"));
        Fixture.assertNoFindings(check(c));
        assertEquals("data:image/png;base64,AQID", written("admin/img").selectFirst("article.doc img").attr("src"));
    }

    @Test void anEmbeddedImageThatChangesRendersThePageAgain() throws Exception {
        Path c = content();
        Files.createDirectories(c.resolve("pages/admin"));
        Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{1});
        Fixture.write(c, "pages/admin/img.yaml", page("Img", ":data-uri:\n\nimage::diagram.png[D]"));
        dev.docsite.TestSite t = new dev.docsite.TestSite(dir);
        assertEquals(0, t.run("build").exit());
        assertEquals("data:image/png;base64,AQ==", Jsoup.parse(t.read("1.0/admin/img.html")).selectFirst("article.doc img").attr("src"));
        Files.write(c.resolve("pages/admin/diagram.png"), new byte[]{2});
        assertEquals(0, t.run("build").exit());
        assertEquals("data:image/png;base64,Ag==", Jsoup.parse(t.read("1.0/admin/img.html")).selectFirst("article.doc img").attr("src"));
    }

    // ---- ids and aliases ---------------------------------------------------------------------------

    @Test void nestedIndexIdsAreAllowedButLandingPagesStayReserved() throws Exception {
        Path c = content();
        Fixture.write(c, "pages/admin/sso/index.yaml", page("SSO overview", "Overview."));
        Fixture.write(c, "pages/admin/other.yaml", "aliases: [admin/index]\n" + page("Other", "See xref:admin/sso/index.adoc[]."));
        Fixture.Run run = Fixture.main("check", "--content", c.toString(), "--templates", Fixture.TEMPLATES.toString(), "--no-cache");
        assertTrue(run.out().contains("alias 'admin/index' is reserved"), run.out() + run.err());
        assertFalse(run.out().contains("page id 'admin/sso/index' is reserved"), run.out());
        Fixture.write(c, "pages/admin/other.yaml", page("Other", "See xref:admin/sso/index.adoc[]."));
        Fixture.assertNoFindings(check(c));
        assertEquals("SSO overview", written("admin/other").selectFirst("article.doc a[href=sso/index.html]").text());
    }

    @Test void anXrefThroughAnAliasGoesToThePageAndKeepsItsFragment() throws Exception {
        Path c = content();
        Fixture.write(c, "pages/admin/new.yaml", "aliases: [admin/old]\n" + page("New", "== Part two\n\nText."));
        Path p = Fixture.write(c, "pages/admin/from.yaml", page("From", "See xref:admin/old.adoc#part-two[part two]."));
        String out = Fixture.text(check(c));
        assertTrue(out.contains(Fixture.at(p, "xref:admin/old.adoc") + ": warning link/alias-xref"), out);
        assertEquals("new.html#part-two", written("admin/from").selectFirst("main a[href*=part-two]").attr("href"));
    }
}
