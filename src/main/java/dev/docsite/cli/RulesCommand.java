package dev.docsite.cli;

import dev.docsite.rules.RulesDoc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "rules", description = "List every rule docsite checks, with its default severity and what it expects (markdown: the guide's docs/rules.md).")
final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin CommonOptions.Output output;

    enum Format { text, markdown }

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override public Integer call() {
        spec.commandLine().getOut().print(format == Format.markdown ? RulesDoc.markdown() : RulesDoc.text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
