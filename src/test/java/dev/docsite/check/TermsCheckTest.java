package dev.docsite.check;

import dev.docsite.Fixture;
import dev.docsite.cli.Main;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.DirectorySource;
import dev.docsite.report.Finding;
import dev.docsite.rules.StyleRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml's word list: each avoided term in reader text is one style/term warning at its file and line. */
class TermsCheckTest {
    @TempDir Path dir;

    static final String TERMS = """
            terms:
              - avoid: upstream
                reason: Name the source instead.
              - avoid: [Sign In, Log In]
                match_case: true
                use: sign in
                reason: One spelling.
            """;

    private Path content() throws Exception {
        Path c = Fixture.clean(dir);
        Fixture.write(c, "site.yaml", Fixture.SITE + TERMS);
        return c;
    }

    private List<Finding> check(Path c) throws Exception { return TermsCheck.check(ContentLoader.load(new DirectorySource(c))); }

    @Test void theCleanFixturePasses() throws Exception {
        assertEquals(List.of(), check(content()));
    }

    @Test void eachAvoidedTermIsReportedAtItsLine() throws Exception {
        Path c = content();
        Path page = c.resolve(ErrorTableChecksTest.ADMIN);
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "title: Troubleshoot sign-in", "title: Troubleshoot Sign In");
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  == Quick reference\n", "  == Quick reference\n\n  As documented\n  UPSTREAM, the table below.\n");
        Fixture.edit(c, "errors/sign-in.yaml", "resolution: Update the app.", "resolution: Update the app from upstream.");
        List<Finding> fs = check(c);
        assertEquals(3, fs.size(), Fixture.text(fs));
        for (Finding f : fs) assertEquals(StyleRules.TERM.id(), f.rule());
        Finding title = fs.stream().filter(f -> f.message().contains("\"Sign In\"")).findFirst().orElseThrow();
        assertEquals(Fixture.lineOf(page, "title: Troubleshoot Sign In"), title.pos().line());
        assertTrue(title.message().contains("(expected: sign in)") && title.message().contains("One spelling."), title.message());
        Finding body = fs.stream().filter(f -> f.message().contains("\"UPSTREAM\"")).findFirst().orElseThrow();
        assertEquals(page.toAbsolutePath().normalize().toString(), body.pos().file());
        assertEquals(Fixture.lineOf(page, "UPSTREAM, the table"), body.pos().line(), "the YAML line the word is on");
        assertTrue(body.message().contains("site.yaml:" + Fixture.lineOf(c.resolve("site.yaml"), "- avoid: upstream")), body.message());
        Finding catalog = fs.stream().filter(f -> f.pos().file().endsWith("sign-in.yaml")).findFirst().orElseThrow();
        assertEquals(Fixture.lineOf(c.resolve("errors/sign-in.yaml"), "Update the app from upstream"), catalog.pos().line());
    }

    @Test void codeListingsCommentsProductTextAndOtherCasesAreNotJudged() throws Exception {
        Path c = content();
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  == Quick reference\n", """
                  == Quick reference

                  Run `git pull upstream` first, then sign in (log in works too).
                  // upstream: a comment for writers
                  ----
                  git fetch upstream
                  ----
                """);
        Fixture.edit(c, "errors/sign-in.yaml", "\"This sign-in method is no longer supported.\"", "\"Sign In with upstream is no longer supported.\"");
        assertEquals(List.of(), check(c), "code, listings, comments, lowercase 'sign in' and the product's user_message are left alone");
    }

    @Test void aListingHidesEveryLineUpToItsClosingDelimiterAndTextAfterItIsJudged() throws Exception {
        Path c = content();
        Path page = c.resolve(ErrorTableChecksTest.ADMIN);
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  == Quick reference\n", """
                  == Quick reference

                  ....
                  first line
                  git fetch upstream
                  ....
                  Then ask upstream.
                """);
        List<Finding> fs = check(c);
        assertEquals(1, fs.size(), Fixture.text(fs));
        assertEquals(Fixture.lineOf(page, "Then ask upstream."), fs.get(0).pos().line(), "only the line after the listing");
    }

    @Test void theBuildReportsThemAsWarningsAndDoesNotFail() throws Exception {
        Path c = content();
        Fixture.edit(c, ErrorTableChecksTest.ADMIN, "  == Quick reference\n", "  == Quick reference\n\n  From upstream.\n");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "build", "--content", c.toString(), "--templates", "templates",
                "--out", dir.resolve("site").toString(), "--no-cache");
        assertEquals(0, code, e.toString());
        assertTrue(e.toString().contains("troubleshoot.yaml:" + Fixture.lineOf(c.resolve(ErrorTableChecksTest.ADMIN), "From upstream.")
                + ": warning style/term: \"upstream\" is a term to avoid"), e.toString());
    }
}
