package dev.docsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process writes to: progress lines only on an interactive terminal, colour only there and never
 * with NO_COLOR set (https://no-color.org). Tests and CI logs see plain lines.
 */
final class Terminal {
    private Terminal() {}

    /** stdout and stderr are both a terminal (stdout: System.console(); stderr: where descriptor 2 points, on Linux). */
    static final boolean INTERACTIVE = System.console() != null && stderrIsTerminal();

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return INTERACTIVE && (noColor == null || noColor.isEmpty());
    }

    private static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd2)) return true;   // not Linux: trust System.console()
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** "error" and "warning" in a finding line in red and yellow, when colour is on. */
    static String paint(String findingLine) {
        if (!colour()) return findingLine;
        return findingLine.replaceFirst(": error ", ": \u001b[31merror\u001b[0m ").replaceFirst(": warning ", ": \u001b[33mwarning\u001b[0m ");
    }

    /**
     * One updating line on stderr ("rendering 412/1000 pages"), rewritten at most every 100 ms and cleared by
     * {@link #done()}. Does nothing unless {@code enabled}.
     */
    static final class Progress implements dev.docsite.site.SiteBuilder.Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private long last;
        private boolean shown;

        Progress(PrintWriter err, boolean enabled) { this.err = err; this.enabled = enabled; }

        /** Progress for a command: on a terminal, unless --quiet, and unless stdout carries a report format. */
        static Progress of(PrintWriter err, CommonOptions.Output o, boolean reportOnStdout) {
            return new Progress(err, INTERACTIVE && !o.quiet && !reportOnStdout);
        }

        @Override public synchronized void rendered(int done, int total) {
            if (!enabled) return;
            long now = System.nanoTime();
            if (done < total && now - last < 100_000_000L) return;
            last = now;
            err.print("\rrendering " + done + "/" + total + (total == 1 ? " page" : " pages") + "\u001b[K");
            err.flush();
            shown = true;
        }

        synchronized void done() {
            if (!shown) return;
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
