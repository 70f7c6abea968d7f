/**
 * The command line: thin picocli commands that turn options into a build plan, run it and print the
 * outcome. Exit codes: 0 success, 1 content findings, 2 usage or configuration.
 */
package dev.docsite.cli;
