#!/usr/bin/env bash
# Times `reap validate` on a repository whose one milestone has a single huge value (a title of
# N MB, one word with no space: the case SnakeYAML's reader made quadratic), for each size given
# (default: 1 2 4 7). Validating must grow linearly with the value's size (issue 14: 11.6 s for a
# 7 MB value before the fix). Prints wall-clock and CPU (user) seconds; on a busy machine the CPU
# figure is the one to compare.
#
#   bench/huge-value.sh [MB ...]
#   REAP_JAR=/path/to/reap.jar bench/huge-value.sh 1 7   # another build (for before/after figures)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 2 4 7)
java=$(REAP_PRINT_JAVA=1 "$here/reap" 2>/dev/null || command -v java)
jar=${REAP_JAR:-$here/target/reap.jar}
[ -f "$jar" ] || "$here/reap" --version >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-6s %-10s %-10s %s\n' MB wall_s cpu_s exit
for mb in "${sizes[@]}"; do
  dir="$tmp/r$mb/plans"
  mkdir -p "$dir"
  python3 - "$dir/milestones.yaml" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], float(sys.argv[2])
n = int(mb * 1024 * 1024)
value = "x" * n
with open(path, "w") as f:
    f.write("reap: 1\nkind: milestones\nid: huge\ntitle: Huge\nentries:\n  - date: 2025-06-01\n    title: \"" + value + "\"\n")
PY
  set +e
  (cd "$tmp/r$mb" && /usr/bin/time -f '%e %U' -o "$tmp/time" "$java" -jar "$jar" validate plans >/dev/null 2>&1)
  code=$?
  set -e
  read -r wall cpu < "$tmp/time"
  printf '%-6s %-10s %-10s %s\n' "$mb" "$wall" "$cpu" "$code"
done
