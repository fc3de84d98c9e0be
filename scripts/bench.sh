#!/usr/bin/env bash
# The scan benchmark (not a test): the issue's estate (20 accounts x 17 regions, 2,000 clusters, 100,000 snapshots)
# scanned with -Xmx1g on one core. Generates the estate into bench-estate/ when it is absent (deterministic, seed
# 42), then runs `./rsaudit-bench run` (which builds the benchmarks' jar when it is missing or older than the
# sources), which reports baseline (Jackson readTree of every file), load and check times, their ratios, the heap
# peak and the counts.
# Extra arguments go to `rsaudit-bench run`, e.g. scripts/bench.sh --repeat 9 --format json
# The live-scan benchmark (collector against the local AWS simulator) is scripts/bench-live.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
estate=bench-estate

# build (when needed) before pinning to one core
./rsaudit-bench --version >/dev/null

if [ ! -d "$estate" ]; then
    # generate beside it, then rename: an interrupted generation never leaves a half estate behind
    rm -rf "$estate.partial"
    ./rsaudit-bench generate --out "$estate.partial"
    mv "$estate.partial" "$estate"
fi

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
else
    echo "bench: taskset is not available; -XX:ActiveProcessorCount=1 still sizes the JVM for one core" >&2
fi
RSAUDIT_JAVA_OPTS="-Xmx1g -XX:ActiveProcessorCount=1 ${RSAUDIT_JAVA_OPTS:-}" \
    exec ${pin[@]+"${pin[@]}"} ./rsaudit-bench run --input "$estate" "$@"
