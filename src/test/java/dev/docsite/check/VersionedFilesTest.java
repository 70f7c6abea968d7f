package dev.docsite.check;

import dev.docsite.TestSite;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files beside pages are copied per version from that version's source: a version built from a git ref gets the ref's files. */
class VersionedFilesTest {
    @Test void eachVersionGetsAndChecksItsOwnFiles(@TempDir Path tmp) throws Exception {
        TestSite t = TestSite.valid(tmp);
        t.write("site.yaml", Files.readString(t.content.resolve("site.yaml")).replace("  - name: \"1.0\"\n", "  - name: \"1.0\"\n    ref: release-1.0\n"));
        String setup = Files.readString(t.content.resolve("pages/admin/setup.yaml"));
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            Files.write(t.content.resolve("pages/admin/diagram.png"), new byte[]{1});
            t.write("pages/admin/setup.yaml", setup + "\n  image::diagram.png[Diagram]\n");
            git.add().addFilepattern("content").call();
            git.commit().setMessage("1.0").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
            git.tag().setName("release-1.0").setAnnotated(false).call();

            // The work tree (2.0) renames the picture.
            Files.delete(t.content.resolve("pages/admin/diagram.png"));
            Files.write(t.content.resolve("pages/admin/diagram-v2.png"), new byte[]{2});
            t.write("pages/admin/setup.yaml", setup + "\n  image::diagram-v2.png[Diagram]\n");
            TestSite.Run ok = t.run("build");
            assertEquals(0, ok.exit(), ok.err());
            assertArrayEquals(new byte[]{1}, Files.readAllBytes(t.out.resolve("1.0/admin/diagram.png")));
            assertArrayEquals(new byte[]{2}, Files.readAllBytes(t.out.resolve("2.0/admin/diagram-v2.png")));
            assertFalse(Files.exists(t.out.resolve("2.0/admin/diagram.png")));
            assertFalse(Files.exists(t.out.resolve("1.0/admin/diagram-v2.png")));

            // Pointing the work tree at the old name breaks 2.0 only; 1.0 still has it at its ref.
            t.write("pages/admin/setup.yaml", setup + "\n  image::diagram.png[Diagram]\n");
            TestSite.Run broken = t.run("build");
            assertEquals(1, broken.exit(), broken.err());
            int line = (int) (setup + "\n  image::diagram.png").lines().count();
            assertTrue(broken.err().contains("pages/admin/setup.yaml:" + line + ": error link/missing-file: 'diagram.png' does not exist in this version"), broken.err());
            assertTrue(broken.err().contains("[version 2.0]"), broken.err());
            assertFalse(broken.err().contains("[versions"), "one version only: " + broken.err());
        }
    }
}
