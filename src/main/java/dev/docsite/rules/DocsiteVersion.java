package dev.docsite.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Which docsite this is: the pom's version, filtered into version.properties at build time. */
public final class DocsiteVersion {
    private DocsiteVersion() {}

    public static final String VERSION = version();

    private static String version() {
        try (InputStream in = DocsiteVersion.class.getResourceAsStream("/dev/docsite/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) return v;
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String v = DocsiteVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
