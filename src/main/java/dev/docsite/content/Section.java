package dev.docsite.content;

/**
 * What a section file ({@code pages/<audience>/<folder>/_section.yaml}) says about its folder: title,
 * summary and position among the audience's top-level pages and sections. A folder without one is a
 * section too, titled after its name. {@code id} is the folder's path under pages/ ("admin/setup").
 */
public record Section(String id, String path, SourcePos pos, String title, String summary, int order) {
    public static final String FILE = "_section.yaml";

    /** The title of a folder without a section file: "getting-started" reads "Getting started". */
    public static String defaultTitle(String folder) {
        String name = folder.substring(folder.lastIndexOf('/') + 1).replace('-', ' ').replace('_', ' ');
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
