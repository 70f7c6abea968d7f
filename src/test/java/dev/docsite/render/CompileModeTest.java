package dev.docsite.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A process that converts a few pages runs Asciidoctor interpreted; a large build lets JRuby compile it. */
class CompileModeTest {
    @Test void fewConversionsInterpretAndManyCompile() {
        try (AsciidocRenderer few = new AsciidocRenderer(); AsciidocRenderer many = new AsciidocRenderer()) {
            assertNull(few.compiles(), "not started");
            few.expectConversions(AsciidocRenderer.INTERPRET_BELOW - 1);
            few.warmUp();
            assertEquals(false, few.compiles());

            many.expectConversions(AsciidocRenderer.INTERPRET_BELOW);
            many.expectConversions(1);   // a later estimate (the render's own count) does not undo the first
            many.warmUp();
            assertEquals(true, many.compiles());

            few.expectConversions(10_000);
            assertEquals(false, few.compiles(), "a started runtime keeps its mode");
        }
    }
}
