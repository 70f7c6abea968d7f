package dev.docsite.site;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where links were written: each rendered link claims the next source occurrence of its target. */
class SourceLinksTest {
    static final String BODY = """
            == Start
            See https://example.com/a and link:https://example.com/a[again].
            xref:admin/setup.adoc#install[Install], then <<admin/setup.adoc#install,once more>>.
            The error error:ent.x.token_expired.app_error[] and image:icons/warn.png[].
            A sentence ending in a URL https://example.com/b.
            https://example.com/a[third time]
            """;

    @Test void eachOccurrenceIsClaimedOnceInOrder() {
        SourceLinks s = new SourceLinks(BODY);
        List<String> a = List.of(SourceLinks.urlKey("https://example.com/a"));
        assertEquals(2, s.claim(a, "https://example.com/a", null));
        assertEquals(2, s.claim(a, "https://example.com/a", null), "link:https://... is one occurrence, not two");
        assertEquals(6, s.claim(a, "https://example.com/a", null));
        List<String> install = List.of(SourceLinks.pageKey("admin/setup", "install"));
        assertEquals(3, s.claim(install, "admin/setup", "install"));
        assertEquals(3, s.claim(install, "admin/setup", "install"));
        String err = dev.docsite.content.ErrorEntry.anchorOf("ent.x.token_expired.app_error");
        assertEquals(4, s.claim(List.of(SourceLinks.pageKey("admin/errors", err), SourceLinks.errorKey(err)), "admin/errors", err));
        assertEquals(4, s.claim(List.of(SourceLinks.urlKey("icons/warn.png")), "icons/warn.png", null));
        assertEquals(5, s.claim(List.of(SourceLinks.urlKey("https://example.com/b")), "https://example.com/b", null), "trailing full stop");
    }

    @Test void unknownTargetsFallBackToTheFirstLineNamingThem() {
        SourceLinks s = new SourceLinks(BODY);
        assertEquals(5, s.claim(List.of(SourceLinks.urlKey("nowhere")), "example.com/b", null));
        assertEquals(1, s.claim(List.of(SourceLinks.urlKey("nowhere")), "absent", null));
    }

    @Test void theFallbackPrefersTheLineNamingTargetAndAnchor() {
        String[] lines = {"See admin/setup once.", "Then <<admin/setup#step,the step>>.", "And xref:admin/setup.adoc#step[again]."};
        assertEquals(3, SourceLinks.lineOf(lines, "admin/setup", "step"), "target.adoc#anchor first");
        assertEquals(2, SourceLinks.lineOf(new String[]{lines[0], lines[1]}, "admin/setup", "step"), "then target and #anchor on one line");
        assertEquals(1, SourceLinks.lineOf(lines, "admin/setup", "other"), "then the target alone");
        assertEquals(1, SourceLinks.lineOf(lines, "", null), "no target: the first line");
        assertEquals(1, SourceLinks.lineOf(lines, null, "step"));
        assertEquals(1, SourceLinks.lineOf(new String[]{"x", "y"}, "absent", null));
    }

    /** A link shown as code in a listing is not the page's link: the real one, written later, keeps its own line. */
    @Test void linksShownAsCodeAreNotClaimed() {
        SourceLinks s = new SourceLinks("""
                == Writing links
                [source,asciidoc]
                ----
                See xref:admin/setup.adoc#install[Install].
                ----
                ....
                https://example.com/a
                ....
                The real one: xref:admin/setup.adoc#install[Install] and https://example.com/a.
                """);
        assertEquals(9, s.claim(List.of(SourceLinks.pageKey("admin/setup", "install")), "admin/setup", "install"));
        assertEquals(9, s.claim(List.of(SourceLinks.urlKey("https://example.com/a")), "https://example.com/a", null));
    }

    @Test void xrefTargetsBecomeTheKeysOfTheirRenderedLinks() {
        assertEquals(SourceLinks.pageKey("a/b", null), SourceLinks.xrefKey("a/b.adoc"));
        assertEquals(SourceLinks.pageKey("a/b", "x"), SourceLinks.xrefKey("a/b#x"));
        assertEquals(SourceLinks.fragmentKey("x"), SourceLinks.xrefKey("#x"));
        assertEquals(SourceLinks.fragmentKey("x"), SourceLinks.xrefKey("x"));
    }
}
