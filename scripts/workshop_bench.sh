#!/usr/bin/env bash
# Workshop growth for README.md ("Files are safe"): `merge` and `assess --format json` of a
# workshop directory of 1,000, 5,000 and 20,000 respondent files (copies of one example file,
# each respondent named apart), the median of ROUNDS runs each, and the exponent of a
# least-squares fit of log time on log files (1 is linear, 2 quadratic).
# Usage: scripts/workshop_bench.sh [ROUNDS]   (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
cargo build --release --quiet -p readiness
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/readiness
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sizes=(1000 5000 20000)
for n in "${sizes[@]}"; do
    mkdir "$work/$n"
    for i in $(seq 1 "$n"); do
        sed "s/^name = .*/name = \"Respondent $i\"/" examples/workshop/maya-patel.toml >"$work/$n/r$i.toml"
    done
done

# The median wall time in seconds of ROUNDS runs of a command.
median() {
    for _ in $(seq 1 "$rounds"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l
    done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

for command in merge assess; do
    args=()
    [ "$command" = assess ] && args=(--format json --as-of 2026-11-25 --answers)
    points=""
    for n in "${sizes[@]}"; do
        t=$(median "$bin" "$command" "${args[@]}" "$work/$n")
        printf '%-7s %6d files  %8.3f s\n' "$command" "$n" "$t"
        points="$points $n $t"
    done
    echo "$points" | awk '{
        for (i = 1; i <= NF; i += 2) { x = log($i); y = log($(i + 1)); sx += x; sy += y; sxx += x * x; sxy += x * y; k++ }
        printf "%-7s exponent %.2f\n", "'"$command"'", (k * sxy - sx * sy) / (k * sxx - sx * sx)
    }'
done
