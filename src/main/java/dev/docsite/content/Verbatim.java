package dev.docsite.content;

/**
 * Which lines of a body are inside a delimited block whose content Asciidoctor shows as code (listing
 * {@code ----}, literal {@code ....}) or drops (comment {@code ////}). Searches of the body text that look
 * for where a link or an id was written skip these lines: an xref or an {@code id="..."} shown as code is
 * not the one the rendered page has. Passthrough blocks ({@code ++++}) are not skipped: their HTML reaches
 * the page as it is (where site.yaml allows raw HTML), so their links and ids are real.
 */
public final class Verbatim {
    private Verbatim() {}

    /** One flag per body line (0-based), true inside such a block (the delimiter lines included). */
    public static boolean[] lines(String[] lines) {
        boolean[] out = new boolean[lines.length];
        String open = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (open != null) {
                out[i] = true;
                if (l.equals(open)) open = null;
            } else if (isDelimiter(l)) {
                out[i] = true;
                open = l;
            }
        }
        return out;
    }

    /** A line of four or more of the same delimiter character: -, . or /. */
    static boolean isDelimiter(String l) {
        if (l.length() < 4) return false;
        char c = l.charAt(0);
        if (c != '-' && c != '.' && c != '/') return false;
        for (int i = 1; i < l.length(); i++) if (l.charAt(i) != c) return false;
        return true;
    }
}
