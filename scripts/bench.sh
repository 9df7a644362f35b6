#!/usr/bin/env bash
# Whole-process figures for the README, each against a baseline measured in the same run:
#   1. one scripted assessment (`assess --format json`) against `true`;
#   2. `batch` on 10,000 generated answer files against `cat` of the same files;
#   3. peak resident memory of both, from /usr/bin/time -v.
# Installs hyperfine and GNU time from Debian if missing. Usage: scripts/bench.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-10000}

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet
bin=$PWD/target/release/readiness
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A portfolio: the small shop's context with readiness levels from a fixed pseudo-random
# sequence, one compact answer file per client.
python3 - "$work/portfolio" "$files" <<'PY'
import os, sys, tomllib
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
example = open("examples/small-ecommerce.toml").read()
context, _ = example.split("\n[answers]\n")
context = "\n".join(l for l in context.splitlines() if l.strip() and not l.startswith("#"))
questions = list(tomllib.loads(example)["answers"])
state = 88172645463325252
for i in range(n):
    lines = [context.replace("Fernhill Tea Co.", f"Client {i:05}"), "[answers]"]
    for q in questions:
        state ^= (state << 13) & (2**64 - 1); state ^= state >> 7; state ^= (state << 17) & (2**64 - 1)
        value = '"dont_know"' if state % 11 == 0 else str(state % 5)
        lines.append(f"{q} = {value}")
    open(f"{out}/client-{i:05}.toml", "w").write("\n".join(lines) + "\n")
PY

example=examples/b2b-software.toml
echo "== one scripted assessment against true"
hyperfine -N --warmup 50 --runs 500 --export-json "$work/one.json" \
    'true' "$bin assess --answers $example --format json --as-of 2026-11-25" >/dev/null
python3 - "$work/one.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
t, a = r[0]["mean"] * 1e3, r[1]["mean"] * 1e3
print(f"true {t:.2f} ms, assess {a:.2f} ms: {a / t:.2f}x")
PY
/usr/bin/time -v "$bin" assess --answers "$example" --format json --as-of 2026-11-25 2>&1 >/dev/null \
    | awk '/Maximum resident/ { printf "assess peak RSS %.1f MiB\n", $6 / 1024 }'

echo "== batch of $files answer files against cat of the same files"
hyperfine --warmup 1 --runs 5 --export-json "$work/batch.json" \
    "cat $work/portfolio/*.toml" "$bin batch $work/portfolio --format csv --as-of 2026-11-25" >/dev/null
python3 - "$work/batch.json" "$files" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
c, b = r[0]["mean"], r[1]["mean"]
print(f"cat {c * 1e3:.0f} ms, batch {b * 1e3:.0f} ms: {b / c:.2f}x, {n / b:,.0f} assessments/s")
PY
/usr/bin/time -v "$bin" batch "$work/portfolio" --format csv --as-of 2026-11-25 2>&1 >/dev/null \
    | awk '/Maximum resident/ { printf "batch peak RSS %.1f MiB\n", $6 / 1024 }'
