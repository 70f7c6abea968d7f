package dev.docsite.render;

import dev.docsite.catalog.ErrorHtml;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Processor;

import java.util.List;

/**
 * The "Try it" control under a validated live JSON example. Only markup: the page loads its editor and
 * the validator (templates/assets/live.js) when a reader opens it, and validates against the schema the
 * build used, written per version to {@code _schemas/NAME.js}.
 */
public final class LiveExampleHtml {
    /** Present in the HTML of every page with a live control: the layout adds live.js and live.css only there. */
    public static final String MARKER = "data-live=\"";

    private LiveExampleHtml() {}

    public static String tryIt(String schema) {
        return "<div class=\"live-tools\" data-live=\"json\" data-live-schema=\"" + ErrorHtml.esc(schema) + "\">"
                + "<button type=\"button\" class=\"live-open\" aria-expanded=\"false\">Try it</button>"
                + "<span class=\"live-hint\">Edit this example or paste your own, and check it against the schema <code>"
                + ErrorHtml.esc(schema) + "</code>.</span></div>";
    }

    /** Puts the control right after a live listing block. */
    static void attach(Processor processor, StructuralNode listing, String schema) {
        if (!(listing.getParent() instanceof StructuralNode parent)) return;
        List<StructuralNode> siblings = parent.getBlocks();
        int at = siblings.indexOf(listing);
        if (at < 0) return;
        siblings.add(at + 1, processor.createBlock(parent, "pass", tryIt(schema), RawHtml.generated()));
    }
}
