#!/usr/bin/env bash
# docsite build benchmark: generated corpora of N pages (~170 lines each) in 1 and 2 versions.
# Reports wall time, pages/s and peak RSS for a cold full build (empty render cache) and for a rebuild
# with nothing changed (on-disk render cache), each through the ./docsite launcher (JVM start included),
# plus the default site. Medians of RUNS runs (default 3).
#
# Then the weight a reader downloads (bench/weights.js, Node): per page the HTML (mean and max), its
# navigation, the page without its article; the search index (files, bytes, build time); and the index
# bytes a first query loads, for typical two-word queries. At 1,000 pages, and at 10,000 with LARGE=1
# (a 10,000-page build takes several minutes on 2 cores).
#
# Usage: bench/run.sh [SIZES...]     e.g. bench/run.sh 100 1000   (default: 100 1000)
# Env:   RUNS=3  WORK=/tmp/docsite-bench  LARGE=1 (weights at 10,000 pages too)  WEIGHTS_ONLY=1 (skip the build timings)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/build.md")   # the stored output README.md quotes
runs="${RUNS:-3}"
work="${WORK:-/tmp/docsite-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
mkdir -p "$work"
./docsite --version >/dev/null   # builds the jar (and, through mvn package, the class-data archive) if needed
./docsite --version >/dev/null

# one_run CONTENT OUT -> prints "seconds peak_kib"
one_run() {
  local log; log="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$log" ./docsite build --quiet --content "$1" --out "$2" >/dev/null
  cat "$log"; rm -f "$log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # LABEL CONTENT PAGES_BUILT
  local label="$1" content="$2" pages="$3" out="$work/out" cache="$work/.docsite-cache"
  local cold_t=() cold_m=() warm_t=() warm_m=()
  for _ in $(seq "$runs"); do
    rm -rf "$out" "$cache"
    read -r t m < <(one_run "$content" "$out"); cold_t+=("$t"); cold_m+=("$m")
    read -r t m < <(one_run "$content" "$out"); warm_t+=("$t"); warm_m+=("$m")
  done
  local ct cm wt wm
  ct=$(printf '%s\n' "${cold_t[@]}" | median); cm=$(printf '%s\n' "${cold_m[@]}" | sort -n | tail -1)
  wt=$(printf '%s\n' "${warm_t[@]}" | median); wm=$(printf '%s\n' "${warm_m[@]}" | sort -n | tail -1)
  printf '| %-24s | %6d | %8.2f s | %7.0f | %6.0f MiB | %8.2f s | %6.0f MiB |\n' "$label" "$pages" "$ct" \
    "$(awk -v p="$pages" -v t="$ct" 'BEGIN{print p/t}')" "$(awk -v m="$cm" 'BEGIN{print m/1024}')" \
    "$wt" "$(awk -v m="$wm" 'BEGIN{print m/1024}')"
}

weights() { # PAGES: one build of the 1-version corpus, then page and query bytes
  local n="$1" dir="$work/corpus-$1-1" out="$work/weights-$1" log
  [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$n" 1 >/dev/null
  rm -rf "$out"; log="$(mktemp)"
  DOCSITE_TIMING=1 ./docsite build --quiet --content "$dir" --out "$out" --no-cache 2>"$log" >/dev/null
  local idx; idx="$(grep -o 'search index .*' "$log" | sed 's/^search index [^:]*: //' | paste -sd ';' -)"; rm -f "$log"
  node bench/weights.js "$out/1.0" | N="$n" IDX="$idx" python3 -c '
import json, os, sys
r = json.load(sys.stdin); q = r["queries"]; kb = lambda b: "%.1f kB" % (b / 1000)
qb = sorted(x["bytes"] for x in q)
print("| %6d | %s / %s | %s / %s | %s / %s | %d files, %s (%s) | %s / %s |" % (int(os.environ["N"]),
  kb(r["html"]["mean"]), kb(r["html"]["max"]), kb(r["nav"]["mean"]), kb(r["nav"]["max"]),
  kb(r["withoutArticle"]["mean"]), kb(r["withoutArticle"]["max"]), r["index"]["files"], kb(r["index"]["bytes"]),
  os.environ["IDX"], kb(qb[len(qb) // 2]), kb(qb[-1])))
for x in q: print("|        | query \"%s\": %s in %d files, %d results" % (x["query"], kb(x["bytes"]), x["files"], x["results"]), file=sys.stderr)
'
}

if [ -n "${WEIGHTS_ONLY:-}" ]; then sizes=(); fi

echo "docsite build benchmark — $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs (peak RSS: max), load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| corpus                   | pages  | cold      | pages/s | cold RSS   | no change | RSS        |"
echo "|--------------------------|--------|-----------|---------|------------|-----------|------------|"
[ -n "${WEIGHTS_ONLY:-}" ] || measure "default content (2 vers.)" content "$(find content/pages -name '*.yaml' ! -name _section.yaml | wc -l)"
for n in "${sizes[@]}"; do
  for v in 1 2; do
    dir="$work/corpus-$n-$v"
    [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$n" "$v" >/dev/null
    measure "$n pages x $v version(s)" "$dir" $((n * v))
  done
done

echo
echo "Weight per page and search bytes per query (1 version, sections of 50 pages; queries: $(node -e 'console.log("policy enrollment, token retry, device compliance, session cache, tenant consent, network fallback")'))"
echo
echo "| pages  | page HTML mean / max | navigation mean / max | page without article mean / max | search index (build time) | query bytes median / max |"
echo "|--------|----------------------|-----------------------|---------------------------------|---------------------------|--------------------------|"
weights 1000
[ -z "${LARGE:-}" ] || weights 10000
