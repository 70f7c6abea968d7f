package dev.docsite.preview;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text a reader sees in a page body, one line per block (paragraph, list item, heading, table row
 * with its cells joined by " | ", code line), and a line diff of two such texts: the "content diff
 * of the rendered page" a reviewer reads, independent of markup and source formatting.
 */
final class RenderedText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "tr", "table", "caption", "figcaption", "figure", "blockquote", "ul", "ol", "dl", "section", "br", "hr");

    private RenderedText() {}

    static List<String> lines(String html) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Element body = Jsoup.parseBodyFragment(html).body();
        body.traverse(new NodeVisitor() {
            @Override public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (inPre(t)) {
                        String[] parts = t.getWholeText().split("\n", -1);
                        for (int i = 0; i < parts.length; i++) {
                            if (i > 0) flush(line, lines);
                            line.append(parts[i]);
                        }
                    } else {
                        line.append(t.text()); // whitespace collapsed; flush trims the line
                    }
                } else if (node instanceof Element e) {
                    if (BLOCKS.contains(e.normalName())) flush(line, lines);
                    else if ((e.normalName().equals("td") || e.normalName().equals("th")) && e.elementSiblingIndex() > 0) line.append(" | ");
                }
            }

            @Override public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) flush(line, lines);
            }
        });
        flush(line, lines);
        return lines;
    }

    private static boolean inPre(TextNode t) {
        for (Element e = t.parent(); e != null; e = e.parent()) if (e.normalName().equals("pre")) return true;
        return false;
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String s = line.toString().replaceAll("[ \\t\\u00a0]+", " ").strip();
        if (!s.isEmpty()) lines.add(s);
        line.setLength(0);
    }

    /** A line diff: "- old" and "+ new" lines, edit by edit, with the counts of removed and added lines. */
    record Diff(List<String> lines, int added, int removed) {
        boolean isEmpty() { return added == 0 && removed == 0; }
    }

    static Diff diff(List<String> before, List<String> after) {
        RawText a = raw(before), b = raw(after);
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        List<String> out = new ArrayList<>();
        int added = 0, removed = 0;
        for (Edit e : edits) {
            for (int i = e.getBeginA(); i < e.getEndA(); i++) out.add("- " + before.get(i));
            for (int i = e.getBeginB(); i < e.getEndB(); i++) out.add("+ " + after.get(i));
            removed += e.getLengthA();
            added += e.getLengthB();
        }
        return new Diff(out, added, removed);
    }

    private static RawText raw(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l.replace('\n', ' ')).append('\n');
        return new RawText(b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
