package dev.docsite.content;

import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where in a page body something was written: the line numbers findings point at (1-based body lines). */
class BodyLinesTest {
    @TempDir Path dir;

    private BodyLines lines(String body) throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "pages/admin/lines.yaml", "title: Lines\naudience: admin\nsummary: Lines.\nbody: |\n" + body.indent(2));
        return new BodyLines(ContentLoader.load(new DirectorySource(c)).page("admin/lines").orElseThrow());
    }

    @Test void aPhraseIsFoundByItsWordsWhereverItIsWrappedOrMarkedUp() throws Exception {
        BodyLines b = lines("""
                Intro text.
                The app says *Your session
                has expired*. Please sign in again.
                Don\u2019t panic.
                ----
                Inside a listing: the end words
                ----
                It ends with the last words""");
        assertEquals(2, b.lineOfPhrase("Your session has expired."));
        assertEquals(3, b.lineOfPhrase("please SIGN in"));
        assertEquals(4, b.lineOfPhrase("Don't panic"), "curly and straight apostrophes are the same");
        assertEquals(8, b.lineOfPhrase("the last words"), "a phrase that ends the body");
        assertEquals(8, b.lineOfPhrase("It ends with the last words"));
        assertEquals(2, b.lineOfPhrase("The app says something {attribute} made"), "the first three words when the rest differs");
        assertEquals(0, b.lineOfPhrase("Not in the body at all"));
        assertEquals(0, b.lineOfPhrase("...!"), "no words");
        assertEquals(0, b.lineOfPhrase("words beyond the end of the body"));
    }

    @Test void linesStartingWithContainingAndInTables() throws Exception {
        BodyLines b = lines("""
                error-table::a[]
                ----
                error-table::b[]
                ----
                error-table::c[]
                |===
                |x |id.one
                |===
                Text naming id.one.
                |===
                |y |id.one
                |===""");
        assertEquals(1, b.lineStartingWith("error-table::", 0));
        assertEquals(5, b.lineStartingWith("error-table::", 1), "not the one in the listing");
        assertEquals(1, b.lineStartingWith("error-table::", 5), "the first when there are not that many");
        assertEquals(0, b.lineStartingWith("nothing", 0));
        assertEquals(7, b.lineInTable("id.one", 0));
        assertEquals(11, b.lineInTable("id.one", 1));
        assertEquals(7, b.lineInTable("id.one", 2));
        assertEquals(9, b.lineInTable("Text naming", 0), "outside tables when no table has it");
        assertEquals(3, b.lineContaining("error-table::b"));
        assertEquals(0, b.lineContaining("absent"));
    }

    @Test void macrosAreFoundInTurnAndIdsByAnchorOrHeading() throws Exception {
        BodyLines b = lines("""
                See error:x[] here.
                [#setup]
                == Setup
                And error:x[] again.
                == Other Part
                [[setup]]
                """);
        assertEquals(1, b.lineOfMacro("error:x[", 1));
        assertEquals(4, b.lineOfMacro("error:x[", 1), "the next use");
        assertEquals(1, b.lineOfMacro("error:x[", 1), "then from the start again");
        assertEquals(1, b.lastLineOfMacro("error:x[", 99));
        assertEquals(99, b.lastLineOfMacro("error:y[", 99));
        assertEquals(7, b.lineOfMacro("error:none[", 7), "not written: where asked");
        assertEquals(2, b.lineOfId("setup", false));
        assertEquals(6, b.lineOfId("setup", true));
        assertEquals(5, b.lineOfId("other-part", false), "a heading's automatic id");
        assertEquals(1, b.lineOfId("nowhere", false));
    }
}
