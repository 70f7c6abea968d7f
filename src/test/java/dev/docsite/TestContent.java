package dev.docsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Edits a writer makes while previewing, on files of a {@link dev.docsite.TestSite}. */
public final class TestContent {
    private TestContent() {}

    /** Replaces the first occurrence of {@code from} in a file, failing when it is not there. */
    public static void edit(Path f, String from, String to) {
        try {
            String s = Files.readString(f);
            if (!s.contains(from)) throw new IllegalArgumentException(f + " does not contain " + from);
            Files.writeString(f, s.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the repository's templates, for tests that edit them. */
    public static Path copyTemplates(Path to) {
        Path from = Path.of("templates");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
