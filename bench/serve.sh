#!/usr/bin/env bash
# docsite serve benchmark: time from saving a one-page edit to the new page being served, on the
# default content and on generated corpora. For each corpus, the common path: `./docsite build`, then
# `./docsite serve` on the same output and cache (a copy of the content, so the repository is never
# edited), so serve's start-up build is all cache hits; wait for it, then run
# bench/ServeLatency.java: EDITS edits after WARMUP warm-up edits (0: the first edit counts), each timed from the file write to
# the moment a GET of the page returns the new text (it waits for the reload event first, as a browser
# does). Prints median and 95th percentile per corpus.
#
# Usage: bench/serve.sh [SIZES...]     e.g. bench/serve.sh 1000   (default: 1000)
# Env:   EDITS=40 WARMUP=0 VERSIONS=1 PORT=8931 WORK=/tmp/docsite-serve-bench
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/serve.md")   # the stored output README.md quotes
edits="${EDITS:-40}"; warmup="${WARMUP:-0}"; versions="${VERSIONS:-1}"
port="${PORT:-8931}"; work="${WORK:-/tmp/docsite-serve-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000)
mkdir -p "$work"
./docsite --version >/dev/null   # builds the jar (and, through mvn package, the class-data archive) if needed
./docsite --version >/dev/null

server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=""; }
trap stop EXIT

# run LABEL CONTENT PAGE_ID
run() {
  local label="$1" content="$2" page="$3" log="$work/serve.log"
  rm -rf "$work/site" "$work/cache"
  ./docsite build --quiet --content "$content" --out "$work/site" --cache "$work/cache" >/dev/null
  ./docsite serve --content "$content" --out "$work/site" --cache "$work/cache" --port "$port" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 600); do grep -q '^Serving' "$log" && break; kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }; sleep 0.5; done
  grep -q '^Serving' "$log" || { echo "serve did not start: $(cat "$log")"; exit 1; }
  local first; first="$(head -1 "$log")"
  local result; result="$(java bench/ServeLatency.java "http://127.0.0.1:$port/" "$content/pages/$page.yaml" "$page" "$edits" "$warmup")"
  stop
  local median p95
  median="$(sed -E 's/.*median: ([0-9]+) ms.*/\1/' <<<"$result")"; p95="$(sed -E 's/.*p95: ([0-9]+) ms.*/\1/' <<<"$result")"
  first_edit="$(sed -E 's/.*first edit: ([0-9]+) ms.*/\1/' <<<"$result")"
  printf '| %-28s | %-26s | %6s ms | %6s ms | %6s ms |\n' "$label" "$page" "$median" "$p95" "$first_edit"
  echo "    first build: ${first#* }; $result" >&2
}

echo "docsite serve benchmark — $(nproc) cores, $(java -version 2>&1 | head -1), $edits edits after $warmup warm-up, save to served"
echo
echo "| corpus                       | edited page                | median    | p95       | first edit |"
echo "|------------------------------|----------------------------|-----------|-----------|------------|"
rm -rf "$work/default"; cp -r content "$work/default"
run "default content" "$work/default" admin/operation/troubleshoot
for n in "${sizes[@]}"; do
  dir="$work/corpus-$n-$versions"
  [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$n" "$versions" >/dev/null
  mid=$(( (n / 2) / 3 * 3 + 1 ))   # an admin page in the middle of the corpus (GenerateCorpus: 50 per section and audience)
  run "$n pages x $versions version(s)" "$dir" "$(printf 'admin/section-%02d/page-%d' $(( mid / 3 / 50 )) "$mid")"
done
