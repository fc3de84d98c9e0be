#!/usr/bin/env bash
# The hunt benchmark (not a test): generates logs into bench-hunt/ (deterministic, seed 42) and runs
# `./rsaudit-bench hunt` pinned to one core with -Xmx256m, then on two cores with --scaling.
#   one core: after a 10 s warm-up, plain input (all formats, then each log type) against reading the same bytes and
#     counting line ends, and gzip input against java.util.zip inflate (and zcat); each the median of --repeat
#     samples (default 5) in MB per wall second and MB per CPU second of the process, ratios taken by CPU time (on a
#     shared machine other processes take wall time, not CPU time); then the heap peak reading each size.
#   two cores: 2 threads against 1 across files, wall time, and the CPU time of 2 threads against 1's; then the gzip
#     goal: hunt reading the gzip files one at a time, each inflated on a second thread, against java.util.zip
#     inflating them alone, by wall time (the goal) and by CPU time, with each thread's CPU time (the estimate of
#     the wall ratio on two free cores).
# Extra arguments go to both runs, e.g. --sizes 100000000,1000000000,5000000000 (the first size is the one timed;
# each size is generated once, ~1 GB takes a few minutes) or --repeat 9; --heap-gzip takes the heap peaks on gzip
# corpora (5 GB then takes ~0.55 GB of disk; delete bench-hunt/hunt-5000000000-gzip afterwards).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# build (when needed) before pinning
./rsaudit-bench --version >/dev/null
one=(); two=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0,1 true 2>/dev/null; then
    one=(taskset -c 0); two=(taskset -c 0,1)
fi
RSAUDIT_JAVA_OPTS="-Xmx256m -XX:ActiveProcessorCount=1 ${RSAUDIT_JAVA_OPTS:-}" \
    ${one[@]+"${one[@]}"} ./rsaudit-bench hunt "$@"
RSAUDIT_JAVA_OPTS="-Xmx256m -XX:ActiveProcessorCount=2 ${RSAUDIT_JAVA_OPTS:-}" \
    ${two[@]+"${two[@]}"} ./rsaudit-bench hunt --scaling "$@"
