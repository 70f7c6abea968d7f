package dev.docsite.build;

import dev.docsite.check.BuildChecks;
import dev.docsite.content.ContentException;
import dev.docsite.content.ContentLoader;
import dev.docsite.content.ContentRoot;
import dev.docsite.content.ContentSet;
import dev.docsite.content.ContentSource;
import dev.docsite.content.Page;
import dev.docsite.content.SiteConfig;
import dev.docsite.render.Layout;
import dev.docsite.report.Finding;
import dev.docsite.report.Findings;
import dev.docsite.rules.Severity;
import dev.docsite.site.BuildResult;
import dev.docsite.site.Outputs;
import dev.docsite.site.Publisher;
import dev.docsite.site.LayoutReuse;
import dev.docsite.site.SiteBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One build, the way every command runs it: load the content, render every version, lay it out into a
 * staging folder, run the build's checks on what was written, then publish the staging folder or throw
 * it away. {@code build}, {@code check}, {@code preview} and {@code serve} differ only by their
 * {@link Plan}: where the site goes, the banner, and which checks run beyond the build's own. A site is
 * published only when nothing the transaction checked is an error, whichever command asked.
 */
public final class BuildTransaction {
    private final SiteBuilder builder;
    private final ContentRoot root;
    /** Findings per page of the last checks, reused by serve's partial updates for pages they did not change. */
    private final BuildChecks.Memo checked = new BuildChecks.Memo();

    public BuildTransaction(SiteBuilder builder, ContentRoot root) {
        this.builder = builder;
        this.root = root;
    }

    public ContentRoot root() { return root; }

    public SiteBuilder builder() { return builder; }

    /** Where the written site goes. */
    public sealed interface Target {
        /**
         * Staged beside {@code out} and swapped in when there is no error; {@code keep} sub-folders survive the
         * swap. {@code lockOf} is the output folder whose lock is held meanwhile: {@code out} itself, or the site
         * a preview is published inside.
         */
        record Publish(Path out, List<String> keep, Path lockOf) implements Target {
            public Publish(Path out, List<String> keep) { this(out, keep, out); }
        }

        /** Written into a temporary folder for the checks, then deleted (check without --out). */
        record Temporary() implements Target {}

        /**
         * The live folder readers are looking at (serve): {@code outputs} decides, from the new render, what
         * to rewrite. Everything is staged and swapped in like {@link Publish}; only some outputs are
         * rewritten in place (search indexes left to the caller, they are large), where the checks then read them.
         */
        record InPlace(Path out, Function<BuildResult, Outputs> outputs) implements Target {}
    }

    /**
     * @param only        version names to build (empty: all)
     * @param banner      text of a banner on every page (previews), or null
     * @param target      where the site goes
     * @param extraChecks checks beyond the build's own, on the written site (check: error tables, translations)
     */
    public record Plan(List<String> only, String banner, Target target, List<Function<BuildResult, List<Finding>>> extraChecks,
                       LastBuildAt lastBuild) {
        public Plan(List<String> only, String banner, Target target, List<Function<BuildResult, List<Finding>>> extraChecks) {
            this(only, banner, target, extraChecks, null);
        }

        public static Plan publish(Path out, List<String> keep) { return new Plan(List.of(), null, new Target.Publish(out, keep), List.of()); }

        /** A preview: published into {@code out}, a folder inside the site {@code site}, under the site's lock. */
        public static Plan publishInside(Path out, Path site) { return new Plan(List.of(), null, new Target.Publish(out, List.of(), site), List.of()); }

        public Plan only(List<String> names) { return new Plan(List.copyOf(names), banner, target, extraChecks, lastBuild); }

        public Plan banner(String text) { return new Plan(only, text, target, extraChecks, lastBuild); }

        public Plan checks(List<Function<BuildResult, List<Finding>>> more) { return new Plan(only, banner, target, List.copyOf(more), lastBuild); }

        /**
         * Skips the build when nothing changed since the last one published to the target (see {@link LastBuild}),
         * which is recorded in {@code cacheDir}; the theme's {@code templates} folder counts as input.
         */
        public Plan skipWhenUnchanged(LastBuildAt at) { return new Plan(only, banner, target, extraChecks, at); }
    }

    /** Where the record of the last build is kept, and the project templates it depends on. */
    public record LastBuildAt(Path cacheDir, Path templates) {}

