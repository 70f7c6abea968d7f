package dev.docsite.content;

import dev.docsite.rules.ContentRules;
import org.eclipse.jgit.lib.Repository;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build's content lives, as one value opened once: the content folder in the work tree and,
 * when that folder is inside a git repository, the repository (for versions with a {@code ref}, previews
 * of a revision, and the comparison with the last commit). Every stage that needs another view of the
 * same content asks this object instead of turning a folder path back into a source.
 */
public final class ContentRoot implements AutoCloseable {
    private final Path dir;
    private final DirectorySource workTree;
    private Repository repo;          // opened on first use; null when not in a repository
    private boolean repoLooked;

    private final Path historyCache;

    private ContentRoot(Path dir, Path historyCache) {
        this.dir = dir;
        this.historyCache = historyCache;
        this.workTree = new DirectorySource(dir, historyCache);
    }

    /** The content folder {@code dir} (as the writer gave it: messages show paths the way they were typed). */
    public static ContentRoot of(Path dir) { return new ContentRoot(dir, null); }

    /** The same, keeping git last-updated dates in {@code historyCache} between runs (by commit; null: not kept). */
    public static ContentRoot of(Path dir, Path historyCache) { return new ContentRoot(dir, historyCache); }

    public Path dir() { return dir; }

    public boolean exists() { return Files.isDirectory(dir); }

    /** The content as it is on disk. */
    public DirectorySource workTree() { return workTree; }

    /** The content folder at a git revision (a branch, tag or commit); close it when done. */
    public synchronized GitRevisionSource revision(String rev) throws ContentException {
        Repository r = repository();
        if (r == null)
            throw new ContentException(new Problem(SourcePos.of(dir.toString()), ContentRules.GIT.id(), "cannot read revision '" + rev
                    + "': " + dir + " is not inside a git repository"));
        return GitRevisionSource.open(r, dir, rev).historyCache(historyCache);
    }

    /** Whether the content folder is in a git repository that has at least one commit. */
    public synchronized boolean hasCommits() {
        Repository r = repository();
        try {
            return r != null && r.resolve("HEAD^{commit}") != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The commits the repository points at (HEAD and every ref), or null outside a repository: what a build
     * reads from git (last-updated dates, versions with a ref) is the same while this is.
     */
    public synchronized String gitState() throws java.io.IOException {
        Repository r = repository();
        if (r == null) return null;
        StringBuilder b = new StringBuilder("HEAD=").append(r.resolve("HEAD") == null ? "none" : r.resolve("HEAD").name());
        java.util.List<org.eclipse.jgit.lib.Ref> refs = new java.util.ArrayList<>(r.getRefDatabase().getRefs());
        refs.sort(java.util.Comparator.comparing(org.eclipse.jgit.lib.Ref::getName));
        for (org.eclipse.jgit.lib.Ref ref : refs) b.append('\n').append(ref.getName()).append('=').append(ref.getObjectId() == null ? "none" : ref.getObjectId().name());
        return b.toString();
    }

    private Repository repository() {
        if (!repoLooked) {
            repoLooked = true;
            repo = GitHistory.open(dir.toAbsolutePath());
        }
        return repo;
    }

    @Override public synchronized void close() {
        if (repo != null) repo.close();
        repo = null;
    }
}
