#!/usr/bin/env bash
# Times `./reap validate <dir>` as a whole process (launcher + JVM start + load + checks) on the
# sample repository plans/ and on synthetic repositories of 1,000 / 10,000 / 100,000 milestones,
# against a baseline of `java -version` with the same JDK. Prints a table; see bench/README.md.
#
#   bash bench/validate.sh                  all cases
#   BENCH_SIZES="1000 10000" bash bench/validate.sh
#   BENCH_RUNS=9 bash bench/validate.sh     timed runs per case (median is reported; default 5)
#
# Exits 0 even when validate reports problems in the files (they are printed); it says clearly
# when validate exited non-zero. Exits non-zero only when it cannot run at all.
set -euo pipefail

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/work
SIZES=${BENCH_SIZES:-1000 10000 100000}
RUNS=${BENCH_RUNS:-5}
REAP=$ROOT/reap
cd "$ROOT"
mkdir -p "$WORK"

# ---- tools ----------------------------------------------------------------------------------
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
  echo "bench: /usr/bin/time is missing; installing Debian's time package" >&2
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      { apt-get update -qq && apt-get install -y -qq time; } >/dev/null 2>&1 || true
    elif command -v sudo >/dev/null 2>&1; then
      { sudo apt-get update -qq && sudo apt-get install -y -qq time; } >/dev/null 2>&1 || true
    fi
  fi
fi
if [ -x "$TIME" ] && "$TIME" -f %M true >/dev/null 2>&1; then
  HAVE_TIME=1
else
  HAVE_TIME=0
  echo "bench: GNU time is not available (apt-get install time); peak memory will not be measured" >&2
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed for bench/gen-repo.py" >&2; exit 2; }

JAVA=$(REAP_PRINT_JAVA=1 "$REAP") || { echo "bench: ./reap found no JDK 21+" >&2; exit 2; }
echo "bench: JDK: $JAVA ($("$JAVA" -version 2>&1 | head -n 1))"
echo "bench: machine: $(nproc 2>/dev/null || echo '?') cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# Build the jar (if needed) and create the class-data-sharing archive before timing anything.
"$REAP" --version >/dev/null
"$REAP" validate --help >/dev/null 2>&1 || { echo "bench: this build has no 'reap validate' command" >&2; exit 2; }

# ---- synthetic repositories -----------------------------------------------------------------
for n in $SIZES; do
  dir=$WORK/repo-$n
  # Regenerated only when missing or when the generator changed.
  if [ ! -f "$dir/.complete" ] || [ "$ROOT/bench/gen-repo.py" -nt "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$ROOT/bench/gen-repo.py" "$n" "$dir" >/dev/null
    touch "$dir/.complete"
  fi
done

# ---- measuring ------------------------------------------------------------------------------
now_ns() { date +%s%N; }

# run_once <outfile> cmd... : runs cmd, sets LAST_SECS, LAST_KB (peak RSS) and LAST_RC
run_once() {
  local out=$1 t0 t1 mem=$WORK/.mem
  shift
  t0=$(now_ns)
  set +e
  if [ "$HAVE_TIME" = 1 ]; then
    "$TIME" -f %M -o "$mem" "$@" >"$out" 2>&1 </dev/null
  else
    "$@" >"$out" 2>&1 </dev/null
  fi
  LAST_RC=$?
  set -e
  t1=$(now_ns)
  LAST_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  LAST_KB=0
  if [ "$HAVE_TIME" = 1 ] && [ -s "$mem" ]; then
    LAST_KB=$(tail -n 1 "$mem")
    case $LAST_KB in *[!0-9]*) LAST_KB=0 ;; esac
  fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# measure <label> <milestones> <outfile> cmd... : a warm-up run, then RUNS timed runs.
ROWS=()
measure() {
  local label=$1 count=$2 out=$3 secs=() kbs=() i rc
  shift 3
  run_once "$out" "$@"
  rc=$LAST_RC
  for ((i = 0; i < RUNS; i++)); do
    run_once "$WORK/.last-run.out" "$@"
    secs+=("$LAST_SECS")
    kbs+=("$LAST_KB")
    [ "$LAST_RC" = "$rc" ] || echo "bench: $label: exit code changed between runs ($rc, then $LAST_RC)" >&2
  done
  ROWS+=("$label|$count|$(median "${secs[@]}")|$(max "${kbs[@]}")|$rc")
}

# Milestones in a folder: entries of its kind: milestones files (one "date:" line per entry).
count_milestones() {
  python3 - "$1" <<'EOF'
import os, re, sys
total = 0
for base, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".") and d not in ("out", "templates", "target")]
    for f in files:
        if f.endswith((".yaml", ".yml")):
            text = open(os.path.join(base, f), encoding="utf-8", errors="replace").read()
            if re.search(r"^kind:\s*milestones\s*$", text, re.M):
                total += len(re.findall(r"^\s+(?:-\s+)?date:", text, re.M))
