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

    static Map<String, Instant> lastUpdatedOrEmpty(Path contentRoot, Path cacheDir) {
        try (Repository repo = open(contentRoot)) {
            if (repo == null) return Map.of();
            ObjectId head = repo.resolve("HEAD");
            if (head == null) return Map.of();
            return lastUpdated(repo, head, prefixInRepo(repo, contentRoot), cacheDir);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Last-updated dates as kept: the content folder's place in the repository, and epoch seconds by path. */
    record Kept(String prefix, Map<String, Long> seconds) {}

    /** Bump when what {@link #lastUpdated(Repository, ObjectId, String)} computes changes. */
    static final String FORMAT = "last-updated-1";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * {@link #lastUpdated(Repository, ObjectId, String)}, kept in {@code cacheDir} (null: not kept) by commit and
     * prefix: a commit's history never changes, so walking it once is enough (a version built from a tag, every
     * rebuild of an unchanged HEAD).
     */
    static Map<String, Instant> lastUpdated(Repository repo, ObjectId start, String prefix, Path cacheDir) throws IOException {
        if (cacheDir == null) return lastUpdated(repo, start, prefix);
        // The commit names the history; the content folder's place in the repository and the format complete it.
        Path file = cacheDir.resolve(start.name() + "-" + Integer.toHexString((FORMAT + "\0" + prefix).hashCode()) + ".json");
        try {
            Kept kept = JSON.readValue(file.toFile(), Kept.class);
            if (kept.prefix().equals(prefix)) {
                Map<String, Instant> m = new HashMap<>();
                kept.seconds().forEach((k, v) -> m.put(k, Instant.ofEpochSecond(v)));
                return m;
            }
        } catch (IOException | RuntimeException e) {
            // not kept yet, or damaged: walk the history
        }
        Map<String, Instant> m = lastUpdated(repo, start, prefix);
        try {
            Map<String, Long> seconds = new java.util.TreeMap<>();
            m.forEach((k, v) -> seconds.put(k, v.getEpochSecond()));
            java.nio.file.Files.createDirectories(cacheDir);
            Path tmp = java.nio.file.Files.createTempFile(cacheDir, ".tmp-", ".json");
            JSON.writeValue(tmp.toFile(), new Kept(prefix, seconds));
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache is an optimisation
        }
        return m;
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
