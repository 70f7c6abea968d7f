/**
 * The writers' loop, docsite serve: a live site kept current through the build transaction (only what an
 * edit touches is parsed, rendered and written), a watcher that batches file events, and a 127.0.0.1-only
 * HTTP server with live reload.
 */
package dev.docsite.serve;
