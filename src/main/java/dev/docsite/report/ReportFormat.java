package dev.docsite.report;

/** How a check run reports its findings. Lower-case names are what {@code --format} accepts. */
public enum ReportFormat {
    /** One line per finding, {@code path:line:col: severity rule-id: message}, then a summary line. */
    text,
    /** One JSON document: findings and counts, for scripts. */
    json,
    /** JUnit XML, for CI systems that show test reports. */
    junit,
    /** SARIF 2.1.0, for code-scanning tools. */
    sarif,
    /** GitHub Actions workflow annotations, plus a Markdown job summary. */
    github
}
