#!/usr/bin/env bash
# Fuzzes each Jazzer target for SECONDS seconds (default 600), one after another.
#
#   bash bench/fuzz.sh 600                       # every target, 10 minutes each
#   bash bench/fuzz.sh 120 RenderFuzzTest        # one target
#
# Needs a JDK 21+ in JAVA_HOME and Maven (runs offline with -o when REAP_FUZZ_OFFLINE=1).
# A crash is saved by Jazzer as src/test/resources/org/reap/fuzz/<Test>Inputs/<method>/crash-*
# (so the normal build replays it from then on) and this script exits non-zero. The growing
# corpus lives in .cifuzz-corpus/ (git-ignored); copy inputs worth keeping into the Inputs folders.
# Logs with libFuzzer's statistics (executions, exec/s, coverage) go to bench/work/fuzz-<Test>.log.
set -u
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(LoadValidateFuzzTest RenderFuzzTest)
fi
# Longest input libFuzzer makes (bytes). Without it libFuzzer takes the longest seed (55 KB of long
# words), and most render executions then spend their time laying out kilobytes of text.
max_len="${REAP_FUZZ_MAX_LEN:-4096}"
offline=()
if [ "${REAP_FUZZ_OFFLINE:-0}" = 1 ]; then offline=(-o); fi
mkdir -p bench/work
status=0
for t in "${targets[@]}"; do
  log="bench/work/fuzz-$t.log"
  echo "fuzzing $t for ${secs}s (log: $log)"
  start=$(date +%s)
  JAZZER_FUZZ=1 mvn -B "${offline[@]}" test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${secs}s" -Djazzer.instrument='org.reap.**,org.yaml.snakeyaml.**' \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_len="$max_len" \
    -DtrimStackTrace=false >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  # libFuzzer's last status line: "#<executions> DONE cov: ... exec/s: ..."
  last=$(grep -aE '^#[0-9]+' "$log" | tail -1)
  echo "  $t: exit $rc after $((end - start))s; last libFuzzer line: ${last:-none}"
  if [ $rc -ne 0 ]; then
    status=1
    grep -aE 'FuzzTestFindingException|== Java Exception|Crashing input|crash-' "$log" | head -5 | sed 's/^/  /'
  fi
done
exit $status
