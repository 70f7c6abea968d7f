package dev.docsite.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which docsite this is: the pom's version and the commit it was built from, written into the jar by Maven
 * (dev/docsite/build.properties; the manifest's Implementation-Version carries the version too). "dev" and
 * "unknown" when run from sources that Maven did not process, or built outside git.
 */
public final class DocsiteVersion {
    private DocsiteVersion() {}

    private static final Properties BUILD = build();

    public static final String VERSION = version();

    /** The commit docsite was built from (12 hex digits), or "unknown". */
    public static final String COMMIT = clean(BUILD.getProperty("commit"), "unknown");

    /** What {@code docsite --version} prints: "docsite 0.1.0 (0c22713f2e26)". */
    public static String describe() { return "docsite " + VERSION + " (" + COMMIT + ")"; }

    private static String version() {
        String v = DocsiteVersion.class.getPackage().getImplementationVersion();
        // A version that starts with a number even from unprocessed sources: SARIF consumers compare versions.
        return v != null ? v : clean(BUILD.getProperty("version"), "0.0.0-dev");
    }

    /** A value Maven did not fill in (still "${...}") counts as missing. */
    private static String clean(String v, String missing) {
        return v == null || v.isBlank() || v.startsWith("${") ? missing : v.trim();
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = DocsiteVersion.class.getResourceAsStream("/dev/docsite/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // no build information: "dev (unknown)"
        }
        return p;
    }
}
