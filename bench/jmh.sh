#!/usr/bin/env bash
# JMH microbenchmarks of reap's hot paths (src/jmh/java, Maven profile jmh). Extra arguments go to
# JMH, e.g. a benchmark name pattern or -p rows=500:
#
#   bash bench/jmh.sh
#   bash bench/jmh.sh LongTable -p rows=500 -wi 2 -i 3
#
# Builds with the JDK that ./reap picks. Figures go in docs/performance.md; tests never time anything.
set -euo pipefail
ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA=$(REAP_PRINT_JAVA=1 ./reap)
JAVA_HOME=$(cd "$(dirname "$JAVA")/.." && pwd)
export JAVA_HOME
cp=$ROOT/target/jmh-classpath.txt
mvn -q -B -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
exec "$JAVA" -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$cp")" org.openjdk.jmh.Main "$@"
