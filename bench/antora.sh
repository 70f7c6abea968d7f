#!/usr/bin/env bash
# docsite against Antora 3.1.15 on the same generated corpus: cold builds, alternating the tools, RUNS times.
#
# The corpus is bench/GenerateCorpus.java's (N pages of ~170 lines, three audiences in sections of 50), with
# --antora writing its twin: one Antora component per version, the same pages as .adoc files (title, summary
# as :description:, the same body), one nav.adoc listing every page under its audience and section, and a
# playbook that builds from that folder, made a git repository here (Antora reads content from git).
#
# UI bundle: Antora's default UI bundle is downloaded from GitLab, which this machine cannot reach, so Antora
# runs with a minimal local bundle, bench/antora-ui/ zipped into the work folder: one layout that writes the
# page title, the navigation tree, breadcrumbs, the converted contents and previous/next links, and one
# stylesheet. Each page costs the same steps as with the default UI (convert, lay out with the navigation,
# write), minus the default UI's assets (CSS, JS, fonts copied once per build) and its heavier markup.
#
# Navigation: Antora's default UI puts the component version's whole navigation tree in every page; docsite
# puts in a page its audience's section headings and the pages of its own section only (docs/navigation.md).
# The table has Antora both ways: "full nav" (as Antora's default UI does) and "branch nav" (the bundle's
# nav=branch key: a page carries what a docsite page carries). --ratio-only uses ANTORA_NAV (default full).
#
# The floor: bench/PlainAsciidoctor.java, the plain AsciidoctorJ program the issue on speed measures against
# Antora (one shared Asciidoctor on every core, FreeMarker layout with the full navigation, written; nothing
# else), compiled against docsite's jar and run with docsite's JVM flags and its own class-data archive
# (recorded by one untimed run when missing, or when the jar or the program changed). It runs in the same alternation, so the
# table shows docsite's distance from the floor as well as from Antora, on the same machine in the same minutes.
#
# Cold builds: docsite with its render cache (.docsite-cache beside the output) and output removed before
# each run, through the ./docsite launcher (JVM start included); Antora with its output and cache folder
# removed (`antora generate --cache-dir`), failing on any warning (an unresolved xref would be one). Wall
# time, CPU time (user + sys) and peak RSS from /usr/bin/time. docsite renders on all cores; Antora is one
# Node process. After the runs it counts the pages each tool wrote and fails unless every tool wrote them all.
#
# Usage: bench/antora.sh [PAGES]                the table, also written to bench/results/antora.md
#        bench/antora.sh --ratio-only [PAGES]   prints one line: docsite_s antora_s ratio plain_s plain_ratio
#                                               (median wall times; each ratio over Antora's is the median of
#                                               the runs' ratios), for a combined table; each run on stderr
#        . bench/antora.sh; antora_ratio PAGES  the same line from a script that sources this one
# Env:   RUNS=3  VERSIONS=1  WORK=/tmp/docsite-antora-bench (npm install, corpora, outputs)
#        ANTORA_NAV=full|branch (--ratio-only and antora_ratio)
#        ANTORA_UI=ZIP: Antora's UI bundle instead of bench/antora-ui/ (for example its default bundle,
#        https://gitlab.com/antora/antora-ui-default/-/jobs/artifacts/HEAD/raw/build/ui-bundle.zip?job=bundle-stable);
#        the branch-nav run then builds what that bundle's layout does, which ignores the nav key
set -euo pipefail
antora_here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
antora_version=3.1.15

# median of the numbers on stdin
antora_median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# antora_pair_ratio "A1 A2 ..." "B1 B2 ...": the median of the runs' ratios A_i / B_i. Run i of each tool are
# neighbours in time, so each ratio is taken under about the same load; the ratio of the two medians could pair a
# run from a quiet minute with one from a busy minute.
antora_pair_ratio() {
  local a=($1) b=($2) i
  for i in "${!a[@]}"; do awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN {printf "%.4f\n", x / y}'; done | antora_median |
    awk '{printf "%.2f", $1}'
}