print(total)
EOF
}

show_output() { # label outfile rc
  local label=$1 out=$2 rc=$3 lines
  lines=$(wc -l <"$out")
  if [ "$rc" = 0 ]; then
    echo "-- $label: validate exited 0; output ($lines lines):"
  else
    echo "-- $label: NOTE: validate exited $rc (problems reported, or a failure); output ($lines lines):"
  fi
  head -n 15 "$out" | sed 's/^/   /'
  if [ "$lines" -gt 15 ]; then echo "   ... ($((lines - 15)) more lines in ${out#"$ROOT"/})"; fi
}

echo "bench: baseline: $JAVA -version"
measure "java -version (baseline)" "-" "$WORK/baseline.out" "$JAVA" -version

cases=()
if [ -d "$ROOT/plans" ]; then
  echo "bench: timing ./reap validate plans"
  measure "plans (sample)" "$(count_milestones "$ROOT/plans")" "$WORK/plans.out" "$REAP" validate plans
  cases+=("plans (sample)|$WORK/plans.out")
else
  echo "bench: no plans/ folder; skipping the sample repository" >&2
fi
for n in $SIZES; do
  echo "bench: timing ./reap validate bench/work/repo-$n"
  measure "synthetic $n" "$n" "$WORK/repo-$n.out" "$REAP" validate "bench/work/repo-$n"
  cases+=("synthetic $n|$WORK/repo-$n.out")
done

# ---- report ---------------------------------------------------------------------------------
echo
for c in "${cases[@]}"; do
  label=${c%%|*}
  out=${c#*|}
  for r in "${ROWS[@]}"; do
    IFS='|' read -r l _ _ _ rc <<<"$r"
    if [ "$l" = "$label" ]; then show_output "$label" "$out" "$rc"; fi
  done
done

echo
echo "Median of $RUNS runs after one warm-up; peak RSS is the largest of the timed runs."
base_secs=''
printf '%-26s %10s %10s %9s %9s %6s\n' "case" "milestones" "median s" "peak MB" "x java" "exit"
printf '%-26s %10s %10s %9s %9s %6s\n' "----" "----------" "--------" "-------" "------" "----"
for r in "${ROWS[@]}"; do
  IFS='|' read -r label count secs kb rc <<<"$r"
  [ -n "$base_secs" ] || base_secs=$secs
  mb=$(awk -v k="$kb" 'BEGIN { if (k > 0) printf "%.0f", k / 1024; else printf "n/a" }')
  ratio=$(awk -v s="$secs" -v b="$base_secs" 'BEGIN { if (b > 0) printf "%.1f", s / b; else printf "n/a" }')
  flag=$rc
  [ "$rc" = 0 ] || flag="$rc !"
  printf '%-26s %10s %10s %9s %9s %6s\n' "$label" "$count" "$secs" "$mb" "$ratio" "$flag"
done
for r in "${ROWS[@]}"; do
  IFS='|' read -r label _ _ _ rc <<<"$r"
  if [ "$rc" != 0 ]; then echo "NOTE: '$label' exited $rc (see its output above)."; fi
done
exit 0
