package dev.docsite.rules;

import java.util.List;

/** Rules that keep untrusted content (a stranger's pull request) from reaching the build machine or the site's readers. */
public final class SecurityRules {
    private SecurityRules() {}

    public static final Rule OUTSIDE_CONTENT = Rule.error("security/outside-content",
            "Every file the build reads (pages, catalogs, schemas, includes, files beside pages, templates) resolves inside its folder once symbolic links are followed.",
            "Content may come from an untrusted pull request; an include, a page or a file beside pages that reaches outside the content folder could publish "
                    + "the build machine's files (/etc/passwd, CI secrets in /proc/self/environ) into the site.",
            "Move the file into the content folder and refer to it with a relative path that stays inside it; do not use symbolic "
                    + "links that point outside the folder.");
    public static final Rule UNSAFE_URL = Rule.error("security/unsafe-url",
            "Links and images use no javascript:, vbscript: or data: URL (data: images of PNG, JPEG, GIF and WebP excepted).",
            "A script URL runs in the reader's browser with the site's origin when clicked or loaded; a data: URL can carry a whole HTML document or SVG script.",
            "Link to an http(s) address or a page of the site; put images in a file beside the page and show it with image::name.png[].");
    public static final Rule RAW_HTML = Rule.error("security/raw-html",
            "A page body contains no raw HTML passthrough (++++ blocks, pass:[...], +++...+++) unless site.yaml sets allow_raw_html: true.",
            "Raw HTML reaches readers unescaped: a <script> or an onerror= attribute in a pull request would run on the published site.",
            "Write the content in AsciiDoc; a project that reviews every change and needs raw HTML sets allow_raw_html: true in site.yaml.");

    public static final List<Rule> ALL = List.of(OUTSIDE_CONTENT, UNSAFE_URL, RAW_HTML);
}
