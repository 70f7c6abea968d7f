package dev.docsite.render;

/** How rendered HTML marks links to other pages until the site stage knows the version's URLs. */
public final class Links {
    /** Prefix of an href to a page id: "docsite:xref:admin/setup.html#anchor". */
    public static final String MARKER = "docsite:xref:";

    private Links() {}

    /** Relative URL from one output file to another, both relative to the same root ("a/b.html" to "c.html" is "../c.html"). */
    public static String relative(String from, String to) {
        String[] f = from.split("/");
        String[] t = to.split("/");
        int common = 0;
        while (common < f.length - 1 && common < t.length - 1 && f[common].equals(t[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < f.length - 1; i++) sb.append("../");
        for (int i = common; i < t.length; i++) {
            sb.append(t[i]);
            if (i < t.length - 1) sb.append('/');
        }
        return sb.isEmpty() ? "./" : sb.toString();
    }

    /** "../" repeated once per folder of {@code path} (a path relative to some root). */
    public static String toRoot(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /** A URL fragment as the id it names: percent-escapes decoded ("caf%C3%A9" is "café"); a malformed one as written. */
    public static String decodeFragment(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
