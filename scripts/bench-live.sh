#!/usr/bin/env bash
# The live-scan benchmark (not a test): generates the issue's estate (5 accounts x 17 regions, 1,000 clusters,
# 20,000 snapshots, 300 parameter groups, 200 customer managed KMS keys; seed 42), serves it from the local AWS
# simulator on 127.0.0.1 with 50 ms added to every call, runs the live collector at its default concurrency and
# prints wall time, API calls, calls per cluster, the floor (longest chain of dependent calls of any
# account-region x 50 ms), wall / floor, and the CPU time the JVM used (the simulator's share apart: both share
# the machine, see docs/live-scan.md#performance). Builds the jar when it is missing or older than the sources.
# Extra arguments go to `bench live`, e.g. scripts/bench-live.sh --concurrency 256 --per-region 8 --latency 100
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=rsaudit-cli/target/rsaudit.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml rsaudit-core rsaudit-aws rsaudit-cli \( -path '*/target' -prune \) -o \
        \( -newer "$jar" -type f -print \) 2>/dev/null | head -n 1)" ]; then
    echo "bench-live: building $jar (mvn package)..." >&2
    log="$(mktemp)"
    if ! mvn -B -DskipTests package -pl rsaudit-cli -am >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "bench-live: the build failed (output above)" >&2
        exit 4
    fi
    rm -f "$log"
fi
# the JVM settings ./rsaudit uses for live scans and exports (see there)
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${RSAUDIT_JAVA_OPTS:-} -jar "$jar" bench live "$@"