    /**
     * What the build did.
     *
     * @param content   the content built, or null when it did not load
     * @param build     the written build, or null when the content did not load
     * @param findings  every finding, sorted (the load's when it failed)
     * @param published whether the target now holds this build
     * @param outputs   what was written (everything, except for serve's in-place updates)
     * @param checkNanos time spent in the checks after writing
     */
    public record Outcome(ContentSet content, BuildResult build, List<Finding> findings, boolean published, Outputs outputs, long checkNanos,
                          LastBuild.Record unchanged) {
        public Outcome(ContentSet content, BuildResult build, List<Finding> findings, boolean published, Outputs outputs, long checkNanos) {
            this(content, build, findings, published, outputs, checkNanos, null);
        }

        /** Versions built (or, for a build skipped because nothing changed, as last built). */
        public int versionCount() { return unchanged != null ? unchanged.versions() : build.versions().size(); }

        public boolean hasErrors() { return Findings.count(findings, Severity.ERROR) > 0; }

        public long errors() { return Findings.count(findings, Severity.ERROR); }

        public long warnings() { return Findings.count(findings, Severity.WARNING); }

        public static Outcome notLoaded(ContentException e) {
            return new Outcome(null, null, Findings.sorted(e.problems().stream().map(Finding::of).toList()), false, Outputs.ALL, 0);
        }
    }

    /**
     * Loads the content of {@code source} and builds it. Files with problems are left out and their
     * problems reported with the findings of everything else, so one run names every mistake; only an
     * unusable site.yaml stops the build before rendering.
     */
    public Outcome run(ContentSource source, Plan plan) throws BuildFailure {
        long start = System.nanoTime();
        LastBuild last = null;
        Map<String, LastBuild.Stamp> inputs = null;
        LastBuild.Record previous = null;
        if (plan.lastBuild() != null && plan.target() instanceof Target.Publish p && source == root.workTree()) {
            last = lastBuild(plan, p);
            previous = last.read();
            try {
                // With no record every page renders: JRuby starts now rather than after every input is hashed, which
                // took 0.4-1.6 s of a cold 1,000-page build.
                if (previous == null) {
                    Map<String, LastBuild.Stamp> all = last.unhashedInputs();
                    builder.startRendererInBackground(conversionsAfter(all.keySet(), all));
                }
                // Hashes only the files whose size or time moved since the record.
                inputs = last.inputs(previous);
            } catch (IOException e) {
                last = null;   // an input that cannot be read is reported by the load; the build is not recorded
            }
            // Under the output folder's lock, like any build: a build still writing the folder is waited for (it may
            // publish older inputs), and what a crashed one left is swept.
            if (last != null) {
                try (Publisher pub = new Publisher(p.out(), p.lockOf())) {
                    if (last.unchanged(previous, inputs, root)) {
                        BuildResult.Stats s = new BuildResult.Stats(previous.pages(), 0, previous.pages(), (System.nanoTime() - start) / 1_000_000);
                        return new Outcome(null, new BuildResult(p.out(), List.of(), previous.findings(), s), previous.findings(), true, Outputs.ALL, 0, previous);
                    }
                } catch (Publisher.LockedException e) {
                    throw new BuildFailure(2, e.getMessage());
                } catch (IOException e) {
                    throw new BuildFailure(2, p.out() + ": cannot write the site: " + e.getMessage());
                }
            }
            // Content changed: pages will probably be rendered, so JRuby starts while the content loads. A change to
            // templates alone lays out again without rendering.
            if (inputs != null && previous != null) {
                java.util.Set<String> changed = LastBuild.changed(previous.inputs(), inputs);
                if (changed.stream().anyMatch(path -> !path.startsWith("templates/"))) builder.startRendererInBackground(conversionsAfter(changed, inputs));
            }
        }
        long loading = System.nanoTime();
        ContentSet content;
        String parsedAs = source.display("");
        LastBuild.Parsed parsed = last == null ? LastBuild.Parsed.NONE : last.parsedPages(inputs, parsedAs);
        try {
            // Page files unchanged since the last build keep its parse, and their render cache keys.
            content = ContentLoader.loadAll(source, parsed.pages());
        } catch (ContentException e) {
            return Outcome.notLoaded(e);
        }
        builder.knowRenderKeys(parsed.keysOf(content.pages()));
        if (SiteBuilder.TIMING) System.err.printf("timing: up-to-date check %d ms, load %d ms%n", (loading - start) / 1_000_000, (System.nanoTime() - loading) / 1_000_000);
        // Pages whose layout key is the published file's are taken from the published site, not laid out again.
        LayoutReuse reuse = last == null ? null : last.layoutReuse(previous, inputs);
        Outcome o = run(content, plan, reuse);
        long saving = System.nanoTime();
        if (last != null && o.published()) {
            last.save(root, inputs, o.findings(), o.build().stats().pages(), o.build().versions().size(), reuse.keys());
            last.savePages(content.pages(), inputs, parsedAs, parsed, builder.renderKeys(content.pages()));
        }
        if (SiteBuilder.TIMING) System.err.printf("timing: record %d ms%n", (System.nanoTime() - saving) / 1_000_000);
        return o;
    }