# antora_setup PAGES: installs Antora, builds docsite's jar, generates the corpus and its twin, zips the UI.
# Sets antora_work, antora_bin, antora_corpus, antora_twin, antora_pages (pages x versions).
antora_setup() {
  local n="$1" v="${VERSIONS:-1}"
  antora_work="${WORK:-/tmp/docsite-antora-bench}"
  antora_bin="$antora_work/npm/node_modules/.bin/antora"
  antora_corpus="$antora_work/corpus-$n-$v"
  antora_twin="$antora_work/antora-$n-$v"
  antora_pages=$((n * v))
  mkdir -p "$antora_work/npm"
  if ! "$antora_bin" -v 2>/dev/null | grep -q "site-generator: $antora_version"; then
    echo "installing @antora/cli@$antora_version and @antora/site-generator@$antora_version..." >&2
    (cd "$antora_work/npm" && { [ -f package.json ] || echo '{"private": true}' > package.json; } &&
      npm install --no-audit --no-fund --loglevel=error "@antora/cli@$antora_version" "@antora/site-generator@$antora_version" >&2)
  fi
  (cd "$antora_here" && ./docsite --version >/dev/null)   # builds target/docsite.jar if the sources changed
  if [ ! -d "$antora_corpus" ] || [ ! -d "$antora_twin/.git" ]; then
    rm -rf "$antora_corpus" "$antora_twin"
    (cd "$antora_here" && java bench/GenerateCorpus.java "$antora_corpus" "$n" "$v" --antora "$antora_twin" >&2)
    (cd "$antora_twin" && git init -q && git add -A &&
      git -c user.name=bench -c user.email=bench@localhost -c commit.gpgsign=false commit -qm "benchmark corpus")
  fi
  rm -f "$antora_twin/ui-bundle.zip"
  if [ -n "${ANTORA_UI:-}" ]; then
    # A UI bundle of one's own, such as Antora's default one where GitLab is reachable.
    cp "$ANTORA_UI" "$antora_twin/ui-bundle.zip"
  else
    (cd "$antora_here/bench/antora-ui" && zip -qrX "$antora_twin/ui-bundle.zip" .)
  fi
  antora_plain_setup
}

