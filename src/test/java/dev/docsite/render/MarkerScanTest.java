package dev.docsite.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-pass marker scan behind every cache key gives what asking each part ({@link RenderDependency#actsOn}) gives. */
class MarkerScanTest {
    /** The inputs of the parts that act on a body, part by part: the definition the scan must agree with. */
    private static Set<RenderDependency.Input> oneByOne(String body, List<RenderDependency> parts) {
        Set<RenderDependency.Input> out = EnumSet.noneOf(RenderDependency.Input.class);
        for (RenderDependency d : parts) if (d.actsOn(body)) out.addAll(d.reads());
        return out;
    }

    @Test void agreesWithEachPartOnGeneratedBodies() {
        // Whole markers, their pieces and near misses, so bodies with and without each marker are both common.
        List<String> pieces = new ArrayList<>();
        for (RenderDependency d : AsciidocRenderer.DEPENDENCIES) {
            for (String m : d.markers()) {
                pieces.add(m);
                pieces.add(m.substring(0, m.length() / 2));
                pieces.add(m.substring(m.length() / 2));
                pieces.add(m.substring(1));
            }
        }
        pieces.addAll(List.of("x", " ", "\n", ":", "=", "-", "\u00e9", "\u2019", "[]"));
        Random random = new Random(14);
        int withSome = 0, withNone = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) b.append(pieces.get(random.nextInt(pieces.size())));
            String body = b.toString();
            Set<RenderDependency.Input> expected = oneByOne(body, AsciidocRenderer.DEPENDENCIES);
            assertEquals(expected, AsciidocRenderer.readsOf(body), body);
            if (expected.equals(oneByOne("", AsciidocRenderer.DEPENDENCIES))) withNone++; else withSome++;
        }
        assertTrue(withSome > 2_000 && withNone > 2_000, "both kinds are common: " + withSome + " / " + withNone);
    }

    @Test void aMarkerWithoutAsciiPunctuationAndOneThatStartsTheBodyAreFound() {
        RenderDependency letters = RenderDependency.of(List.of("caf\u00e9"), Set.of(RenderDependency.Input.SCHEMAS));
        RenderDependency colon = RenderDependency.of(List.of("x::"), Set.of(RenderDependency.Input.CATALOGS));
        RenderDependency always = RenderDependency.of(List.of(), Set.of(RenderDependency.Input.VERSION));
        MarkerScan scan = new MarkerScan(List.of(letters, colon, always));
        assertEquals(EnumSet.of(RenderDependency.Input.VERSION), scan.reads("x: caf"));
        assertEquals(EnumSet.of(RenderDependency.Input.VERSION, RenderDependency.Input.CATALOGS), scan.reads("x::"));
        assertEquals(EnumSet.of(RenderDependency.Input.VERSION, RenderDependency.Input.SCHEMAS), scan.reads("un caf\u00e9"));
        assertEquals(EnumSet.of(RenderDependency.Input.VERSION), scan.reads(""));
    }
}
