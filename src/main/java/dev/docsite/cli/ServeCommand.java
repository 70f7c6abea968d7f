package dev.docsite.cli;

import dev.docsite.build.BuildFailure;
import dev.docsite.serve.LiveSite;
import dev.docsite.serve.Serve;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = {"Build the site, serve it on 127.0.0.1 and keep it current: each saved change under the content and "
                + "templates folders rebuilds only what it touches, and open pages reload by themselves. A change that "
                + "breaks the build shows its problems, with file and line, in the browser until it is fixed."})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("--port " + port + ": expected a port number from 0 to 65535");
            return 2;
        }
        if (!Files.isDirectory(common.content)) {
            err.println(common.content + ": content folder not found (expected site.yaml, pages/, errors/; set it with --content DIR)");
            return 2;
        }
        try {
            // The one long-lived builder (renderer, cache): every rebuild after an edit reuses the warm Asciidoctor.
            Serve serve = Serve.start(common.content, common.templates(), common.out, common.builder(common.out, (done, total) -> { }), common.lastBuild(common.out), port, u -> log(u, out, err));
            out.println("Serving " + common.out + " at " + serve.server().url() + " (127.0.0.1 only); watching "
                    + common.content + (common.templates() == null ? " (theme: built-in)" : " and " + common.templates()) + ". Ctrl-C stops.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try { serve.close(); } catch (IOException ignored) { }
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        } catch (BuildFailure f) {
            return CommonOptions.failed(f, err);
        } catch (BindException e) {
            err.println("port " + port + " on 127.0.0.1 is in use (choose another with --port N)");
            return 2;
        } catch (IOException e) {
            err.println("cannot serve " + common.out + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void log(LiveSite.Update u, PrintWriter out, PrintWriter err) {
        String time = LocalTime.now().format(TIME);
        if (u.failed()) {
            err.println(time + " build broken (the browser shows this until it is fixed):");
            for (String p : u.problems()) err.println("  " + p);
            err.flush();
        } else if (u.changedAnything()) {
            out.printf("%s %d page%s written (%d rendered) in %d ms%n", time, u.pages(), u.pages() == 1 ? "" : "s", u.rendered(), u.millis());
            out.flush();
        }
    }

}
