/**
 * Stage 2, render: converts one page body with one warm Asciidoctor (docsite's macros, live examples,
 * confined includes) into a {@link dev.docsite.render.RenderResult}: body HTML with unresolved internal
 * links, anchors, headings, references and messages at body lines. Takes a page and its version's inputs;
 * gives cacheable results. Also holds the FreeMarker layout and the render cache.
 */
package dev.docsite.render;
