#!/usr/bin/env bash
# Link check benchmarks.
#  1. Internal checks (xrefs, anchors, duplicate ids, files, alias redirects, version switcher) on the
#     generated 1,000-page corpus in 1 and 2 versions: the checks alone, after one build in the same JVM.
#     Target: under 1 s.
#  2. External checks of 200 distinct URLs on local HTTP servers (8 loopback addresses, 50 ms latency,
#     concurrency 16, 2 per host). Target: within 2 x (URLs / concurrency x latency) = 1,250 ms; and an
#     unchanged second run served from the on-disk cache with no request.
#
# Usage: bench/links.sh [PAGES]      (default 1000)
# Env:   WORK=/tmp/docsite-bench  RUNS=5
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/links.md")   # the stored output README.md quotes
pages="${1:-1000}"
runs="${RUNS:-5}"
work="${WORK:-/tmp/docsite-bench}"
mkdir -p "$work" target/bench
./docsite --version >/dev/null   # builds target/docsite.jar if the sources changed
javac -d target/bench -cp target/docsite.jar bench/InternalLinksBench.java bench/ExternalLinksBench.java
flags=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn256m -Xss4m)   # as the ./docsite launcher runs
cp="target/docsite.jar:target/bench"

fail=0
echo "== link check benchmarks — $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for v in 1 2; do
  dir="$work/corpus-$pages-$v"
  [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$pages" "$v" >/dev/null
  java "${flags[@]}" -cp "$cp" InternalLinksBench "$dir" "$runs" "$work/.links-render-cache-$pages-$v" || fail=1
done
java "${flags[@]}" -cp "$cp" ExternalLinksBench 200 50 16 2 8 "$runs" || fail=1
java "${flags[@]}" -cp "$cp" ExternalLinksBench 200 50 16 2 8 "$runs" --fragments || fail=1
exit $fail
