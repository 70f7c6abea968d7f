#!/usr/bin/env bash
# docsite check benchmark: how long `docsite check` spends beyond the build on generated corpora of N
# pages (~170 lines each) in 1 and 2 versions. The checks are everything after rendering and writing:
# internal links, the catalog rules, generated error tables read back from the written HTML, hand-written
# tables and drift. The render cache is warmed first so each run's build part is short and steady.
# Reports medians of RUNS runs of: build, checks (wall) and checks (CPU of all threads; on a busy machine
# wall time grows with other load, CPU time does not). The load average is printed for that reason.
#
# Usage: bench/check.sh [SIZES...]     e.g. bench/check.sh 1000   (default: 1000)
# Env:   RUNS=3  WORK=/tmp/docsite-bench
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/check.md")   # the stored output README.md quotes
runs="${RUNS:-3}"
work="${WORK:-/tmp/docsite-bench}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000)
mkdir -p "$work"
./docsite --version >/dev/null   # builds the jar (and, through mvn package, the class-data archive) if needed
./docsite --version >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # LABEL CONTENT
  local label="$1" content="$2" cache="$work/.check-cache-$(basename "$2")" build=() wall=() cpu=()
  DOCSITE_TIMING=1 ./docsite check --content "$content" --cache "$cache" >/dev/null 2>&1 || true   # warm the render cache
  for _ in $(seq "$runs"); do
    # "timing: build 9798 ms; checks 1841 ms (830 ms CPU)"
    read -r b w c < <(DOCSITE_TIMING=1 ./docsite check --content "$content" --cache "$cache" 2>&1 >/dev/null \
      | sed -n 's/^timing: build \([0-9]*\) ms; checks \([0-9]*\) ms (\([0-9]*\) ms CPU)$/\1 \2 \3/p')
    build+=("$b"); wall+=("$w"); cpu+=("$c")
  done
  printf '| %-24s | %8d ms | %8d ms | %8d ms |\n' "$label" \
    "$(printf '%s\n' "${build[@]}" | median)" "$(printf '%s\n' "${wall[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)"
}

echo "docsite check benchmark — $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| corpus                   | build (cached) | checks wall | checks CPU |"
echo "|--------------------------|----------------|-------------|------------|"
measure "default content (2 vers.)" content
for n in "${sizes[@]}"; do
  for v in 1 2; do
    dir="$work/corpus-$n-$v"
    [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$n" "$v" >/dev/null
    measure "$n pages x $v version(s)" "$dir"
  done
done
