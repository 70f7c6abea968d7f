package dev.docsite.content;

import dev.docsite.rules.SecurityRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps reads inside a folder: a file is read only when its real path (symbolic links followed) lies
 * inside the folder's real path. Content may come from an untrusted pull request, and a link to
 * /etc/passwd or /proc/self/environ must not be published.
 */
public final class Confinement {
    private final Path root;
    private final String shown;
    private volatile Path realRoot;

    /** @param shown how the folder is named in messages, e.g. "content" */
    public Confinement(Path root, String shown) {
        this.root = root.toAbsolutePath().normalize();
        this.shown = shown;
    }

    /** The file's real path, or a {@link ContentReadException} (security/outside-content) when it leaves the folder. */
    public Path check(Path file) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            // A dangling link or a missing file: refuse links that point out even when the target is missing.
            if (Files.isSymbolicLink(file)) {
                Path target = file.getParent().resolve(Files.readSymbolicLink(file)).normalize();
                if (!target.startsWith(realRoot()) && !target.startsWith(root)) throw outside(file);
            }
            throw e;
        }
        if (!real.startsWith(realRoot())) throw outside(file);
        return real;
    }

    private Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null) realRoot = r = root.toRealPath();
        return r;
    }

    private ContentReadException outside(Path file) {
        String rel = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return new ContentReadException(SecurityRules.OUTSIDE_CONTENT.id(), 1, "'" + rel + "' resolves outside " + shown + "/"
                + " (a symbolic link or path leading out of the folder); the build reads only files inside " + shown + "/");
    }
}
