#!/usr/bin/env bash
# Runs the whole JMH suite (framers, parsers, logic, journal append, in-process ring pipeline) with the GC
# profiler and writes the results to bench/results/: jmh.json (JMH's JSON, for tools) and jmh.txt (the console
# output, human-readable). Each benchmark class sets its own forks, warm-up and measurement; the forks get the
# Chronicle JVM flags from @Fork, so no flag is needed here. About 5 minutes on a 2-core machine.
# Usage: bench/scripts/jmh.sh [JMH options...]   e.g. bench/scripts/jmh.sh PipelineBenchmark -p parsers=1
# Build first: mvn -B -q -DskipTests package
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
out="${RINGLOG_JMH_OUT:-$root/bench/results}"
if [ ! -f "$jar" ]; then
  echo "jmh.sh: $jar not found; build it first: mvn -B -q -DskipTests package" >&2
  exit 2
fi
mkdir -p "$out"
java -jar "$jar" -foe true -prof gc -rf json -rff "$out/jmh.json" "$@" 2>&1 | tee "$out/jmh.txt"
echo "jmh.sh: results in $out/jmh.json and $out/jmh.txt"
