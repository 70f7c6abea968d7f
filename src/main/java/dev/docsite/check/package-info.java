/**
 * Stage 4, checks: reads a written build and reports {@link dev.docsite.report.Finding}s: internal links
 * and ids, catalog rules that need the built versions, error tables read back from the HTML, translations,
 * and external links. Takes a BuildResult; gives findings. Writes nothing.
 */
package dev.docsite.check;