    /**
     * About how many pages a change makes the build convert, for the renderer's start: the pages changed, or every
     * page when anything else in the content changed (site.yaml, a catalog, an included file can reach any page).
     */
    static int conversionsAfter(java.util.Set<String> changed, Map<String, LastBuild.Stamp> inputs) {
        java.util.function.Predicate<String> page = path -> path.startsWith("content/pages/") && path.endsWith(".yaml");
        boolean beyondPages = changed.stream().anyMatch(path -> path.startsWith("content/") && !page.test(path));
        return (int) (beyondPages ? inputs.keySet().stream().filter(page).count() : changed.stream().filter(page).count());
    }

    /** The record of the last build that published {@code target} as this plan would. */
    private LastBuild lastBuild(Plan plan, Target.Publish target) {
        return LastBuild.of(plan.lastBuild().cacheDir(), target.out(), root, plan.lastBuild().templates(),
                plan.only() + "\0" + plan.banner() + "\0" + target.keep());
    }

    /** Builds content already loaded (serve reloads only the files that changed). */
    public Outcome run(ContentSet content, Plan plan) throws BuildFailure {
        return run(content, plan, null);
    }

    private Outcome run(ContentSet content, Plan plan, LayoutReuse reuse) throws BuildFailure {
        List<String> declared = content.config().versions().stream().map(SiteConfig.VersionSpec::name).toList();
        for (String name : plan.only())
            if (!declared.contains(name))
                throw new BuildFailure(2, "--only " + name + ": site.yaml has no version named " + name + " (expected one of " + String.join(", ", declared) + ")");
        SiteBuilder.Request req = new SiteBuilder.Request(content, root, plan.only(), plan.banner());
        if (plan.target() instanceof Target.Publish p) return renderAndPublish(req, plan, p, reuse);
        BuildResult rendered;
        try {
            rendered = builder.render(req);
        } catch (ContentException e) {
            return Outcome.notLoaded(e);   // a version's ref that does not load
        } catch (IOException e) {
            throw new BuildFailure(2, "cannot render the site: " + e.getMessage());
        }
        if (plan.target() instanceof Target.InPlace i) return inPlace(req, rendered, plan, i);
        return temporary(req, rendered, plan);
    }

    /**
     * Renders and writes into the staging folder under the output folder's lock: pages the cache holds are written
     * while the others render ({@link SiteBuilder#buildFresh}). Then as {@link #publish}.
     */
    private Outcome renderAndPublish(SiteBuilder.Request req, Plan plan, Target.Publish target, LayoutReuse reuse) throws BuildFailure {
        try (Publisher pub = new Publisher(target.out(), target.lockOf())) {
            BuildResult written;
            try {
                written = builder.buildFresh(req, pub.staging(), target.out(), reuse);
            } catch (ContentException e) {
                return Outcome.notLoaded(e);   // a version's ref that does not load
            } catch (Layout.LayoutException e) {
                throw new BuildFailure(1, e.getMessage());
            }
            return commitIfClean(pub, target, check(req, written, plan, Outputs.ALL));
        } catch (Publisher.LockedException e) {
            throw new BuildFailure(2, e.getMessage());
        } catch (IOException e) {
            throw new BuildFailure(2, target.out() + ": cannot write the site: " + e.getMessage());
        }
    }

    /**
     * Lets a whole write into {@code target} (serve's start, after `docsite build` published the same folder) take the
     * pages the last build's record vouches for from the published site, as that build's successor would, instead of
     * laying every page out again. Null (lay everything out) when there is no usable record.
     */
    private LayoutReuse layoutReuse(Plan plan, Target.Publish target) {
        LastBuild last = lastBuild(plan, target);
        LastBuild.Record previous = last.read();
        if (previous == null) return null;
        try {
            return last.layoutReuse(previous, last.inputs(previous));
        } catch (IOException e) {
            return null;   // an input that cannot be read: the load reports it
        }
    }