# antora_plain_setup: compiles bench/PlainAsciidoctor.java into a jar and records its class-data archive.
# Sets antora_plain (the java command line, without its two arguments).
antora_plain_setup() {
  local dir="$antora_work/plain" jar="$antora_here/target/docsite.jar"
  local src="$antora_here/bench/PlainAsciidoctor.java" flags=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn256m -Xss4m)
  # The archive is only taken with the class path it was recorded with: a checkout elsewhere, a rebuilt jar or an
  # edited program compiles and records again (a stale archive would be skipped silently, slowing the floor).
  local stamp; stamp="$jar $(stat -c %Y "$jar") $(sha256sum "$src" | cut -c1-16)"
  mkdir -p "$dir"
  if [ ! -f "$dir/plain.jar" ] || [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir/classes" "$dir/plain.jar" "$dir/plain.jsa"
    javac -cp "$jar" -d "$dir/classes" "$src" && jar cf "$dir/plain.jar" -C "$dir/classes" .
    echo "$stamp" >"$dir/stamp"
  fi
  antora_plain=(java "${flags[@]}" -cp "$jar:$dir/plain.jar")
  if [ ! -f "$dir/plain.jsa" ]; then
    echo "recording the plain program's class-data archive (one untimed run)..." >&2
    rm -rf "$dir/out"
    "${antora_plain[@]}" -XX:ArchiveClassesAtExit="$dir/plain.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      PlainAsciidoctor "$antora_corpus" "$dir/out" "$(nproc)" >/dev/null
  fi
  antora_plain+=(-XX:SharedArchiveFile="$dir/plain.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off PlainAsciidoctor)
}

# Seconds of CPU steal so far, all cores (Linux /proc/stat; 0 elsewhere): on a shared VM the host runs other guests
# on the cores, and a run's wall time grows with the steal it meets, which no change to a tool explains.
antora_steal() { awk '/^cpu / {print ($9 == "" ? 0 : $9 / 100); exit}' /proc/stat 2>/dev/null || echo 0; }

# antora_run_docsite / antora_run_antora NAV / antora_run_plain: one cold build, prints "wall_s peak_kib cpu_s steal_s"
antora_timed() {
  local log s0; log="$(mktemp)"; s0="$(antora_steal)"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >/dev/null; then
    echo "bench/antora.sh: failed: $* ($(head -1 "$log"))" >&2; rm -f "$log"; return 1
  fi
  awk -v s0="$s0" -v s1="$(antora_steal)" '{printf "%s %s %.2f %.1f\n", $1, $2, $3 + $4, s1 - s0}' "$log"; rm -f "$log"
}
antora_run_docsite() {
  rm -rf "$antora_work/docsite-out" "$antora_work/.docsite-cache"
  (cd "$antora_here" && antora_timed ./docsite build --quiet --content "$antora_corpus" --out "$antora_work/docsite-out")
}
antora_run_plain() {
  rm -rf "$antora_work/plain-out"
  antora_timed "${antora_plain[@]}" "$antora_corpus" "$antora_work/plain-out" "$(nproc)"
}
antora_run_antora() {
  rm -rf "$antora_work/antora-out-$1" "$antora_work/antora-cache"
  antora_timed node "$antora_bin" generate --quiet --log-format pretty --log-failure-level warn --key "nav=$1" \
    --cache-dir "$antora_work/antora-cache" --to-dir "$antora_work/antora-out-$1" "$antora_twin/antora-playbook.yml"
}

# antora_check_pages DIR TOOL: fails unless DIR holds every generated page
antora_check_pages() {
  local got; got="$(find "$1" -name 'page-*.html' | wc -l)"
  if [ "$got" -ne "$antora_pages" ]; then
    echo "bench/antora.sh: $2 wrote $got of $antora_pages pages in $1" >&2; return 1
  fi
}

# antora_ratio PAGES: prints "docsite_s antora_s ratio plain_s plain_ratio" (median wall times; each ratio over
# Antora's is the median of the runs' ratios), and each run's times and steal on stderr
antora_ratio() {
  local nav="${ANTORA_NAV:-full}" d=() a=() p=() t m c st out
  antora_setup "$1"
  for r in $(seq "${RUNS:-3}"); do
    echo "run $r/${RUNS:-3} (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    local line="" tool
    for tool in docsite antora plain; do
      case "$tool" in
        docsite) out="$(antora_run_docsite)" ;; antora) out="$(antora_run_antora "$nav")" ;; plain) out="$(antora_run_plain)" ;;
      esac
      read -r t m c st <<<"$out"
      case "$tool" in docsite) d+=("$t") ;; antora) a+=("$t") ;; plain) p+=("$t") ;; esac
      line+=" $tool ${t} s (CPU ${c} s, steal ${st} s);"
    done
    echo " ${line# }" >&2
  done
  antora_check_pages "$antora_work/docsite-out" docsite
  antora_check_pages "$antora_work/antora-out-$nav" Antora
  antora_check_pages "$antora_work/plain-out" "the plain program"
  local dm am pm
  dm=$(printf '%s\n' "${d[@]}" | antora_median); am=$(printf '%s\n' "${a[@]}" | antora_median)
  pm=$(printf '%s\n' "${p[@]}" | antora_median)
  awk -v d="$dm" -v a="$am" -v p="$pm" -v dr="$(antora_pair_ratio "${d[*]}" "${a[*]}")" -v pr="$(antora_pair_ratio "${p[*]}" "${a[*]}")" \
    'BEGIN {printf "%.2f %.2f %s %.2f %s\n", d, a, dr, p, pr}'
}

