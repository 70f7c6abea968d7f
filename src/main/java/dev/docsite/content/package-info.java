/**
 * Stage 1, content: reads a content root (a folder, or a folder at a git revision) into a validated
 * {@link dev.docsite.content.ContentSet}: site settings, pages, error catalogs and schemas, each value with the
 * file, line and column it was written at. Takes files; gives immutable content and {@link dev.docsite.content.Problem}s.
 * Depends on nothing of docsite but the rule registry.
 */
package dev.docsite.content;
