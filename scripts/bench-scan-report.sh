#!/usr/bin/env bash
# The whole scan command with its report, as a user waits for it (JVM start included), in a small heap:
#   scripts/bench-scan-report.sh ESTATE [REPEAT] [JAR...]
# ESTATE is an export folder (./rsaudit-bench generate --out ESTATE makes the benchmark's); each JAR (default: the
# built rsaudit-cli/target/rsaudit.jar) runs `scan --input ESTATE --format FORMAT --output FILE` with -Xmx512m
# and the JVM options ./rsaudit gives a scan (RSAUDIT_BENCH_XMX, RSAUDIT_BENCH_JAVA_OPTS to change them;
# RSAUDIT_BENCH_FORMAT, default json), REPEAT times (default 3), the jars taking
# turns so that they share the machine's moods. Each round first times the floor, reading every file of the estate
# once (cat), and prints it beside the runs of that round. Prints per run: wall time, its ratio to the floor, peak
# RSS, and the largest heap left after a garbage collection (the live set, read from the JVM's GC log).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
estate="${1:?usage: $0 ESTATE [REPEAT] [JAR...]}"
repeat="${2:-3}"
shift $(($# < 2 ? $# : 2))
jars=("$@")
[ ${#jars[@]} -gt 0 ] || jars=("$root/rsaudit-cli/target/rsaudit.jar")
xmx="${RSAUDIT_BENCH_XMX:-512m}"
format="${RSAUDIT_BENCH_FORMAT:-json}"
# the JVM options ./rsaudit gives an offline scan
read -r -a jvm <<<"${RSAUDIT_BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:MaxTenuringThreshold=0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Like ./rsaudit after its first scan, each jar maps a class data sharing archive of its own, written by one scan
# before the rounds (not timed); RSAUDIT_BENCH_CDS=off runs without.
sharing=()
for ((k = 0; k < ${#jars[@]}; k++)); do
    if [ "${RSAUDIT_BENCH_CDS:-on}" = off ]; then
        sharing+=("-Xshare:auto")
        continue
    fi
    code=0
    java "${jvm[@]}" "-Xmx$xmx" -Xlog:disable "-XX:ArchiveClassesAtExit=$work/cds-$k.jsa" -jar "${jars[$k]}" \
        scan --input "$estate" --format "$format" --output "$work/report.json" --fail-on none >/dev/null 2>"$work/err" || code=$?
    if [ ! -f "$work/cds-$k.jsa" ]; then
        cat "$work/err" >&2
        echo "bench-scan-report: ${jars[$k]} wrote no class data sharing archive (exit $code)" >&2
        exit 4
    fi
    sharing+=("-XX:SharedArchiveFile=$work/cds-$k.jsa")
done
printf '%-50s %5s %9s %9s %7s %9s %12s %16s\n' jar run wall_s vs_floor cpu_s cpu/flr peak_rss_mib live_heap_mib
for ((i = 1; i <= repeat; i++)); do
    read -r floor floor_cpu < <( { /usr/bin/time -f '%e %U %S' find "$estate" -type f -exec cat {} + >/dev/null; } 2>&1 \
        | tail -n 1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }')
    printf '%-50s %5d %9s %9s %7s %9s\n' "floor: cat every file" "$i" "$floor" "1.00" "$floor_cpu" "1.00"
    for ((k = 0; k < ${#jars[@]}; k++)); do
        jar="${jars[$k]}"
        rm -f "$work/gc.log" "$work/report.json"
        code=0
        /usr/bin/time -f '%e %M %U %S' -o "$work/time" java "${jvm[@]}" "-Xmx$xmx" "${sharing[$k]}" "-Xlog:gc:file=$work/gc.log" -jar "$jar" \
            scan --input "$estate" --format "$format" --output "$work/report.json" --fail-on none >/dev/null 2>"$work/err" || code=$?
        if [ "$code" -ne 0 ] && [ "$code" -ne 1 ] && [ "$code" -ne 3 ]; then
            cat "$work/err" >&2
            echo "bench-scan-report: $jar exited with $code" >&2
            exit 4
        fi
        read -r wall rss user sys < <(tail -n 1 "$work/time")
        cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
        # "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 5.1ms": the largest "after"
        live="$(sed -n 's/.*[0-9]M->\([0-9]*\)M([0-9]*M).*/\1/p' "$work/gc.log" | sort -n | tail -n 1)"
        ratio="$(awk -v w="$wall" -v f="$floor" 'BEGIN { printf "%.1f", (f > 0 ? w / f : 0) }')"
        cpu_ratio="$(awk -v c="$cpu" -v f="$floor_cpu" 'BEGIN { printf "%.1f", (f > 0 ? c / f : 0) }')"
        printf '%-50s %5d %9s %9s %7s %9s %12d %16s\n' "$(basename "$(dirname "$jar")")/$(basename "$jar")" "$i" \
            "$wall" "$ratio" "$cpu" "$cpu_ratio" $((rss / 1024)) "${live:-0}"
    done
done
