package dev.docsite.render;

import dev.docsite.Fixture;
import dev.docsite.site.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JRuby starts without RubyGems (its start was 40 % of JRuby's), and the gems AsciidoctorJ bundles are still found:
 * a page that asks for Rouge gets highlighted code, as it did when RubyGems found Rouge. Its native layer is off too.
 */
class RubyStartTest {
    @TempDir Path dir;

    @Test void everyBundledGemIsOnTheLoadPathAsciidoctorFirst() {
        List<String> libs = AsciidocRenderer.bundledGemLibs();
        assertTrue(libs.get(0).matches("uri:classloader:/gems/asciidoctor-[0-9.]+/lib"), libs.toString());
        assertTrue(libs.stream().anyMatch(l -> l.matches("uri:classloader:/gems/rouge-[0-9.]+/lib")), libs.toString());
    }

    @Test void rubyGemsStaysUnloadedAndAPageStillGetsRouge() throws Exception {
        Path content = dir.resolve("content");
        Fixture.write(content, "site.yaml", Fixture.SITE);
        Fixture.write(content, "pages/admin/code.yaml", """
                title: Code
                audience: admin
                summary: A highlighted listing.
                body: |
                  :source-highlighter: rouge

                  [source,ruby]
                  ----
                  def greet = puts('hi')
                  ----
                """);
        BuildResult build = Fixture.build(content, dir.resolve("site"));
        assertEquals(List.of(), build.findings(), "no 'optional gem is not available' warning");
        String html = Files.readString(dir.resolve("site/2.0/admin/code.html"));
        assertTrue(html.contains("<span class=\"k\">def</span>"), "Rouge highlighted the listing: " + html);
        assertEquals(false, Fixture.renderer().loadedRubyGems());
        assertEquals(false, Fixture.renderer().usesNative(), "JRuby's native layer stays off");
    }
}
