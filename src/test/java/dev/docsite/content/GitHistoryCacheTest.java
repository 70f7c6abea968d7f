package dev.docsite.content;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.*;

/** Last-updated dates come from git history; they are kept in the cache by commit, since a commit's history never changes. */
class GitHistoryCacheTest {
    private static PersonIdent at(long epochSecond) {
        return new PersonIdent("Writer", "w@example.com", Date.from(Instant.ofEpochSecond(epochSecond)), TimeZone.getTimeZone("UTC"));
    }

    private static void commit(Git git, Path repo, String rel, String text, long when) throws Exception {
        Path f = repo.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        git.add().addFilepattern(".").call();
        git.commit().setMessage(rel).setAuthor(at(when)).setCommitter(at(when)).call();
    }

    private static List<Path> kept(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) return List.of();
        try (var s = Files.list(cache)) { return s.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
    }

    @Test void datesAreWalkedOncePerCommitAndKept(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo"), cache = tmp.resolve("cache/history");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, repo, "docs/content/pages/a.yaml", "title: A\n", 1_700_000_000L);
            commit(git, repo, "docs/content/pages/b.yaml", "title: B\n", 1_700_100_000L);
            Path content = repo.resolve("docs/content");

            Map<String, Instant> walked = ContentRoot.of(content, cache).workTree().lastUpdated();
            assertEquals(Instant.ofEpochSecond(1_700_000_000L), walked.get("pages/a.yaml"));
            assertEquals(Instant.ofEpochSecond(1_700_100_000L), walked.get("pages/b.yaml"));
            assertEquals(Map.of(), ContentRoot.of(content).workTree().lastUpdated().entrySet().stream()
                    .filter(e -> !e.getValue().equals(walked.get(e.getKey()))).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "the same dates with and without the cache");
            List<Path> files = kept(cache);
            assertEquals(1, files.size(), files.toString());

            // The kept dates are what a later run reads: a changed entry shows through, so the history was not walked again.
            String text = Files.readString(files.get(0));
            Files.writeString(files.get(0), text.replace("1700000000", "1600000000"));
            assertEquals(Instant.ofEpochSecond(1_600_000_000L), ContentRoot.of(content, cache).workTree().lastUpdated().get("pages/a.yaml"));

            // A damaged file is walked again and replaced.
            Files.writeString(files.get(0), "{not json");
            assertEquals(walked, ContentRoot.of(content, cache).workTree().lastUpdated());

            // A new commit is a new history: walked, and kept beside the old one.
            commit(git, repo, "docs/content/pages/a.yaml", "title: A again\n", 1_700_200_000L);
            assertEquals(Instant.ofEpochSecond(1_700_200_000L), ContentRoot.of(content, cache).workTree().lastUpdated().get("pages/a.yaml"));
            assertEquals(2, kept(cache).size());

            // A version built from a revision uses the same cache: its commit's dates, not the work tree's.
            try (ContentRoot root = ContentRoot.of(content, cache); GitRevisionSource first = root.revision("HEAD~1")) {
                assertEquals(Instant.ofEpochSecond(1_700_000_000L), first.lastUpdated().get("pages/a.yaml"));
            }
        }
    }
}
