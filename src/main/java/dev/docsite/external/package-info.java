/**
 * check --external: every distinct external URL of a build asked once per run, with per-host limits
 * ({@link dev.docsite.external.HostScheduler}), retries, redirects, fragment checks and a cache of recent
 * successes ({@link dev.docsite.external.LinkCache}). Takes the links of a BuildResult; gives findings.
 * The only stage that uses the network.
 */
package dev.docsite.external;
