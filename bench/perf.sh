#!/usr/bin/env bash
# docsite performance table: every build-speed measure in one run, as issue-style targets read them.
# Each figure is the median of RUNS runs through the ./docsite launcher (JVM start included), with the
# highest peak RSS of those runs:
#   - cold build of the 1,000-page corpus (no cache, no previous site), and Antora 3.1.15 on the same
#     pages, alternating (bench/antora.sh), with the ratio docsite/Antora (the median of the runs' ratios), and in the same
#     alternation the plain AsciidoctorJ program (bench/PlainAsciidoctor.java): the floor under docsite's time;
#   - rebuild with nothing changed, 1,000 pages x 1 and x 2 versions;
#   - one page's body changed, render cache and previous site present (a one-page pull request in CI with
#     the cache restored), 1,000 pages;
#   - serve: save-to-served median and p95 over EDITS edits, counting the first edit after `build` then
#     `serve` (bench/ServeLatency.java), 1,000 pages;
#   - the default content: cold and unchanged;
#   - with LARGE=1, a cold build of 10,000 pages (one run: several minutes), its peak RSS and its time
#     over the 1,000-page cold median of the same run.
# CPU seconds (user + sys) are printed beside wall times: on a shared machine wall time grows with other
# load, CPU time much less. The load average at the start and the end is printed for that reason, and the CPU
# steal of the whole run (on a VM, time the host gave other guests: wall times from a run with much of it are slow).
#
# Usage: bench/perf.sh            Env: RUNS=3 EDITS=20 LARGE= WORK=/tmp/docsite-perf PORT=8932 ANTORA=1 (0: skip Antora)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/results
exec > >(tee "bench/results/perf.md")
runs="${RUNS:-3}"; edits="${EDITS:-20}"; work="${WORK:-/tmp/docsite-perf}"; port="${PORT:-8932}"
mkdir -p "$work"
./docsite --version >/dev/null   # builds the jar (and, through mvn package, the class-data archive) if needed
./docsite --version >/dev/null

. bench/antora.sh   # sourced: its functions only (antora_median, antora_steal; the Antora comparison itself runs below)
maximum() { sort -n | tail -1; }

# timed OUTFILE CONTENT OUT: one ./docsite build (cache beside OUT), appends "wall cpu peak_kib" to OUTFILE
timed() {
  local into="$1" content="$2" out="$3"
  local log; log="$(mktemp)"
  /usr/bin/time -f "%e %U %S %M" -o "$log" ./docsite build --quiet --content "$content" --out "$out" --cache "$out.cache" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; rm -f "$log"; return 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$log" >>"$into"; rm -f "$log"
}

# row LABEL FILE TARGET: a table row from the "wall cpu kib" lines of FILE
row() {
  local label="$1" f="$2" target="$3"
  local w c m
  w=$(cut -d' ' -f1 "$f" | antora_median); c=$(cut -d' ' -f2 "$f" | antora_median); m=$(cut -d' ' -f3 "$f" | maximum)
  printf '| %-44s | %8.2f s | %7.2f s | %7.0f MiB | %-22s |\n' "$label" "$w" "$c" "$(awk -v m="$m" 'BEGIN{print m/1024}')" "$target"
}

corpus() { # PAGES VERSIONS -> path
  local dir="$work/corpus-$1-$2"
  [ -d "$dir" ] || java bench/GenerateCorpus.java "$dir" "$1" "$2" >/dev/null
  echo "$dir"
}

build() { # CONTENT OUT: ./docsite build with the cache beside OUT
  ./docsite build --quiet --content "$1" --out "$2" --cache "$2.cache"
}

steal0=$(antora_steal)
echo "docsite performance — $(nproc) cores, $(java -version 2>&1 | head -1), median of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure                                      | wall      | CPU       | peak RSS    | target                 |"
echo "|----------------------------------------------|-----------|-----------|-------------|------------------------|"

c1=$(corpus 1000 1); c2=$(corpus 1000 2)

# Cold, 1,000 pages, with Antora alternating (bench/antora.sh prints its own lines to stderr).
if [ "${ANTORA:-1}" = 1 ]; then
  read -r d_s a_s ratio p_s p_ratio < <(RUNS="$runs" bench/antora.sh --ratio-only 1000)
  printf '| %-44s | %8.2f s | %9s | %11s | %-22s |\n' "cold 1,000 pages: docsite" "$d_s" "" "" "≤ 0.55 × Antora"
  printf '| %-44s | %8.2f s | %9s | %11s | %-22s |\n' "cold 1,000 pages: Antora 3.1.15 (same run)" "$a_s" "" "" ""
  printf '| %-44s | %10s | %9s | %11s | %-22s |\n' "docsite / Antora" "$ratio" "" "" "≤ 0.55"
  printf '| %-44s | %8.2f s | %9s | %11s | %-22s |\n' "cold 1,000 pages: plain AsciidoctorJ (floor)" "$p_s" "" "" ""
  printf '| %-44s | %10s | %9s | %11s | %-22s |\n' "plain AsciidoctorJ / Antora" "$p_ratio" "" "" ""
