#!/usr/bin/env bash
# Whole-process figures for README.md ("Performance"), each against a baseline measured in
# the same rounds:
#   1. one `assess` of examples/small-ecommerce.toml (json, markdown, html) against a hello
#      world built with the same release profile (scripts/hello, a workspace member);
#   2. `batch` of 10,000 commented answer files against `cat` of the same files;
#   3. peak resident memory (GNU time): `assess` in each format, `batch` of 1k, 10k, 100k files;
#   4. growth with the built-in frameworks scaled 10x, 30x and 100x: `frameworks check` and
#      `assess`, with the exponent of a least-squares fit of log time on log size.
# The commands are interleaved: each round runs every command of a comparison (hyperfine's
# runs of one command follow each other within a round), and a figure is the median of the
# rounds' medians, shown with the range of the rounds as a measure of noise.
# Installs hyperfine and GNU time from Debian if missing.
# Usage: scripts/bench.sh [ROUNDS [OTHER_BINARY...]]: each other binary (a build of another
# version, say) runs beside this one in the rounds of comparisons 1 and 2, for a head to head.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
others=("${@:2}")

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet -p readiness -p hello
target=${CARGO_TARGET_DIR:-$PWD/target}
bin=$target/release/readiness
hello=$target/release/hello
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs hyperfine ROUNDS times over the same commands, one JSON file per round.
rounds() {
    local name=$1 runs=$2
    shift 2
    for r in $(seq "$rounds"); do
        hyperfine "${opts[@]}" --runs "$runs" --export-json "$work/$name-$r.json" "$@" >/dev/null 2>&1
    done
}

# The median over rounds of each command's median time, and its ratio to the first command.
ratios() {
    python3 - "$work" "$1" "$rounds" <<'PY'
import json, statistics, sys
work, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rounds = [json.load(open(f"{work}/{name}-{r}.json"))["results"] for r in range(1, n + 1)]
base = [r[0]["median"] for r in rounds]
for i, result in enumerate(rounds[0]):
    times = [r[i]["median"] for r in rounds]
    ratio = [t / b for t, b in zip(times, base)]
    label = result["command"].replace(work, "DIR")
    print(f"  {statistics.median(times) * 1e3:9.2f} ms  {statistics.median(ratio):5.2f}x"
          f"  (rounds {min(ratio):.2f}-{max(ratio):.2f}x)  {label}")
PY
}

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f MiB", $1 / 1024 }'; }

assess="$bin assess --answers examples/small-ecommerce.toml --as-of 2026-11-25 --format"
echo "== one assess against hello world (same profile), $rounds rounds of 40 runs"
opts=(-N --warmup 5)
besides=()
for other in "${others[@]}"; do
    besides+=("$other ${assess#"$bin "} json" "$other ${assess#"$bin "} markdown")
done
rounds one 40 "$hello" "$assess json" "$assess markdown" "$assess html" "${besides[@]}"
ratios one
for format in json markdown html; do
    echo "  peak RSS assess --format $format: $(rss $assess $format)"
done
echo "  peak RSS hello world: $(rss "$hello")"

python3 scripts/portfolio.py 10000 "$work/p10k"
mkdir "$work/p1k" "$work/p100k"
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
names = sorted(os.listdir(f"{work}/p10k"))
for i, name in enumerate(names[:1000]):
    os.link(f"{work}/p10k/{name}", f"{work}/p1k/{name}")
# 100,000 names for the memory figure: hard links to the 10,000 files.
for i in range(100000):
    os.link(f"{work}/p10k/{names[i % len(names)]}", f"{work}/p100k/client-{i:06}.toml")
PY
batch="$bin batch --format csv --as-of 2026-11-25"
echo "== batch of 10,000 commented answer files against cat, $((rounds / 2)) rounds of 2 runs"
opts=(--warmup 1)
besides=()
for other in "${others[@]}"; do
    besides+=("$other ${batch#"$bin "} $work/p10k")
done
rounds=$((rounds / 2)) rounds batch 2 "cat $work/p10k/*.toml" "$batch $work/p10k" "${besides[@]}"
rounds=$((rounds / 2)) ratios batch
for n in 1k 10k 100k; do
    echo "  peak RSS batch of $n files: $(rss $batch "$work/p$n")"
done

echo "== growth with the size of the frameworks, $rounds rounds of 3 runs"
for k in 1 10 30 100; do
    python3 scripts/scale_frameworks.py $k "$work/fw$k" "$work/fw$k.toml"
done
opts=(-N --warmup 1)
for what in check assess; do
    cmds=()
    for k in 1 10 30 100; do
        if [ $what = check ]; then
            cmds+=("$bin frameworks check $work/fw$k")
        else
            cmds+=("$bin assess --frameworks $work/fw$k --answers $work/fw$k.toml --format json --as-of 2026-11-25")
        fi
    done
    rounds "grow-$what" 3 "${cmds[@]}"
    ratios "grow-$what"
    python3 - "$work" "grow-$what" "$rounds" <<'PY'
import json, math, statistics, sys
work, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rounds = [json.load(open(f"{work}/{name}-{r}.json"))["results"] for r in range(1, n + 1)]
sizes = [10, 30, 100]
times = [statistics.median(r[i]["median"] for r in rounds) for i in (1, 2, 3)]
xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
mx, my = statistics.mean(xs), statistics.mean(ys)
slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print(f"  exponent (log-log fit over 10x, 30x, 100x): {slope:.2f}")
PY
done
echo "  peak RSS assess with 100x frameworks: $(rss $bin assess --frameworks "$work/fw100" --answers "$work/fw100.toml" --format json --as-of 2026-11-25)"