# the whole table
antora_table() {
  local n="$1" runs="${RUNS:-3}" tools=(docsite full branch plain) tool r t m c st out
  antora_setup "$n"
  declare -A wall=() rss=() cpu=() steal=()
  local load_before; load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  for r in $(seq "$runs"); do
    echo "run $r/$runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    for tool in "${tools[@]}"; do
      case "$tool" in
        docsite) out="$(antora_run_docsite)" ;; plain) out="$(antora_run_plain)" ;; *) out="$(antora_run_antora "$tool")" ;;
      esac
      read -r t m c st <<<"$out"; wall[$tool]+=" $t"; rss[$tool]+=" $m"; cpu[$tool]+=" $c"; steal[$tool]+=" $st"
    done
  done
  antora_check_pages "$antora_work/docsite-out" docsite
  antora_check_pages "$antora_work/antora-out-full" "Antora (full nav)"
  antora_check_pages "$antora_work/antora-out-branch" "Antora (branch nav)"
  antora_check_pages "$antora_work/plain-out" "the plain program"
  local html_d html_f html_b html_p
  html_d=$(find "$antora_work/docsite-out" -name '*.html' | wc -l)
  html_f=$(find "$antora_work/antora-out-full" -name '*.html' | wc -l)
  html_b=$(find "$antora_work/antora-out-branch" -name '*.html' | wc -l)
  html_p=$(find "$antora_work/plain-out" -name '*.html' | wc -l)

  echo "docsite vs Antora $antora_version — $n pages x ${VERSIONS:-1} version(s), cold builds alternating, medians of $runs"
  echo "(peak RSS: max) — $(nproc) cores, $(java -version 2>&1 | head -1), Node $(node --version)"
  echo "load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
  echo
  echo "| tool                   | pages written (all HTML) | wall, median | CPU, median | steal, median | peak RSS | docsite / this (wall) |"
  echo "|------------------------|--------------------------|--------------|-------------|---------------|----------|-----------------------|"
  for tool in "${tools[@]}"; do
    local label html
    case "$tool" in
      docsite) label="docsite"; html=$html_d ;;
      full) label="Antora (full nav)"; html=$html_f ;;
      branch) label="Antora (branch nav)"; html=$html_b ;;
      plain) label="plain AsciidoctorJ"; html=$html_p ;;
    esac
    local wm cm sm mm
    wm=$(printf '%s\n' ${wall[$tool]} | antora_median); cm=$(printf '%s\n' ${cpu[$tool]} | antora_median)
    sm=$(printf '%s\n' ${steal[$tool]} | antora_median)
    mm=$(printf '%s\n' ${rss[$tool]} | sort -n | tail -1)
    printf '| %-22s | %6d (%6d)          | %9.2f s  | %8.2f s  | %10.1f s  | %4.0f MiB | %21s |\n' "$label" "$antora_pages" "$html" \
      "$wm" "$cm" "$sm" "$(awk -v m="$mm" 'BEGIN{print m/1024}')" \
      "$(antora_pair_ratio "${wall[docsite]}" "${wall[$tool]}")"
  done
  echo
  echo "runs (wall s): docsite${wall[docsite]}; Antora full nav${wall[full]}; Antora branch nav${wall[branch]}; plain${wall[plain]}"
  echo "runs (steal s, all cores): docsite${steal[docsite]}; Antora full nav${steal[full]}; Antora branch nav${steal[branch]}; plain${steal[plain]}"
  echo "steal: CPU time the host gave other guests while a run wanted it (0 on a machine of its own); compare runs with little of it."
  echo "docsite / this: the median of the runs' ratios (run i of every tool ran in the same minute or two)."
  echo "plain AsciidoctorJ: bench/PlainAsciidoctor.java, the floor (convert, lay out with the full navigation, write; nothing else)."
  if [ -n "${ANTORA_UI:-}" ]; then echo "Antora ran with the UI bundle $ANTORA_UI."
  else echo "Antora ran with a minimal local UI bundle (bench/antora-ui/): the default UI bundle is on GitLab (ANTORA_UI=ZIP to use it)."; fi
  echo "docsite also writes audience and section landing pages, a home page, 404, versions and search index;"
  echo "Antora writes the pages only (its 404 page needs a site URL)."
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then return 0; fi   # sourced: functions only

cd "$antora_here"
if [ "${1:-}" = "--ratio-only" ]; then
  shift
  antora_ratio "${1:-1000}"
else
  mkdir -p bench/results
  exec > >(tee "bench/results/antora.md")   # the stored output README.md quotes
  antora_table "${1:-1000}"
fi
