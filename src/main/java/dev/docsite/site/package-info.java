/**
 * Stage 3, site: filters content per version, renders every distinct page once (through the cache, in
 * parallel), resolves links per version, lays pages out and writes the site files into a folder, and
 * publishes a folder atomically. Takes content and a renderer; gives a {@link dev.docsite.site.BuildResult}.
 */
package dev.docsite.site;
