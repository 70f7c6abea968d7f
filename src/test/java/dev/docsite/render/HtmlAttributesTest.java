package dev.docsite.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attributes of real elements only: escaped code, comments and script text are not elements. */
class HtmlAttributesTest {
    static List<String> attributes(String html) {
        List<String> out = new ArrayList<>();
        HtmlAttributes.scan(html, (tag, name, vs, ve) -> out.add(tag + "." + name + "=" + html.substring(vs, ve)));
        return out;
    }

    @Test void escapedCodeCommentsAndScriptTextAreNotElements() {
        String html = """
                <div class="listingblock"><pre><code>&lt;link href="basejump.css"&gt;
                &lt;div id="header"&gt;</code></pre></div>
                <!-- <a href="commented.html"> -->
                <script src="app.js">var s = '<a href="in-script.html">';</script>
                <p>Inline <code>&lt;a href="#nowhere"&gt;</code> and <a href='single.html' data-x=unquoted id="real">a link</a>.</p>
                <img src="x.png" alt="a > b">
                """;
        assertEquals(List.of("div.class=listingblock", "script.src=app.js", "a.href=single.html", "a.data-x=unquoted", "a.id=real",
                "img.src=x.png", "img.alt=a > b"), attributes(html));
        assertEquals(Map.of("real", 1), HtmlAttributes.idCounts(html));
    }

    @Test void anAttributeWithoutValueAndUpperCaseTags() {
        assertEquals(List.of("input.disabled=", "input.id=box", "a.href=X.html"), attributes("<INPUT disabled id=\"box\"/><A HREF=\"X.html\">x</A>"));
    }
}
