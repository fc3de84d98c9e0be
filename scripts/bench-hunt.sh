#!/usr/bin/env bash
# The hunt benchmark (not a test): generates logs into bench-hunt/ (deterministic, seed 42) and runs
# `rsaudit bench hunt` pinned to one core with -Xmx256m (throughput against the floors, heap peaks per size), then
# on two cores with --scaling (2 threads against 1). Extra arguments go to both runs, e.g. --sizes 100000000,5000000000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=rsaudit-cli/target/rsaudit.jar
if [ ! -f "$jar" ]; then
    mvn -B -q -DskipTests package -pl rsaudit-cli -am >&2
fi
one=(); two=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0,1 true 2>/dev/null; then
    one=(taskset -c 0); two=(taskset -c 0,1)
fi
${one[@]+"${one[@]}"} java -Xmx256m -XX:ActiveProcessorCount=1 -jar "$jar" bench hunt "$@"
${two[@]+"${two[@]}"} java -Xmx256m -XX:ActiveProcessorCount=2 -jar "$jar" bench hunt --scaling "$@"
