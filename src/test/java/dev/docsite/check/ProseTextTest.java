package dev.docsite.check;

import dev.docsite.catalog.ErrorHtml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The typed text of a rendered body, block by block, that the quote checks read. */
class ProseTextTest {
    @Test void textAfterTheLastBlockTagIsABlockToo() {
        assertEquals(List.of(new ProseText.Block("Say \"hello\".", false, List.of())), ProseText.of("Say &quot;hello&quot;."));
        List<ProseText.Block> bs = ProseText.of("<p>One <code>a</code></p>tail <code>b</code>");
        assertEquals(List.of(new ProseText.Block("One a", false, List.of("a")), new ProseText.Block("tail b", false, List.of("b"))), bs);
    }

    @Test void commentsAreLeftOutEvenWhenNeverClosed() {
        assertEquals(List.of(new ProseText.Block("ab", false, List.of())), ProseText.of("a<!-- x -->b"));
        assertEquals(List.of(new ProseText.Block("a", false, List.of())), ProseText.of("a<!-- x <p>y</p>"));
    }

    @Test void listingsAreMarkedAndEntitiesDecoded() {
        assertEquals(List.of(new ProseText.Block("x < y", false, List.of()), new ProseText.Block("code()", true, List.of())),
                ProseText.of("<p>x &lt; y</p><pre>code()</pre>"));
    }

    @Test void generatedPartsAreCutOutAndAnUnclosedOneStays() {
        String gen = ErrorHtml.GENERATED_START + "<p>generated</p>" + ErrorHtml.GENERATED_END;
        assertEquals("<p>a</p><p>b</p><p>c</p>", ProseText.withoutGenerated("<p>a</p>" + gen + "<p>b</p>" + gen + "<p>c</p>"));
        String open = "<p>a</p>" + ErrorHtml.GENERATED_START + "<p>half</p>";
        assertEquals(open, ProseText.withoutGenerated(open), "a start without an end is not cut");
        assertEquals("<p>a</p><p>b</p>" + open.substring(8), ProseText.withoutGenerated("<p>a</p>" + gen + "<p>b</p>" + open.substring(8)),
                "closed parts before an unclosed one are still cut");
    }
}
