#!/usr/bin/env bash
# docsite before/after: this checkout against another commit, builds alternating in one loop, so that a
# machine whose speed drifts between runs (a shared or throttled VM) drifts for both sides alike.
# Measures, on the generated 1,000-page corpus, a one-page rebuild with the render cache and the published
# site present (a new paragraph appended to one page each run), and, on the default content, a cold build
# (--no-cache). Each side has its own copy of the content and its own output and cache; JVM start included.
# Prints every pair (wall s, CPU s) and the medians, and how many pairs this checkout won.
#
# Usage: bench/ab.sh REF            e.g. bench/ab.sh HEAD~3      Env: RUNS=5 WORK=/tmp/docsite-ab
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
ref="${1:?usage: bench/ab.sh REF (a commit to compare this checkout with)}"
runs="${RUNS:-5}"; work="${WORK:-/tmp/docsite-ab}"
mkdir -p "$work"
base="$work/base"
rev="$(git rev-parse --verify "$ref^{commit}")"
if [ ! -d "$base/.git" ] || [ "$(git -C "$base" rev-parse HEAD)" != "$rev" ]; then
  rm -rf "$base"; git clone -q "$here" "$base"; git -C "$base" checkout -q "$rev"
fi
(cd "$base" && ./docsite --version >/dev/null)   # builds each side's jar (and class-data archive) if needed
./docsite --version >/dev/null

corpus="$work/corpus-1000-1"
[ -d "$corpus" ] || java bench/GenerateCorpus.java "$corpus" 1000 1 >/dev/null
page="pages/admin/section-01/page-151.yaml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# timed SIDE_DIR LOG ARGS...: one ./docsite build of that side, appends "wall cpu" to LOG
timed() {
  local dir="$1" log="$2"; shift 2
  local t; t="$(mktemp)"
  (cd "$dir" && /usr/bin/time -f "%e %U %S" -o "$t" ./docsite build --quiet "$@" >/dev/null 2>"$work/last.err") || { cat "$work/last.err" >&2; rm -f "$t"; return 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$t" >>"$log"; rm -f "$t"
}

for side in base this; do
  dir="$base"; [ "$side" = this ] && dir="$here"
  rm -rf "$work/$side-content" "$work/$side-out" "$work/$side-out.cache"
  cp -r "$corpus" "$work/$side-content"
  (cd "$dir" && ./docsite build --quiet --content "$work/$side-content" --out "$work/$side-out" >/dev/null 2>&1) || true
  printf '\n  Edited paragraph 0.\n' >>"$work/$side-content/$page"   # one rebuild each, so both start warm
  (cd "$dir" && ./docsite build --quiet --content "$work/$side-content" --out "$work/$side-out" >/dev/null 2>&1) || true
  : >"$work/$side-onepage"; : >"$work/$side-cold"
done

echo "docsite before/after — this checkout ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with uncommitted changes')) against $(git rev-parse --short "$rev"), $(nproc) cores, $runs alternating pairs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# row FILE: pair $i of FILE's "wall cpu" lines
row() { sed -n "${i}p" "$1" | awk '{printf "%s s (%s s CPU)", $1, $2}'; }

echo "| pair | one page changed, 1,000 pages: base | this | default content cold: base | this |"
echo "|------|-------------------------------------|------|----------------------------|------|"
for i in $(seq "$runs"); do
  for side in base this; do
    dir="$base"; [ "$side" = this ] && dir="$here"
    printf '\n  Edited paragraph %s.\n' "$i-$side-$RANDOM" >>"$work/$side-content/$page"
    timed "$dir" "$work/$side-onepage" --content "$work/$side-content" --out "$work/$side-out"
    rm -rf "$work/$side-default"
    timed "$dir" "$work/$side-cold" --no-cache --out "$work/$side-default"
  done
  echo "| $i | $(row "$work/base-onepage") | $(row "$work/this-onepage") | $(row "$work/base-cold") | $(row "$work/this-cold") |"
done
echo
for m in onepage cold; do
  b=$(cut -d' ' -f1 "$work/base-$m" | median); t=$(cut -d' ' -f1 "$work/this-$m" | median)
  bc=$(cut -d' ' -f2 "$work/base-$m" | median); tc=$(cut -d' ' -f2 "$work/this-$m" | median)
  won=$(paste -d' ' "$work/base-$m" "$work/this-$m" | awk '$3 < $1 {n++} END {print n + 0}')
  label="one page changed"; [ "$m" = cold ] && label="default content cold"
  echo "$label: median $b s ($bc s CPU) before, $t s ($tc s CPU) after; this checkout faster in $won of $runs pairs"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
