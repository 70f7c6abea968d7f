#!/usr/bin/env bash
# docsite build benchmark: generated corpora of N pages (~170 lines each) in 1 and 2 versions.
# Reports wall time, pages/s and peak RSS for a cold full build (empty render cache) and for a rebuild
# with nothing changed (on-disk render cache), each through the ./docsite launcher (JVM start included),
# plus the default site. Medians of RUNS runs (default 3).
#
# Usage: bench/run.sh [SIZES...]     e.g. bench/run.sh 100 1000   (default: 100 1000)
# Env:   RUNS=3  WORK=/tmp/docsite-bench
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/build.md")   # the stored output README.md quotes
runs="${RUNS:-3}"
work="${WORK:-/tmp/docsite-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
mkdir -p "$work"
./docsite --version >/dev/null   # builds the jar and the class-data archive if needed
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

echo "docsite build benchmark — $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs (peak RSS: max), load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| corpus                   | pages  | cold      | pages/s | cold RSS   | no change | RSS        |"
echo "|--------------------------|--------|-----------|---------|------------|-----------|------------|"
measure "default content (2 vers.)" content "$(find content/pages -name '*.yaml' | wc -l)"
for n in "${sizes[@]}"; do
  for v in 1 2; do
    dir="$work/corpus-$n-$v"
    [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$n" "$v" >/dev/null
    measure "$n pages x $v version(s)" "$dir" $((n * v))
  done
done
