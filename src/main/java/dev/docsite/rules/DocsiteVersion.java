package dev.docsite.rules;

/** Which docsite this is: the pom's version, stamped into the jar's manifest ("dev" when run from classes). */
public final class DocsiteVersion {
    private DocsiteVersion() {}

    public static final String VERSION = version();

    private static String version() {
        String v = DocsiteVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
