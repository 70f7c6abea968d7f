import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a benchmark content folder: N pages (~170 lines each, with headings, a table, code blocks,
 * an admonition, xrefs with anchors and external links), three audiences, each in sections of 50 pages
 * ({@code pages/admin/section-03/page-456.yaml}, with a {@code _section.yaml}), an error catalog shown
 * on an admin page, and 1 or 2 versions. Text mixes a few dozen common words with a long tail of rarer
 * ones (log-uniform over 20,000 made-up words), so the search index has a realistic vocabulary.
 *
 * With {@code --antora DIR} it also writes an Antora twin of the same pages (for {@code bench/antora.sh}): a git
 * repository holding one component ({@code bench}) per version ({@code v1.0/antora.yml}, ...), each page as
 * {@code modules/ROOT/pages/<same path>.adoc} ({@code = Title}, {@code :description:} from the summary, the same
 * body un-indented, {@code {docsite-version}} read as {@code {page-component-version}}, the docsite-only
 * {@code error-table::} macro left out), one {@code nav.adoc} per version listing every page under its audience
 * and section (in docsite's order), and an {@code antora-playbook.yml} that builds from the folder itself
 * ({@code url: ./}, {@code branches: HEAD}) with {@code ui-bundle.zip} beside it (bench/antora.sh makes it). The
 * twin is taken from the generated YAML text, so it is the same corpus, not a second random draw.
 *
 * Usage: java bench/GenerateCorpus.java OUT_DIR PAGES [VERSIONS] [--antora DIR]
 */
public class GenerateCorpus {
    static final String[] AUDIENCES = {"decision-maker", "admin", "end-user"};
    static final int PER_SECTION = 50;
    static final String[] SYLLABLES = "ka lo mi ne su ta ri po ve da fu gi ho ju ly mo ni pa qu ro".split(" ");
    static final String[] WORDS = ("policy enrollment identity tenant token client server mobile sign-in protection device "
            + "configuration consent scope claim audience rollout pilot license access session retry fallback catalog error "
            + "version release network cache account administrator user message support security compliance data").split(" ");

    public static void main(String[] args) throws IOException {
        Path antora = null;
        List<String> rest = new ArrayList<>(List.of(args));
        int flag = rest.indexOf("--antora");
        if (flag >= 0 && flag + 1 < rest.size()) {
            antora = Path.of(rest.get(flag + 1));
            rest.subList(flag, flag + 2).clear();
        }
        if (rest.size() < 2 || rest.size() > 3 || flag >= 0 && antora == null) {
            System.err.println("usage: java bench/GenerateCorpus.java OUT_DIR PAGES [VERSIONS] [--antora DIR]");
            System.exit(2);
        }
        args = rest.toArray(new String[0]);
        Path out = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        int versions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Random rnd = new Random(42);
        Files.createDirectories(out.resolve("errors"));
        StringBuilder site = new StringBuilder("title: Benchmark corpus\nbase_url: https://docs.example.com/bench/\n"
                + "audiences:\n  - id: decision-maker\n    title: Decision Makers\n  - id: admin\n    title: Administrators\n"
                + "  - id: end-user\n    title: End Users\nversions:\n");
        for (int v = versions; v >= 1; v--) site.append("  - name: \"").append(v).append(".0\"\n");
        site.append("links:\n  ignore: [\"^https://example\\\\.com/\"]\n");
        Files.writeString(out.resolve("site.yaml"), site);

        StringBuilder cat = new StringBuilder("title: Benchmark errors\nerrors:\n");
        for (int i = 0; i < 20; i++) {
            cat.append("  - id: ent.bench.case_").append(i).append(".app_error\n    layer: server\n    http: ").append(400 + i % 5)
               .append("\n    scenario: Case ").append(i).append("\n    user_message: Something went wrong in case ").append(i)
               .append(". Please try again.\n    retry: none\n    fallback: none\n    cause: Cause ").append(i)
               .append(".\n    resolution: Resolution ").append(i).append(".\n");
        }
        Files.writeString(out.resolve("errors/bench.yaml"), cat);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String section = String.format("%s/section-%02d", AUDIENCES[i % 3], i / 3 / PER_SECTION);
            ids.add(section + "/page-" + i);
            Path sf = out.resolve("pages").resolve(section).resolve("_section.yaml");
            if (!Files.exists(sf)) {
                Files.createDirectories(sf.getParent());
                int n = i / 3 / PER_SECTION;
                Files.writeString(sf, "title: Section " + n + "\nsummary: Pages " + (n * PER_SECTION) + " to " + (n * PER_SECTION + PER_SECTION - 1)
                        + " of this audience.\norder: " + n + "\n");
            }
        }
        List<String> yaml = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String id = ids.get(i);
            Path f = out.resolve("pages").resolve(id + ".yaml");
            Files.createDirectories(f.getParent());
            yaml.add(page(i, id, ids, rnd, versions));
            Files.writeString(f, yaml.get(i));
        }
        System.out.println("wrote " + pages + " pages, " + versions + " version(s) to " + out);
        if (antora != null) {
            antoraTwin(antora, ids, yaml, versions);
            System.out.println("wrote the Antora twin (" + pages + " pages x " + versions + " version(s)) to " + antora);
        }
    }

    static final String[] AUDIENCE_TITLES = {"Decision Makers", "Administrators", "End Users"};

    /** The same pages as an Antora content source; see the class comment. */
    static void antoraTwin(Path dir, List<String> ids, List<String> yaml, int versions) throws IOException {
        Files.createDirectories(dir);
        StringBuilder nav = new StringBuilder();
        for (int a = 0; a < AUDIENCES.length; a++) {
            nav.append("* ").append(AUDIENCE_TITLES[a]).append('\n');
            String section = null;
            for (int i = a; i < ids.size(); i += AUDIENCES.length) {   // page i is in audience i % 3, in order
                String id = ids.get(i), s = id.substring(0, id.lastIndexOf('/'));
                if (!s.equals(section)) {
                    section = s;
                    nav.append("** Section ").append(Integer.parseInt(s.substring(s.lastIndexOf('-') + 1))).append('\n');
                }
                nav.append("*** xref:").append(id).append(".adoc[").append(field(yaml.get(i), "title")).append("]\n");
            }
        }
        StringBuilder sources = new StringBuilder();
        for (int v = versions; v >= 1; v--) {
            String version = v + ".0", root = "v" + version;
            sources.append("  - url: ./\n    branches: HEAD\n    start_path: ").append(root).append('\n');
            Path module = dir.resolve(root).resolve("modules/ROOT");
            Files.createDirectories(module);
            Files.writeString(dir.resolve(root).resolve("antora.yml"), "name: bench\ntitle: Benchmark corpus\nversion: '"
                    + version + "'\nnav:\n  - modules/ROOT/nav.adoc\n");
            Files.writeString(module.resolve("nav.adoc"), nav);
            for (int i = 0; i < ids.size(); i++) {
                Path f = module.resolve("pages").resolve(ids.get(i) + ".adoc");
                Files.createDirectories(f.getParent());
                Files.writeString(f, adoc(yaml.get(i)));
            }
        }
        Files.writeString(dir.resolve(".gitignore"), "/ui-bundle.zip\n/build/\n");
        Files.writeString(dir.resolve("antora-playbook.yml"), "# Written by bench/GenerateCorpus.java --antora: the twin of a docsite corpus.\n"
                + "site:\n  title: Benchmark corpus\ncontent:\n  sources:\n" + sources
                + "ui:\n  bundle:\n    url: ./ui-bundle.zip\n"
                + "asciidoc:\n  attributes:\n    # section ids as docsite makes them, so the corpus's xref fragments resolve\n"
                + "    idprefix: ''\n    idseparator: '-'\n"
                + "output:\n  dir: ./build/site\n");
    }

    /** The value of a one-line field of a generated page. */
    static String field(String yaml, String name) {
        int at = yaml.startsWith(name + ": ") ? 0 : yaml.indexOf("\n" + name + ": ") + 1;
        return yaml.substring(at + name.length() + 2, yaml.indexOf('\n', at));
    }

    /** A generated page as an Antora page: its title, its summary as the description, its body un-indented. */
    static String adoc(String yaml) {
        String body = yaml.substring(yaml.indexOf("\nbody: |\n") + "\nbody: |\n".length())
                .replaceAll("(?m)^  ", "")
                .replace("{docsite-version}", "{page-component-version}")
                .replace("== Error reference\n\nerror-table::bench[audience=admin]\n\n", "");
        return "= " + field(yaml, "title") + "\n:description: " + field(yaml, "summary") + "\n\n" + body;
    }

    static String page(int i, String id, List<String> ids, Random rnd, int versions) {
        StringBuilder b = new StringBuilder();
        b.append("title: Benchmark page ").append(i).append("\naudience: ").append(id.substring(0, id.indexOf('/')))
         .append("\nsummary: Generated page ").append(i).append(" about ").append(words(rnd, 4)).append(".\norder: ").append(i)
         .append("\nbody: |\n");
        for (int s = 1; s <= 5; s++) {
            b.append("  == Section ").append(s).append(" of page ").append(i).append("\n\n");
            b.append("  ").append(sentence(rnd)).append(" ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n\n");
            String other = ids.get(rnd.nextInt(ids.size()));
            int otherNo = Integer.parseInt(other.substring(other.lastIndexOf('-') + 1));
            b.append("  See xref:").append(other).append(".adoc#section-").append(1 + rnd.nextInt(5)).append("-of-page-").append(otherNo)
             .append("[the related section] and https://example.com/docs/").append(rnd.nextInt(200)).append("[the vendor guide].\n\n");
            b.append("  === Details ").append(s).append("\n\n");
            for (int p = 0; p < 6; p++) b.append("  ").append(sentence(rnd)).append(' ').append(sentence(rnd)).append("\n");
            b.append("\n  ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n  ").append(sentence(rnd)).append("\n");
            b.append("\n  * ").append(sentence(rnd)).append("\n  * ").append(sentence(rnd)).append("\n  * ").append(sentence(rnd)).append("\n\n");
            if (s == 2) {
                b.append("  .Settings overview\n  [cols=\"1,1,2\",options=\"header\"]\n  |===\n  |Setting |Default |Meaning\n");
                for (int r = 0; r < 6; r++) b.append("  |`").append(WORDS[rnd.nextInt(WORDS.length)]).append("` |").append(rnd.nextInt(100)).append(" |").append(sentence(rnd)).append("\n");
                b.append("  |===\n\n");
            }
            if (s == 3) {
                b.append("  [source,json]\n  ----\n  {\n    \"Enable\": true,\n    \"Name\": \"").append(WORDS[rnd.nextInt(WORDS.length)])
                 .append("\",\n    \"Count\": ").append(rnd.nextInt(1000)).append("\n  }\n  ----\n\n");
                b.append("  [source,bash]\n  ----\n  curl -s https://example.com/api/v4/").append(WORDS[rnd.nextInt(WORDS.length)]).append(" | jq .\n  echo done\n  ----\n\n");
            }
            if (s == 4) b.append("  NOTE: ").append(sentence(rnd)).append(' ').append(sentence(rnd)).append("\n\n");
            if (s == 5 && versions > 1 && i % 10 == 0) b.append("  ifeval::[\"{docsite-version}\" == \"1.0\"]\n  Only in version 1.0.\n  endif::[]\n\n");
        }
        if (i == 1) b.append("  == Error reference\n\n  error-table::bench[audience=admin]\n\n");
        return b.toString();
    }

    static String sentence(Random rnd) {
        String s = words(rnd, 8 + rnd.nextInt(8));
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    static String words(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) b.append(' ');
            b.append(rnd.nextInt(10) < 7 ? WORDS[rnd.nextInt(WORDS.length)] : rare(rnd));
        }
        return b.toString();
    }

    /** One of 20,000 made-up words, log-uniformly: a few are frequent, most are rare. */
    static String rare(Random rnd) {
        int k = (int) Math.pow(20_000, rnd.nextDouble());
        StringBuilder w = new StringBuilder();
        do {
            w.append(SYLLABLES[k % SYLLABLES.length]);
            k /= SYLLABLES.length;
        } while (k > 0);
        return w.length() < 4 ? w + "ra" : w.toString();
    }
}
