import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import freemarker.template.Configuration;
import freemarker.template.Template;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The floor under docsite's cold build: the plain AsciidoctorJ program issue 14 measures against Antora. It reads
 * every page of a generated corpus (bench/GenerateCorpus.java) with Jackson, converts its body with one shared
 * Asciidoctor on THREADS threads, lays it out with FreeMarker with the full navigation (every page, under its
 * audience and section, as Antora's default UI does) and writes it. Nothing else: no checks, no search index, no
 * cache, no record. bench/antora.sh runs it beside docsite and Antora, so the table shows how far docsite's own work
 * puts it above this floor, on the same machine in the same run.
 *
 * Usage: java -cp target/docsite.jar:PLAIN_JAR PlainAsciidoctor CONTENT OUT [THREADS]   (bench/antora.sh compiles it)
 */
public final class PlainAsciidoctor {
    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>${page.title}</title><link rel="stylesheet" href="${root}site.css"></head>
            <body>
            <nav class="site-nav"><ul>
            <#list nav as audience, sections><li>${audience}<ul>
            <#list sections as section, pages><li>${section}<ul>
            <#list pages as p><li<#if p.path == page.path> aria-current="page"</#if>><a href="${root}${p.path}.html">${p.title}</a></li></#list>
            </ul></li></#list>
            </ul></li></#list>
            </ul></nav>
            <main><h1>${page.title}</h1>
            ${page.html?no_esc}
            </main>
            </body>
            </html>
            """;

    /** One page: its path under pages/ without .yaml, its title, its body, and its converted body once rendered. */
    public static final class Page {
        private final String path, title, body;
        private String html;
        Page(String path, String title, String body) { this.path = path; this.title = title; this.body = body; }
        public String getPath() { return path; }
        public String getTitle() { return title; }
        public String getHtml() { return html; }
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]).resolve("pages"), out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Asciidoctor starts while the pages are read, as any program that cares about start-up would do.
        Future<Asciidoctor> starting = pool.submit(Asciidoctor.Factory::create);

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().startsWith("_"))
                    .sorted().toList();   // _section.yaml: a section's metadata, not a page
        }
        List<Page> pages = new ArrayList<>();
        Map<String, Map<String, List<Page>>> nav = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode node = yaml.readTree(file.toFile());
            String rel = content.relativize(file).toString().replace('\\', '/');
            Page page = new Page(rel.substring(0, rel.length() - ".yaml".length()), node.path("title").asText(),
                    node.path("body").asText());
            pages.add(page);
            String[] parts = page.path.split("/");
            nav.computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(parts.length > 2 ? parts[1] : "", k -> new ArrayList<>()).add(page);
        }

        Configuration templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
        Template layout = new Template("page", new StringReader(LAYOUT), templates);
        Asciidoctor asciidoctor = starting.get();
        Options options = Options.builder().safe(SafeMode.SAFE).standalone(false).build();

        List<Future<?>> done = new ArrayList<>();
        for (Page page : pages) {
            done.add(pool.submit(() -> {
                page.html = asciidoctor.convert(page.body, options);
                String root = "../".repeat(page.path.split("/").length - 1);
                Path target = out.resolve(page.path + ".html");
                Files.createDirectories(target.getParent());
                try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    layout.process(Map.of("page", page, "nav", nav, "root", root), w);
                }
                page.html = null;   // the page is written; keep only what the navigation needs
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        asciidoctor.shutdown();
        System.out.println(pages.size() + " pages written to " + out);
    }
}
