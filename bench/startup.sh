#!/usr/bin/env bash
# Start-up of every reap command through ./reap, with the JDK 25 AOT cache (target/reap.aot) and
# without it (REAP_NO_AOT=1: the CDS archive target/reap.jsa, as on JDK 19-24), in alternating
# runs so that a busy moment of the machine hits both alike. Prints one line per command:
# the median wall and CPU time of each and their ratios, and writes them to bench/results/.
# Needs GNU time (/usr/bin/time).
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
one() { # env-setting cmd... -> prints "wall-ms cpu-ms" (CPU: user + system, of the launcher and JVM)
  local args
  read -r -a args <<<"${2//INIT/$tmp/init-$RANDOM$RANDOM}"
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" env $1 "$reap" "${args[@]}" >/dev/null 2>&1 ||
    { echo "failed: $reap ${args[*]}" >&2; exit 1; }
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$tmp/time"
}

out="bench/results/startup-${BENCH_REAP:+bundle-}$(date -u +%Y-%m-%d-%H%M).txt"
{
  echo "# bench/startup.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $runs alternating pairs per command, medians"
  echo "# java: $java; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
  echo "# wall: elapsed time; CPU: user + system time, less sensitive to a busy machine"
  printf '%-66s %9s %9s %6s %9s %9s %6s\n' "command" "AOT wall" "$other" "ratio" "AOT CPU" "$other" "ratio"
} | tee "$out"
for c in "${commands[@]}"; do
  one "REAP_X=1" "$c" >/dev/null # warm the file cache
  : >"$tmp/a"
  : >"$tmp/b"
  for _ in $(seq 1 "$runs"); do
    one "REAP_X=1" "$c" >>"$tmp/a"
    one "REAP_NO_AOT=1" "$c" >>"$tmp/b"
  done
  wa=$(cut -d' ' -f1 "$tmp/a" | median) wb=$(cut -d' ' -f1 "$tmp/b" | median)
  ca=$(cut -d' ' -f2 "$tmp/a" | median) cb=$(cut -d' ' -f2 "$tmp/b" | median)
  label=${c//$tmp/TMP}
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (a > 0) printf "%.2f", b/a; else print "n/a"}'; }
  printf '%-66s %9s %9s %6s %9s %9s %6s\n' "$label" "$wa" "$wb" "$(ratio "$wa" "$wb")" "$ca" "$cb" "$(ratio "$ca" "$cb")" | tee -a "$out"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" | tee -a "$out"
echo "written to $out"
