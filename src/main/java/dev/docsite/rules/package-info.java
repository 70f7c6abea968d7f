/**
 * The rule registry: every rule any stage reports, declared once with its id, default severity, what it
 * expects, why, and how to fix it. Reports, the docs/rules.md reference and `docsite rules` read it.
 * Depends on nothing; every stage depends on it.
 */
package dev.docsite.rules;
