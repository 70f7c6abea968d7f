package dev.docsite.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How alike a quote and a catalog message are: words for swapped or replaced words, characters for typos. */
class MessageTextTest {
    static double similarity(String a, String b) { return MessageText.similarity(MessageText.Text.of(a), MessageText.Text.of(b)); }

    @Test void typosInMostWordsStillReadAsTheSameMessage() {
        String message = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
        // Three of ten words shared (word measure 0.3, where the character measure starts to count), typos in the rest.
        String typed = "alpha bravo charlie dleta ecoh foxtrto glof hotle inida juleit";
        assertEquals(0.3, MessageText.dice(MessageText.Text.of(message), MessageText.Text.of(typed)), 1e-12);
        assertTrue(similarity(message, typed) >= MessageText.DRIFT_THRESHOLD, "drifted, not unrelated: " + similarity(message, typed));
    }

    @Test void fewerSharedWordsAreAnotherText() {
        assertTrue(similarity("alpha bravo charlie delta echo foxtrot golf hotel india juliet",
                "alpha bravo kilo lima mike november oscar papa quebec romeo") < MessageText.DRIFT_THRESHOLD);
    }

    @Test void caseSpacingQuotesAndFinalPunctuationDoNotCount() {
        assertEquals(1.0, similarity("Your session has expired.", "  \u201Cyour   SESSION has expired\u201D  "));
        assertEquals(1.0, similarity("", ""));
    }
}
