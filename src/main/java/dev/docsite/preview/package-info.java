/**
 * Per-commit previews: builds the content at a git revision through the build transaction into
 * site/preview/&lt;short-sha&gt;/ and compares it with its base, page by page, for a Markdown review summary.
 */
package dev.docsite.preview;
