package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Content read from a git revision with JGit: no checkout, the work tree is never touched. */
public final class GitRevisionSource implements ContentSource, AutoCloseable {
    private final Repository repo;
    private final RevCommit commit;
    private final String prefix;      // content folder inside the repository, "" for the top
    private final String revision;
    private volatile Map<String, Instant> lastUpdated;

    private GitRevisionSource(Repository repo, RevCommit commit, String prefix, String revision) {
        this.repo = repo;
        this.commit = commit;
        this.prefix = prefix;
        this.revision = revision;
    }

    /**
     * Opens {@code revision} of {@code repo} (the repository holding {@code contentDir}); the content is
     * read from the same folder inside that revision. The source holds its own reference to the
     * repository (JGit counts them), released by {@link #close}.
     */
    private Path historyCache;   // where git last-updated dates are kept between runs, or null

    /** Keeps this revision's last-updated dates in {@code dir} between runs (null: not kept). */
    GitRevisionSource historyCache(Path dir) {
        this.historyCache = dir;
        return this;
    }

    static GitRevisionSource open(Repository repo, Path contentDir, String revision) throws ContentException {
        SourcePos where = SourcePos.of(contentDir.toString());
        try {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null)
                throw new ContentException(new Problem(where, ContentRules.GIT.id(), "unknown git revision '" + revision
                        + "' (expected a branch, tag or commit of " + repo.getWorkTree() + ")"));
            RevCommit c;
            try (RevWalk w = new RevWalk(repo)) { c = w.parseCommit(id); }
            repo.incrementOpen();
            return new GitRevisionSource(repo, c, GitHistory.prefixInRepo(repo, contentDir), revision);
        } catch (IOException | RevisionSyntaxException e) {
            throw new ContentException(new Problem(where, ContentRules.GIT.id(), "cannot read git revision '" + revision + "': " + e.getMessage()));
        }
    }

    public String commitId() { return commit.getName(); }

    public String shortId() { return commit.getName().substring(0, 7); }

    public RevCommit commit() { return commit; }

    private String full(String path) { return prefix.isEmpty() ? path : prefix + "/" + path; }

    @Override public List<String> list(String dir, String suffix) throws IOException {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(full(dir)));
            while (tw.next()) {
                String p = tw.getPathString();
                if (!p.endsWith(suffix)) continue;
                out.add(prefix.isEmpty() ? p : p.substring(prefix.length() + 1));
            }
        }
        out.sort(null);
        return out;
    }

    @Override public boolean exists(String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, full(path), commit.getTree())) { return tw != null; }
    }

    @Override public String read(String path) throws IOException { return Utf8.decode(readBytes(path)); }

    @Override public byte[] readBytes(String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, full(path), commit.getTree())) {
            if (tw == null) throw new IOException("no file " + full(path) + " at " + revision);
            ObjectLoader loader = repo.open(tw.getObjectId(0));
            return loader.getBytes();
        }
    }

    @Override public String display(String path) { return shortId() + ":" + full(path); }

    @Override public Map<String, Instant> lastUpdated() {
        Map<String, Instant> m = lastUpdated;
        if (m == null) {
            try { m = GitHistory.lastUpdated(repo, commit, prefix, historyCache); } catch (IOException e) { m = Map.of(); }
            lastUpdated = m;
        }
        return m;
    }

    @Override public void close() { repo.close(); }
}
