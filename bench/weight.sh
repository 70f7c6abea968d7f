#!/usr/bin/env bash
# What a reader downloads: the CSS and JavaScript every page loads, the search engine loaded on first
# use, and each version's search index, raw and gzipped (gzip -9), for the default content.
# Writes bench/results/weight.md (the figures README.md quotes).
#
# Usage: bench/weight.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./docsite build --quiet --out "$out/site" >/dev/null

raw() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f kB", b / 1000 }'; }

css="$out/site/_/docsite.css" js="$out/site/_/docsite.js" engine="$out/site/_/search.js"
page_raw=$(( $(raw "$css") + $(raw "$js") )); page_gz=$(( $(gz "$css") + $(gz "$js") ))
search_raw=$(( page_raw + $(raw "$engine") )); search_gz=$(( page_gz + $(gz "$engine") ))
{
  echo "# Page weight (bench/weight.sh, default content)"
  echo
  echo "| what | bytes | gzipped |"
  echo "|---|---|---|"
  echo "| CSS + JavaScript of every page (docsite.css, docsite.js) | $page_raw ($(kb $page_raw)) | $page_gz ($(kb $page_gz)) |"
  echo "| the same once search has loaded (+ search.js) | $search_raw ($(kb $search_raw)) | $search_gz ($(kb $search_gz)) |"
  for dir in "$out"/site/*/_search; do
    v="$(basename "$(dirname "$dir")")"
    files=$(find "$dir" -type f | wc -l | tr -d ' ')
    bytes=$(find "$dir" -type f -exec cat {} + | wc -c | tr -d ' ')
    echo "| search index of version $v, all $files files (a query loads the manifest and a few of them) | $bytes ($(kb "$bytes")) | |"
  done
} | tee bench/results/weight.md
