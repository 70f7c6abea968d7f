/**
 * Stage 5, report: findings and the formats they are written in (text, JSON, JUnit, SARIF, GitHub
 * annotations). Takes findings; gives reports. Rule descriptions come from the registry ({@link dev.docsite.rules}).
 */
package dev.docsite.report;
