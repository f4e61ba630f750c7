#!/usr/bin/env bash
# Peak memory (resident set size, GNU time's %M) and wall time of `./reap render` when one run makes
# many documents (issue 18, item 2: bounded memory for many documents):
#   (a) 500 documents: 498 timelines of 20 milestones, the plan and its progress report (pdf+html)
#   (a2) the 498 timelines of (a) alone (pdf+html): many small documents, no large one
#   (b) 20 timelines of 5,000 milestones each (pdf)
# each rendered with --force into a fresh out/. With BENCH_BEFORE=<another reap checkout with its
# target/reap.jar built> the same cases run with that build too ("before"), one build after the
# other for each case, and the two out/ folders are compared file by file.
#
#   bash bench/memory.sh
#   BENCH_BEFORE=/work/wt/hstage-base bash bench/memory.sh
#   BENCH_RUNS=3 BENCH_CASES=docs bash bench/memory.sh
#   BENCH_AFTER_OPTS=-Xmx2g bash bench/memory.sh   # this checkout also with these JVM options ("after+"),
#                                                  # in the cases of BENCH_AFTER_CASES (default: timelines)
#
# The JDK is the one `./reap` picks (JAVA_HOME if 21+). REAP_NO_AOT=1 is set for every run, so
# that no run trains the JDK 25 AOT cache in the background while another is measured; each
# build has one untimed warm-up render first (it writes the CDS archive). Figures depend on the
# machine and on what else it runs: the load average is printed before and after each case.
set -euo pipefail

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/work
RUNS=${BENCH_RUNS:-1}
CASES=${BENCH_CASES:-docs many timelines}
BEFORE=${BENCH_BEFORE:-}
AFTER_OPTS=${BENCH_AFTER_OPTS:-}
AFTER_CASES=${BENCH_AFTER_CASES:-timelines}
export REAP_NO_AOT=1
cd "$ROOT"
mkdir -p "$WORK"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

builds=()
if [ -n "$BEFORE" ]; then
  BEFORE=$(cd -P "$BEFORE" && pwd)
  [ -f "$BEFORE/target/reap.jar" ] || { echo "bench: $BEFORE/target/reap.jar is missing: build it first" >&2; exit 2; }
  builds+=("before=$BEFORE")
fi
builds+=("after=$ROOT")
[ -z "$AFTER_OPTS" ] || builds+=("after+=$ROOT")

gen() { # milestones, folder, generator options...
  local n=$1 dir=$2
  shift 2
  if [ ! -f "$dir/.complete" ] || [ "$ROOT/bench/gen-repo.py" -nt "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$ROOT/bench/gen-repo.py" "$n" "$dir" "$@" >/dev/null
    touch "$dir/.complete"
  fi
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

JAVA_BIN=$(REAP_PRINT_JAVA=1 "$ROOT/reap")
echo "bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(load)"
echo "bench: JDK $("$JAVA_BIN" -version 2>&1 | head -n 1) ($JAVA_BIN), runs per case and build: $RUNS"
for b in "${builds[@]}"; do
  r=${b#*=}
  echo "bench: ${b%%=*} = $r at $(git -C "$r" log -1 --format='%h %s' 2>/dev/null | cut -c1-70)"
  [ "${b%%=*}" != after+ ] || echo "bench: after+ runs with JAVA_OPTS_REAP=$AFTER_OPTS"
  # warm-up: writes the build's CDS archive, so no timed run pays for it
  "$r/reap" render plans --out "$WORK/mem-warmup" --as-of 2024-10-29 --format pdf --only riverton-2025-timeline --force -q >/dev/null 2>&1 || true
done
rm -rf "$WORK/mem-warmup"
echo
printf '%-44s %-7s %9s %9s %5s  %s\n' case build "wall s" "peak MB" exit "load average before -> after"

# case label, case id, then the render arguments (without --out)
measure() {
  local label=$1 id=$2
  shift 2
  local b name r out tf line opts
  for b in "${builds[@]}"; do
    name=${b%%=*}
    r=${b#*=}
    [ "$name" != after+ ] || [[ " $AFTER_CASES " == *" $id "* ]] || continue
    out=$WORK/mem-$id-${name/+/-plus}
    for i in $(seq "$RUNS"); do
      rm -rf "$out"
      tf=$(mktemp)
      local before_load rc=0
      before_load=$(load)
      opts=''
      [ "$name" != after+ ] || opts=$AFTER_OPTS
      JAVA_OPTS_REAP=$opts /usr/bin/time -o "$tf" -f '%e %M' "$r/reap" render "$@" --out "$out" --force -q >"$out.log" 2>&1 || rc=$?
      line=$(tail -n 1 "$tf")
      rm -f "$tf"
      printf '%-44s %-7s %9s %9d %5s  %s -> %s\n' "$label" "$name" "${line% *}" "$(( ${line#* } / 1024 ))" "$rc" "$before_load" "$(load)"
      [ "$rc" = 0 ] || tail -n 3 "$out.log" | sed 's/^/    /'
    done
  done
  if [ -n "$BEFORE" ] && [ -d "$WORK/mem-$id-before" ] && [ -d "$WORK/mem-$id-after" ]; then
    local files differ
    files=$(cd "$WORK/mem-$id-after" && find . -path ./.reap -prune -o -type f -print | wc -l)
    differ=$(diff -rq --exclude=.reap "$WORK/mem-$id-before" "$WORK/mem-$id-after" | wc -l || true)
    echo "    out/ before vs after: $files files, $differ differ"
  fi
}

for c in $CASES; do
  case $c in
    docs)
      # 498 timelines of 20 milestones + the plan + its progress report = 500 documents
      gen $((498 * 20)) "$WORK/mem-docs-500" --files 498
      measure "(a) 500 documents, pdf+html" docs "$WORK/mem-docs-500" --as-of 2024-10-29
      ;;
    many)
      gen $((498 * 20)) "$WORK/mem-docs-500" --files 498
      only=$(cd "$WORK/mem-docs-500" && ls milestones-*.yaml | sed 's/milestones-\(.*\)\.yaml/bench-milestones-\1/' | paste -sd, -)
      measure "(a2) the 498 timelines of (a), pdf+html" many "$WORK/mem-docs-500" --as-of 2024-10-29 --only "$only"
      ;;
    timelines)
      gen 100000 "$WORK/mem-tl-20x5000"
      only=$(cd "$WORK/mem-tl-20x5000" && ls milestones-*.yaml | sed 's/milestones-\(.*\)\.yaml/bench-milestones-\1/' | paste -sd, -)
      measure "(b) 20 timelines of 5,000 milestones, pdf" timelines "$WORK/mem-tl-20x5000" --as-of 2024-10-29 --format pdf --only "$only"
      ;;
    *) echo "bench: unknown case $c (docs, many, timelines)" >&2; exit 2 ;;
  esac
done
echo
echo "bench: load average at the end $(load); issue 18's target: (a) peak <= 512 MB"
