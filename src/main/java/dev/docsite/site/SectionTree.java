package dev.docsite.site;

import dev.docsite.content.Page;
import dev.docsite.content.Section;
import dev.docsite.content.SiteConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of one version arranged in sections: every folder under an audience folder is a section
 * ({@code pages/admin/setup/entra.yaml} is the page admin/setup/entra in the section admin/setup).
 * Within an audience, or a section, pages and sections come in the order of their {@code order}, then
 * title; the reading order (previous/next) walks this tree depth first.
 *
 * <p>A page belongs to the sections of its folders only when its id starts with its audience
 * ({@code pages/shared/x.yaml} with {@code audience: admin} is a top-level admin page).
 */
public final class SectionTree {

    /** A section or an audience (the root): its pages and sections in order. */
    public record Node(String id, String audience, String title, String summary, int order, Node parent, List<Object> items) {
        public boolean isAudience() { return parent == null; }

        /** The landing page, relative to the version folder. */
        public String url() { return id + "/index.html"; }

        /** This node and its ancestors up to the audience, outermost first. */
        public List<Node> path() {
            List<Node> out = new ArrayList<>();
            for (Node n = this; n != null; n = n.parent) out.add(0, n);
            return out;
        }

        public List<Page> pages() { return items.stream().filter(Page.class::isInstance).map(Page.class::cast).toList(); }

        public List<Node> sections() { return items.stream().filter(Node.class::isInstance).map(Node.class::cast).toList(); }

        @Override public boolean equals(Object o) { return this == o; }
        @Override public int hashCode() { return System.identityHashCode(this); }
        @Override public String toString() { return "Node[" + id + "]"; }
    }

    private final Map<String, Node> audiences;     // by audience id
    private final Map<String, Node> sections;      // by section id, every version's own
    private final Map<String, Node> sectionOfPage; // by page id: the innermost node holding it
    private final List<Page> readingOrder;

    private SectionTree(Map<String, Node> audiences, Map<String, Node> sections, Map<String, Node> sectionOfPage, List<Page> readingOrder) {
        this.audiences = audiences; this.sections = sections; this.sectionOfPage = sectionOfPage; this.readingOrder = readingOrder;
    }

    static SectionTree of(SiteConfig config, List<Page> pages, Map<String, Section> declared) {
        Map<String, Node> audiences = new LinkedHashMap<>();
        Map<String, Node> sections = new LinkedHashMap<>();
        for (SiteConfig.Audience a : config.audiences())
            audiences.put(a.id(), new Node(a.id(), a.id(), a.title(), "", 0, null, new ArrayList<>()));
        Map<String, Node> holder = new LinkedHashMap<>();
        for (Page p : pages) {
            Node n = audiences.get(p.audience());
            if (n == null) continue;
            if (p.id().startsWith(p.audience() + "/")) {
                String[] parts = p.id().split("/");
                StringBuilder folder = new StringBuilder(parts[0]);
                for (int i = 1; i < parts.length - 1; i++) {
                    folder.append('/').append(parts[i]);
                    String id = folder.toString();
                    Node parent = n;
                    n = sections.computeIfAbsent(id, k -> {
                        Section s = declared.get(k);
                        Node made = s == null ? new Node(k, p.audience(), Section.defaultTitle(k), "", 1000, parent, new ArrayList<>())
                                : new Node(k, p.audience(), s.title(), s.summary(), s.order(), parent, new ArrayList<>());
                        parent.items().add(made);
                        return made;
                    });
                }
            }
            n.items().add(p);
            holder.put(p.id(), n);
        }
        List<Page> order = new ArrayList<>();
        for (Node a : audiences.values()) sortAndWalk(a, order);
        return new SectionTree(audiences, sections, holder, List.copyOf(order));
    }

    private static final Comparator<Object> ITEM_ORDER = Comparator.<Object>comparingInt(SectionTree::orderOf)
            .thenComparing(SectionTree::titleOf).thenComparing(SectionTree::idOf);

    private static int orderOf(Object o) { return o instanceof Page p ? p.order() : ((Node) o).order(); }
    private static String titleOf(Object o) { return o instanceof Page p ? p.title() : ((Node) o).title(); }
    private static String idOf(Object o) { return o instanceof Page p ? p.id() : ((Node) o).id(); }

    private static void sortAndWalk(Node n, List<Page> order) {
        n.items().sort(ITEM_ORDER);
        for (Object o : n.items()) {
            if (o instanceof Page p) order.add(p);
            else sortAndWalk((Node) o, order);
        }
    }

    /** Every page of the version in reading order: audience by audience, sections depth first. */
    public List<Page> readingOrder() { return readingOrder; }

    /** Every node's id, title, summary, order and items (page ids, sections), in order: what navigation shows of the tree. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (Node a : audiences.values()) describe(a, b);
        return b.toString();
    }

    private static void describe(Node n, StringBuilder b) {
        b.append('[').append(n.id()).append('\0').append(n.audience()).append('\0').append(n.title()).append('\0').append(n.summary())
                .append('\0').append(n.order());
        for (Object o : n.items()) {
            if (o instanceof Page p) b.append("\0p:").append(p.id());
            else describe((Node) o, b);
        }
        b.append(']');
    }

    public Node audience(String id) { return audiences.get(id); }

    public Optional<Node> section(String id) { return Optional.ofNullable(sections.get(id)); }

    /** The sections of this version, parents before children. */
    public List<Node> sections() { return List.copyOf(sections.values()); }

    /** The section (or audience) that lists the page. */
    public Node holder(Page p) { return sectionOfPage.get(p.id()); }
}
