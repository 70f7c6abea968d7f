/**
 * The build transaction every command shares: load, render, lay out into staging, run the checks, then
 * publish or abort ({@link dev.docsite.build.BuildTransaction}). Takes a content root and a plan; gives an
 * outcome with every finding of the run, each once. Commands differ only by their plan.
 */
package dev.docsite.build;
