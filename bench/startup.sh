#!/usr/bin/env bash
# Start-up of every reap command through ./reap, with the JDK 25 AOT cache (target/reap.aot) and
# without it (REAP_NO_AOT=1: the CDS archive target/reap.jsa, as on JDK 19-24), in alternating
# runs so that a busy moment of the machine hits both alike. Prints one line per command:
# the median wall time of each and their ratio, and writes them to bench/results/.
#
#   bash bench/startup.sh                 # BENCH_RUNS pairs per command (default 7)
#   BENCH_RUNS=3 bash bench/startup.sh
#   BENCH_REAP=target/bundle/reap-0.1.0-linux-x64/bin/reap bash bench/startup.sh
#                                         # the same for a self-contained bundle (its ready
#                                         # lib/reap.aot against no cache at all)
#
# Uses the sample repository plans/ (read only); everything is written into a temporary folder.
# preview is left out: it is a server that runs until stopped (its start is that of validate
# plus a render). Needs a JDK 25+ for the AOT side (./reap picks the JDK; JAVA_HOME wins).
set -euo pipefail
ROOT=$(cd -P -- "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
runs=${BENCH_RUNS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

reap=${BENCH_REAP:-./reap}
other=CDS
[ -z "${BENCH_REAP:-}" ] || other=no-AOT
./reap --version >/dev/null # builds the jar when needed
if [ -n "${BENCH_REAP:-}" ]; then java="the bundle's runtime ($BENCH_REAP)"; else java=$(REAP_PRINT_JAVA=1 ./reap); fi
echo "java: $java; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"

# Both caches ready before anything is timed: a render trains the AOT cache in the background
# (waited for here), a run with REAP_NO_AOT=1 writes the CDS archive.
./reap render plans --out "$tmp/out" --as-of 2024-10-29 >/dev/null
for _ in $(seq 1 600); do
  [ -z "${BENCH_REAP:-}" ] || break
  [ -e target/reap.aot ] && ! pgrep -f -- "-XX:AOTCacheOutput=$ROOT/target/reap.aot" >/dev/null && break
  sleep 1
done
[ -n "${BENCH_REAP:-}" ] || [ -e target/reap.aot ] || { echo "no AOT cache after 10 minutes (is the JDK 25+?)" >&2; exit 1; }
REAP_NO_AOT=1 ./reap validate plans >/dev/null
pdf=$(ls "$tmp/out"/*.pdf | head -n 1)

commands=(
  "--version"
  "--help"
  "validate plans"
  "render plans --out $tmp/out --as-of 2024-10-29"
  "render plans --out $tmp/forced --as-of 2024-10-29 --force"
  "export ics plans --out $tmp/exp --as-of 2024-10-29"
  "export csv plans --out $tmp/exp --as-of 2024-10-29"
  "templates list"
  "rules"
  "schema milestones"
  "translations report plans"
  "init INIT"
  "packet score-rec-2024-10-29-item-4 --out $tmp/pk --as-of 2024-10-29"
  "check-pdf $pdf"
)

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
one() { # env-setting cmd... -> prints ms
  local t0 t1 args
  read -r -a args <<<"${2//INIT/$tmp/init-$RANDOM$RANDOM}"
  t0=$(now)
  env $1 "$reap" "${args[@]}" >/dev/null 2>&1 || { echo "failed: $reap ${args[*]}" >&2; exit 1; }
  t1=$(now)
  echo $(( (t1 - t0) / 1000000 ))
}

out="bench/results/startup-${BENCH_REAP:+bundle-}$(date -u +%Y-%m-%d-%H%M).txt"
{
  echo "# bench/startup.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $runs alternating pairs per command, median wall time"
  echo "# java: $java; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
  printf '%-70s %10s %10s %7s\n' "command" "AOT ms" "$other ms" "ratio"
} | tee "$out"
for c in "${commands[@]}"; do
  one "REAP_X=1" "$c" >/dev/null # warm the file cache
  a=() b=()
  for _ in $(seq 1 "$runs"); do
    a+=("$(one "REAP_X=1" "$c")")
    b+=("$(one "REAP_NO_AOT=1" "$c")")
  done
  ma=$(printf '%s\n' "${a[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  label=${c//$tmp/TMP}
  printf '%-70s %10s %10s %7s\n' "$label" "$ma" "$mb" "$(awk -v a="$ma" -v b="$mb" 'BEGIN{printf "%.2f", b/a}')" | tee -a "$out"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" | tee -a "$out"
echo "written to $out"
