package dev.docsite.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's SARIF multitool, installed from npm into target/ by the pom (generate-test-resources): it
 * ships the official SARIF 2.1.0 schema and validates logs with GitHub's code-scanning ingestion rules.
 */
final class SarifMultitool {
    static final Path HOME = Path.of("target/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux");

    private SarifMultitool() {}

    static Path installed(String file) {
        Path p = HOME.resolve(file);
        if (!Files.exists(p))
            throw new IllegalStateException(p + " is missing: `mvn -B verify` installs @microsoft/sarif-multitool-linux with npm (generate-test-resources)");
        return p;
    }

    /** The OASIS SARIF 2.1.0 schema (JSON Schema draft-04), as the multitool ships it. */
    static JsonSchema officialSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(installed("sarif-2.1.0.json").toFile());
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema, config);
    }

    /**
     * Runs {@code validate --rule-kind Gh;Sarif} on a log and returns the multitool's own results (the
     * problems it found in the log), read from its SARIF output.
     */
    static List<JsonNode> validate(Path log, Path workDir) throws IOException, InterruptedException {
        Path tool = installed("Sarif.Multitool");
        tool.toFile().setExecutable(true);   // npm may skip the package's chmod install script
        Path out = workDir.resolve("validation.sarif");
        Files.deleteIfExists(out);
        ProcessBuilder pb = new ProcessBuilder(tool.toAbsolutePath().toString(), "validate", "--rule-kind", "Gh;Sarif",
                "--output", out.toAbsolutePath().toString(), log.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("multitool.log").toFile());
        pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the SARIF multitool did not finish within 5 minutes");
        }
        if (!Files.exists(out)) throw new IllegalStateException("the SARIF multitool wrote no output:\n" + Files.readString(workDir.resolve("multitool.log")));
        List<JsonNode> results = new java.util.ArrayList<>();
        new ObjectMapper().readTree(out.toFile()).at("/runs/0/results").forEach(results::add);
        return results;
    }
}