    private Outcome publish(SiteBuilder.Request req, BuildResult rendered, Plan plan, Target.Publish target, LayoutReuse reuse) throws BuildFailure {
        try (Publisher pub = new Publisher(target.out(), target.lockOf())) {
            return commitIfClean(pub, target, writeAndCheck(req, rendered, plan, pub.staging(), Outputs.ALL, target.out(), reuse));
        } catch (Publisher.LockedException e) {
            throw new BuildFailure(2, e.getMessage());
        } catch (IOException e) {
            throw new BuildFailure(2, target.out() + ": cannot write the site: " + e.getMessage());
        }
    }

    /** Swaps the staging folder in when the checks found no error; the outcome then names the published folder. */
    private static Outcome commitIfClean(Publisher pub, Target.Publish target, Outcome o) throws IOException {
        if (o.hasErrors()) return o;
        long committing = System.nanoTime();
        pub.commit(target.keep());
        if (SiteBuilder.TIMING) System.err.printf("timing: publish %d ms%n", (System.nanoTime() - committing) / 1_000_000);
        BuildResult b = o.build();
        return new Outcome(o.content(), new BuildResult(target.out(), b.versions(), b.findings(), b.stats()), o.findings(), true, Outputs.ALL, o.checkNanos());
    }

    private Outcome temporary(SiteBuilder.Request req, BuildResult rendered, Plan plan) throws BuildFailure {
        Path dir;
        try {
            dir = Files.createTempDirectory("docsite-check-");
        } catch (IOException e) {
            throw new BuildFailure(2, "cannot create a temporary folder for the build: " + e.getMessage());
        }
        try {
            return writeAndCheck(req, rendered, plan, dir, Outputs.ALL, null, null);
        } finally {
            Publisher.deleteTree(dir);
        }
    }

    /** A broken render is not written into a folder readers are looking at. */
    private Outcome inPlace(SiteBuilder.Request req, BuildResult rendered, Plan plan, Target.InPlace target) throws BuildFailure {
        if (rendered.hasErrors() || !req.content().problems().isEmpty()) {
            List<Finding> all = new ArrayList<>(rendered.findings());
            for (var p : req.content().problems()) all.add(Finding.of(p));
            return new Outcome(req.content(), rendered, Findings.sorted(all), false, Outputs.ALL, 0);
        }
        Outputs outputs = target.outputs().apply(rendered);
        if (outputs.all()) {
            Target.Publish whole = new Target.Publish(target.out(), List.of(Publisher.PREVIEWS));
            return publish(req, rendered, plan, whole, plan.lastBuild() == null ? null : layoutReuse(plan, whole));
        }
        Outcome o = writeAndCheck(req, rendered, plan, target.out(), outputs.withoutSearchIndexes(), null, null);
        return new Outcome(o.content(), o.build(), o.findings(), true, outputs, o.checkNanos());
    }

    /**
     * Writes and checks the build. {@code previous}: the published site when {@code dir} is a new staging
     * folder for it (unchanged files are linked from it), else null; a new folder takes every output, and {@code reuse}
     * (or null) names the pages that need no layout.
     */
    private Outcome writeAndCheck(SiteBuilder.Request req, BuildResult rendered, Plan plan, Path dir, Outputs outputs, Path previous,
                                  LayoutReuse reuse) throws BuildFailure {
        BuildResult written;
        try {
            written = outputs.all() ? builder.writeFresh(req, rendered, dir, previous, reuse) : builder.write(req, rendered, dir, outputs);
        } catch (IOException e) {
            throw new BuildFailure(2, dir + ": cannot write the site: " + e.getMessage());
        } catch (Layout.LayoutException e) {
            throw new BuildFailure(1, e.getMessage());
        }
        return check(req, written, plan, outputs);
    }

    /** Runs the checks on a written build and gathers every finding. */
    private Outcome check(SiteBuilder.Request req, BuildResult written, Plan plan, Outputs outputs) {
        long t0 = System.nanoTime();
        // A partial write (serve) changed no file beside the pages: the links of pages it did not touch still hold.
        BuildResult checked = BuildChecks.run(written, req.content(), root, this.checked, !outputs.all());
        List<Finding> all = new ArrayList<>(checked.findings());
        for (var p : req.content().problems()) all.add(Finding.of(p));
        for (Function<BuildResult, List<Finding>> check : plan.extraChecks()) all.addAll(check.apply(checked));
        List<Finding> sorted = Findings.sorted(CoveredMessages.drop(Findings.mergeVersions(all)));
        BuildResult b = new BuildResult(checked.dir(), checked.versions(), sorted, checked.stats());
        if (SiteBuilder.TIMING) System.err.printf("timing: checks %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return new Outcome(req.content(), b, sorted, false, outputs, System.nanoTime() - t0);
    }
}
