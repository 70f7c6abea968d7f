package dev.docsite.site;

import dev.docsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild takes the pages whose layout key is unchanged from the published site instead of laying them out
 * again, and after every kind of change the site equals a clean build byte for byte: a body, a title (every
 * page's navigation), a heading shown by an xref without text, an included file, site.yaml, the templates.
 */
class LayoutReuseTest {
    @TempDir Path tmp;

    @Test void unchangedPagesComeFromThePublishedSiteAndEveryRebuildEqualsACleanOne() throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("pages/admin/target.yaml", "title: Target\naudience: admin\nsummary: Has a section.\nbody: |\n  [#steps]\n  == Old steps\n\n  Text.\n");
        t.write("pages/admin/pointer.yaml", "title: Pointer\naudience: admin\nsummary: Points at it.\nbody: |\n  Read xref:admin/target.adoc#steps[].\n");
        t.write("snippets/note.adoc", "Old snippet text.");
        t.write("pages/admin/shared.yaml", "title: Shared\naudience: admin\nsummary: Includes a snippet.\nbody: |\n  include::../../snippets/note.adoc[]\n");
        Path templates = tmp.resolve("templates");
        PublishTest.copy(Path.of("templates"), templates);
        build(t, templates);

        // Bytes changed behind docsite's back, size and time kept: only a page taken without a layout keeps them.
        Path why = t.out.resolve("2.0/decision-maker/why.html");
        String original = Files.readString(why);
        FileTime time = Files.getLastModifiedTime(why);
        Files.writeString(why, original.replace("<title>", "<titlf>"));
        Files.setLastModifiedTime(why, time);
        edit(t, "pages/end-user/start.yaml", "sign in again", "sign in once more");
        build(t, templates);
        assertTrue(Files.readString(why).contains("<titlf>"), "an unchanged page is taken from the published site");

        // Its time moved: laid out again.
        Files.setLastModifiedTime(why, FileTime.fromMillis(time.toMillis() - 60_000));
        edit(t, "pages/end-user/start.yaml", "once more", "twice");
        build(t, templates);
        assertEquals(original, Files.readString(why), "a published file that is not as the last build left it is laid out again");
        assertEqualsClean(t, templates);

        rebuildAfter(t, templates, "pages/admin/setup.yaml", "title: Set up", "title: Set it up",
                "2.0/admin/troubleshoot.html", "Set it up", "the navigation of the audience's pages shows the new title");
        rebuildAfter(t, templates, "pages/admin/target.yaml", "Old steps", "New steps",
                "2.0/admin/pointer.html", "New steps", "an xref without text shows the new heading");
        rebuildAfter(t, templates, "snippets/note.adoc", "Old snippet", "New snippet",
                "2.0/admin/shared.html", "New snippet text.", "a page whose included file changed is laid out again");

        edit(t, "site.yaml", "title: Users", "title: Readers");
        build(t, templates);
        assertEqualsClean(t, templates);

        Path page = templates.resolve("page.ftlh");
        Files.writeString(page, Files.readString(page).replace("</body>", "<!-- changed --></body>"));
        build(t, templates);
        assertTrue(t.read("2.0/decision-maker/why.html").contains("<!-- changed -->"));
        assertEqualsClean(t, templates);
    }

    /** Edits {@code rel}, rebuilds, and requires {@code page} to show {@code shows} and the site to equal a clean build. */
    private void rebuildAfter(TestSite t, Path templates, String rel, String from, String to, String page, String shows, String why) throws Exception {
        edit(t, rel, from, to);
        build(t, templates);
        assertTrue(t.read(page).contains(shows), why);
        assertEqualsClean(t, templates);
    }

    private static void edit(TestSite t, String rel, String from, String to) throws Exception {
        String text = Files.readString(t.content.resolve(rel));
        assertTrue(text.contains(from), rel + " holds " + from);
        t.write(rel, text.replace(from, to));
    }

    private static void build(TestSite t, Path templates) {
        TestSite.Run r = PublishTest.run(t, templates);
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("nothing changed"), r.out());
    }

    private void assertEqualsClean(TestSite t, Path templates) {
        Path clean = tmp.resolve("clean");
        StringWriter err = new StringWriter();
        assertEquals(0, dev.docsite.cli.Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "build", "--content", t.content.toString(), "--out", clean.toString(), "--templates", templates.toString(), "--no-cache"), err.toString());
        assertEquals(TestSite.snapshot(clean), TestSite.snapshot(t.out));
    }
}
