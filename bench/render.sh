#!/usr/bin/env bash
# Times `./reap render` as a whole process (launcher + JVM start + validate + render + write):
# the full sample repository, and a timeline and a progress report of synthetic repositories of
# 1,000 and 10,000 milestones. Prints median wall time of BENCH_RUNS runs after a warm-up, and
# peak memory (GNU time). Figures go in docs/performance.md; tests never time anything.
#
#   bash bench/render.sh
#   BENCH_SIZES="1000" BENCH_RUNS=3 bash bench/render.sh
set -euo pipefail

ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/work
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-5}
REAP=$ROOT/reap
cd "$ROOT"
mkdir -p "$WORK"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
"$REAP" --version >/dev/null

for n in $SIZES; do
  dir=$WORK/repo-$n
  if [ ! -f "$dir/.complete" ] || [ "$ROOT/bench/gen-repo.py" -nt "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$ROOT/bench/gen-repo.py" "$n" "$dir" >/dev/null
    touch "$dir/.complete"
  fi
done

# median of the wall times; peak RSS of the largest run (--force: a full render every time)
measure() { # label, then the command
  local label=$1
  shift
  "$@" >/dev/null 2>&1 || { echo "bench: '$*' failed:" >&2; "$@" 2>&1 | tail -5 >&2; return 1; }
  local times=() peak=0 out tf
  tf=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$tf" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$tf")
    times+=("${out% *}")
    [ "${out#* }" -gt "$peak" ] && peak=${out#* }
  done
  rm -f "$tf"
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s %8s s %8d MB\n' "$label" "$median" "$((peak / 1024))"
}

echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), runs per case: $RUNS"
printf '%-44s %10s %11s\n' case "median" "peak"
measure "render plans/ (all documents, pdf+html)" "$REAP" render plans --out "$WORK/out-plans" --as-of 2024-10-29 --force
measure "render plans/, nothing changed" "$REAP" render plans --out "$WORK/out-plans" --as-of 2024-10-29
measure "validate plans/ (for comparison)" "$REAP" validate plans
for n in $SIZES; do
  tl=$(grep -l 'kind: milestones' "$WORK/repo-$n"/*.yaml | head -n 1)
  tid=$(sed -n 's/^id: //p' "$tl")
  pid=$(sed -n 's/^id: //p' "$WORK/repo-$n"/plan.yaml)
  measure "timeline, $n milestones in repo (pdf)" "$REAP" render "$WORK/repo-$n" --out "$WORK/out-$n" --as-of 2024-10-29 --format pdf --only "$tid" --force
  measure "progress report, $n milestones (pdf)" "$REAP" render "$WORK/repo-$n" --out "$WORK/out-$n" --as-of 2024-10-29 --format pdf --only "$pid-progress" --force
done
