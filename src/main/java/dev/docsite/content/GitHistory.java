package dev.docsite.content;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reads "last updated" dates for content files from git history, newest commit first. */
final class GitHistory {
    private GitHistory() {}

    /** Opens the repository that contains {@code dir}, or null when it is not in one. */
    static Repository open(Path dir) {
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
            if (b.getGitDir() == null) return null;
            return b.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Path of {@code dir} inside the repository's work tree, '/'-separated, "" for the top. */
    static String prefixInRepo(Repository repo, Path dir) {
        File top = repo.getWorkTree();
        String rel = top.toPath().toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize()).toString();
        return rel.replace('\\', '/');
    }

    static Map<String, Instant> lastUpdatedOrEmpty(Path contentRoot) {
        try (Repository repo = open(contentRoot)) {
            if (repo == null) return Map.of();
            ObjectId head = repo.resolve("HEAD");
            if (head == null) return Map.of();
            return lastUpdated(repo, head, prefixInRepo(repo, contentRoot));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** For every file under {@code prefix}/pages at {@code start}: the time of the newest commit that changed it. */
    static Map<String, Instant> lastUpdated(Repository repo, ObjectId start, String prefix) throws IOException {
        String pagesDir = (prefix.isEmpty() ? "" : prefix + "/") + "pages";
        Map<String, Instant> result = new HashMap<>();
        try (RevWalk walk = new RevWalk(repo);
             DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setRepository(repo);
            df.setPathFilter(PathFilter.create(pagesDir));
            walk.markStart(walk.parseCommit(start));
            int seen = 0;
            for (RevCommit c : walk) {
                if (++seen > 5000) break; // bounded: very old history does not change "last updated" much
                RevCommit parent = c.getParentCount() > 0 ? walk.parseCommit(c.getParent(0)) : null;
                for (DiffEntry d : df.scan(parent == null ? null : parent.getTree(), c.getTree())) {
                    String path = d.getChangeType() == DiffEntry.ChangeType.DELETE ? null : d.getNewPath();
                    if (path == null) continue;
                    String rel = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
                    result.putIfAbsent(rel, Instant.ofEpochSecond(c.getCommitTime()));
                }
            }
        }
        return result;
    }
}
