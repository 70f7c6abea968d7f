package dev.docsite.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heading scan finds exactly what the regular expression it replaced found, on HTML made to trip it. */
class HeadingScanTest {
    private static final String[] PIECES = {
            "<h2 id=\"a\">", "<h3 id=\"b\" class=\"x\">", "<h4 id=\"c\">", "<h6 id=\"d\">", "<h7 id=\"e\">", "<h1 id=\"f\">",
            "<h2 id=\"\">", "<h3 id=\"g\"", "<h2 class=\"x\" id=\"h\">", "<h5 id=\"i>j\">", "<h",
            "</h2>", "</h3>", "</h4>", "</h6>", "</h5 >", "<code>x</code>", "&amp;", "\"", ">", "\n", " ", "text", "<h2 id=\"k\">",
    };

    @Test
    void findsWhatTheRegularExpressionFound() {
        Random random = new Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) html.append(PIECES[random.nextInt(PIECES.length)]);
            String h = html.toString();
            assertEquals(byRegex(h, "2-6"), byScan(h, '2', '6'), h);
            assertEquals(byRegex(h, "23"), byScan(h, '2', '3'), h);
        }
    }

    @Test
    void aRealHeadingKeepsItsLevelIdAndText() {
        String html = "<div class=\"sect1\">\n<h2 id=\"_sign_in\"><a class=\"anchor\" href=\"#_sign_in\"></a>Sign in &amp; <code>enroll</code></h2>\n</div>";
        List<AsciidocRenderer.Heading> found = AsciidocRenderer.headingsIn(html, '2', '6');
        assertEquals(1, found.size());
        assertEquals(2, found.get(0).level());
        assertEquals("_sign_in", found.get(0).id());
        assertEquals("Sign in & enroll", found.get(0).text());
    }

    private static List<String> byRegex(String html, String levels) {
        Matcher m = Pattern.compile("<h([" + levels + "]) id=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        return out;
    }

    private static List<String> byScan(String html, char low, char high) {
        List<String> out = new ArrayList<>();
        for (AsciidocRenderer.Heading h : AsciidocRenderer.headingsIn(html, low, high)) out.add(h.level() + "|" + h.id() + "|" + h.inner());
        return out;
    }
}
