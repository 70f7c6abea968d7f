package dev.docsite.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docsite.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** docsite's SARIF for a real run passes the official schema and GitHub's ingestion rules (Microsoft's multitool). */
class SarifValidationTest {
    @TempDir Path dir;

    @Test void aRealCheckRunsSarifPassesTheSchemaAndGitHubsRules() throws Exception {
        // The reviewed table of the seed against the product's translations: findings of several rules.
        Fixture.Run run = Fixture.main("check", "--content", "src/test/resources/seed-review/content", "--templates", Fixture.TEMPLATES.toString(),
                "--no-cache", "--out", dir.resolve("site").toString(), "--format", "sarif",
                "--upstream-i18n", "src/test/resources/upstream/mattermost-server-en.intune.json");
        assertEquals(1, run.exitCode(), run.err());
        Path log = dir.resolve("docsite.sarif");
        Files.writeString(log, run.out());
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertTrue(sarif.at("/runs/0/results").size() >= 2, run.out());
        assertEquals(java.util.Set.of(), SarifMultitool.officialSchema().validate(sarif));

        List<JsonNode> problems = SarifMultitool.validate(log, dir);
        assertEquals(List.of(), problems.stream().map(r -> r.get("ruleId").asText() + ": " + r.at("/message/text").asText()).toList(),
                "the multitool found problems in docsite's SARIF");
    }

    @Test void theMultitoolIsRealItReportsAToolWithoutRuleHelp() throws Exception {
        // The same kind of log without fullDescription/help: GitHub's rule GH2012-style checks must object.
        Path log = dir.resolve("bare.sarif");
        Files.writeString(log, """
                {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"docsite",
                "rules":[{"id":"link/missing-anchor","shortDescription":{"text":"link/missing-anchor"}}]}},
                "results":[{"ruleId":"link/missing-anchor","ruleIndex":0,"level":"error","message":{"text":"no such anchor"},
                "locations":[{"physicalLocation":{"artifactLocation":{"uri":"content/pages/a.yaml"},"region":{"startLine":3}}}]}]}]}
                """);
        List<JsonNode> problems = SarifMultitool.validate(log, dir);
        assertFalse(problems.isEmpty(), "the multitool accepted a log GitHub would flag");
    }
}
