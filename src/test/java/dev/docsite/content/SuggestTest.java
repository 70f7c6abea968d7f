package dev.docsite.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** "Did you mean" suggestions: Levenshtein distance, and how far a suggestion may be from what was typed. */
class SuggestTest {
    @Test void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggest.distance("setup", "setup"));
        assertEquals(1, Suggest.distance("setup", "set-up"));
        assertEquals(1, Suggest.distance("setup", "setp"));
        assertEquals(1, Suggest.distance("setup", "setop"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(5, Suggest.distance("", "abcde"));
        assertEquals(5, Suggest.distance("abcde", ""));
        assertEquals(2, Suggest.distance("ab", "ba"));
    }

    @Test void theClosestCandidateWinsCaseAside() {
        assertEquals("admin/Setup", Suggest.closest("admin/setpu", List.of("admin/guide", "admin/Setup", "admin/setup-old")));
        assertEquals("b", Suggest.closest("a", List.of("b", "c")), "the first of equally close candidates");
    }

    @Test void aSuggestionIsAtMostTwoEditsOrAThirdOfTheWordAway() {
        // 2 edits are always allowed, even for short words.
        assertEquals("abcd", Suggest.closest("abxy", List.of("abcd")));
        assertNull(Suggest.closest("axyz", List.of("abcd")), "3 edits in a 4-letter word is a different word");
        // A 12-letter word allows 4 edits (12 / 3), not 5.
        assertEquals("abcdefghijkl", Suggest.closest("wxyzefghijkl", List.of("abcdefghijkl")));
        assertNull(Suggest.closest("vwxyzfghijkl", List.of("abcdefghijkl")));
        // 9 letters: 3 edits (9 / 3).
        assertEquals("abcdefghi", Suggest.closest("xyzdefghi", List.of("abcdefghi")));
        assertNull(Suggest.closest("anything", List.of()));
    }
}
