package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML mistakes are one problem at the line and column a writer must look at, in a sentence without parser noise. */
class YamlReaderTest {
    private static Problem problem(String text) {
        ContentException e = assertThrows(ContentException.class, () -> YamlReader.parse(text, "page.yaml"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals(ContentRules.YAML.id(), p.rule());
        assertEquals("page.yaml", p.pos().file());
        return p;
    }

    @Test void anUnclosedQuoteIsReportedWhereTheQuoteOpens() {
        Problem p = problem("title: ok\nsummary: \"unclosed\nbody: x\n");
        assertEquals(2, p.pos().line());
        assertEquals(10, p.pos().column(), "the column of the opening quote, 1-based");
        assertTrue(p.message().startsWith("YAML syntax error: while scanning a quoted scalar"), p.message());
        assertFalse(p.message().matches(".*(line \\d|column \\d|in 'reader'|\\^).*"), "no position or snippet echoed: " + p.message());
    }

    @Test void aMistakeFoundWhileParsingIsReportedWhereTheParserStopped() {
        Problem p = problem("title: a\nsummary: b\n  body: c\n");
        assertEquals(3, p.pos().line(), p.toString());
        assertEquals(7, p.pos().column(), p.toString());
        assertTrue(p.message().startsWith("YAML syntax error: mapping values are not allowed here"), p.message());
    }

    @Test void duplicateKeysAndAnEmptyFileAreProblemsToo() {
        Problem dup = problem("title: a\nbody: b\ntitle: c\n");
        assertEquals(3, dup.pos().line());
        assertEquals("duplicate key 'title' (first written at line 1)", dup.message());
        Problem empty = problem("");
        assertEquals(1, empty.pos().line());
        assertEquals("the file is empty (expected a YAML mapping)", empty.message());
    }

    @Test void aMessageMissingIsStillASentence() {
        assertEquals("unreadable YAML", YamlReader.cleanMessage(null));
    }
}
