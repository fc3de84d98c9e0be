#!/usr/bin/env bash
# The live-scan benchmark (not a test): generates the issue's estate (5 accounts x 17 regions, 1,000 clusters,
# 20,000 snapshots, 300 parameter groups, 200 customer managed KMS keys; seed 42), serves it from the local AWS
# simulator on 127.0.0.1 with 50 ms added to every call, runs the live collector at its default concurrency and
# prints wall time, API calls, calls per cluster, the floor (longest chain of dependent calls of any
# account-region x 50 ms), wall / floor, and the CPU time the JVM used (the simulator's share apart: both share
# the machine, see docs/live-scan.md#performance), with the JVM settings ./rsaudit gives live scans. Through
# ./rsaudit-bench, which builds the benchmarks' jar when it is missing or older than the sources.
# Extra arguments go to `rsaudit-bench live`, e.g. scripts/bench-live.sh --concurrency 256 --per-region 8 --latency 100
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec ./rsaudit-bench live "$@"
