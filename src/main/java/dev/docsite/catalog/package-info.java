/**
 * The error catalog model and its rules: entries as written in errors/*.yaml, the structural rules on them
 * (unique ids, formats, silent fallbacks) and the HTML the catalog macros render. Takes loaded catalogs;
 * gives problems and HTML fragments. Used by content (loading) and render (macros).
 */
package dev.docsite.catalog;
