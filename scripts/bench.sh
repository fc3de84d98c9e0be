#!/usr/bin/env bash
# The scan benchmark (not a test): the issue's estate (20 accounts x 17 regions, 2,000 clusters, 100,000 snapshots)
# scanned with -Xmx1g on one core. Generates the estate into bench-estate/ when it is absent (deterministic, seed
# 42), builds the jar when it is missing or older than the sources, then runs `rsaudit bench run`, which reports
# baseline (Jackson readTree of every file), load and check times, their ratios, the heap peak and the counts.
# Extra arguments go to `bench run`, e.g. scripts/bench.sh --repeat 9 --format json
# The live-scan benchmark (collector against the local AWS simulator) is scripts/bench-live.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=rsaudit-cli/target/rsaudit.jar
estate=bench-estate

if [ ! -f "$jar" ] || [ -n "$(find pom.xml rsaudit-core rsaudit-cli \( -path '*/target' -prune \) -o \
        \( -newer "$jar" -type f -print \) 2>/dev/null | head -n 1)" ]; then
    echo "bench: building $jar (mvn package)..." >&2
    log="$(mktemp)"
    if ! mvn -B -DskipTests package -pl rsaudit-cli -am >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "bench: the build failed (output above)" >&2
        exit 4
    fi
    rm -f "$log"
fi

if [ ! -d "$estate" ]; then
    # generate beside it, then rename: an interrupted generation never leaves a half estate behind
    rm -rf "$estate.partial"
    java -jar "$jar" bench generate --out "$estate.partial"
    mv "$estate.partial" "$estate"
fi

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
else
    echo "bench: taskset is not available; -XX:ActiveProcessorCount=1 still sizes the JVM for one core" >&2
fi
exec ${pin[@]+"${pin[@]}"} java -Xmx1g -XX:ActiveProcessorCount=1 -jar "$jar" bench run --input "$estate" "$@"