fi
f="$work/cold1000"; : >"$f"
for _ in $(seq "$runs"); do rm -rf "$work/cold" "$work/cold.cache"; timed "$f" "$c1" "$work/cold"; done
row "cold 1,000 pages x 1 (time, CPU, RSS)" "$f" ""
cold1000=$(cut -d' ' -f1 "$f" | antora_median)

for v in 1 2; do
  c=$(corpus 1000 "$v"); out="$work/warm$v"; rm -rf "$out" "$out.cache"; build "$c" "$out" >/dev/null
  f="$work/unchanged$v"; : >"$f"
  for _ in $(seq "$runs"); do timed "$f" "$c" "$out"; done
  row "nothing changed, 1,000 pages x $v" "$f" "$([ "$v" = 1 ] && echo '< 2 s' || echo '< 3 s')"
done

# One page's body changed: a new sentence each run, in a page in the middle of the corpus.
page="$c1/pages/admin/section-03/page-499.yaml"; cp "$page" "$work/page.orig"
f="$work/onepage"; : >"$f"
for i in $(seq "$runs"); do
  cp "$work/page.orig" "$page"
  sed -i "0,/^  == Section 1/s//  One more sentence, edit $i.\n\n  == Section 1/" "$page"
  timed "$f" "$c1" "$work/warm1"
done
cp "$work/page.orig" "$page"; build "$c1" "$work/warm1" >/dev/null
row "one page changed, 1,000 pages, cache present" "$f" "< 3 s"

# serve: build, then serve on the same output and cache; the first edit counts.
serve_out="$work/serve"; rm -rf "$serve_out" "$serve_out.cache"; cp -r "$c1" "$work/serve-content"
build "$work/serve-content" "$serve_out" >/dev/null
./docsite serve --content "$work/serve-content" --out "$serve_out" --cache "$serve_out.cache" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q '^Serving' "$work/serve.log" && break; kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }; sleep 0.5; done
result="$(java bench/ServeLatency.java "http://127.0.0.1:$port/" "$work/serve-content/pages/admin/section-03/page-499.yaml" admin/section-03/page-499 "$edits" 0)"
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work/serve-content"
med=$(sed -E 's/.*median: ([0-9]+) ms.*/\1/' <<<"$result"); p95=$(sed -E 's/.*p95: ([0-9]+) ms.*/\1/' <<<"$result"); first=$(sed -E 's/.*first edit: ([0-9]+) ms.*/\1/' <<<"$result")
printf '| %-44s | %7s ms | %9s | %11s | %-22s |\n' "serve, save to served, p50 ($edits edits)" "$med" "" "" "< 150 ms"
printf '| %-44s | %7s ms | %9s | %11s | %-22s |\n' "serve, save to served, p95" "$p95" "" "" "< 300 ms"
printf '| %-44s | %7s ms | %9s | %11s | %-22s |\n' "serve, first edit after build then serve" "$first" "" "" "as fast as the rest"

# The default content: cold (no cache, no site) and unchanged.
f="$work/defcold"; : >"$f"
for _ in $(seq "$runs"); do rm -rf "$work/def" "$work/def.cache"; timed "$f" content "$work/def"; done
row "default content, cold" "$f" "< 4 s"
f="$work/defwarm"; : >"$f"
for _ in $(seq "$runs"); do timed "$f" content "$work/def"; done
row "default content, nothing changed" "$f" "< 1 s"

if [ -n "${LARGE:-}" ]; then
  c10=$(corpus 10000 1); f="$work/cold10000"; : >"$f"
  rm -rf "$work/large" "$work/large.cache"; timed "$f" "$c10" "$work/large"
  row "cold 10,000 pages x 1 (one run)" "$f" "≤ 2 GiB RSS"
  printf '| %-44s | %10s | %9s | %11s | %-22s |\n' "10,000-page time / 1,000-page time" \
    "$(awk -v a="$(cut -d' ' -f1 "$f")" -v b="$cold1000" 'BEGIN{printf "%.1f", a/b}')" "" "" "≤ 10.5"
  rm -rf "$work/large" "$work/large.cache"
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); CPU steal during the run (time the host gave other guests, all cores): $(awk -v a="$steal0" -v b="$(antora_steal)" 'BEGIN{printf "%.0f", b - a}') s"
