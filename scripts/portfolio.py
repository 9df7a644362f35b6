"""Writes N answer files for scripts/bench.sh: copies of the commented example files, each
with its company renamed and every readiness level drawn from a fixed pseudo-random sequence
(one in eleven "dont_know"), so the files are as long as real ones and score differently.

Usage: python3 scripts/portfolio.py N OUT_DIR (from the repository)."""

import os
import re
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
examples = [open(f"examples/{name}").read() for name in sorted(os.listdir("examples")) if name.endswith(".toml")]
LEVEL = re.compile(r'^([a-z_]+) = (?:[0-4]|"dont_know")$', re.M)
state = 88172645463325252
for i in range(n):
    context, answers = examples[i % len(examples)].split("\n[answers]\n")
    context = re.sub(r'^company = ".*"$', f'company = "Client {i:06}"', context, flags=re.M)

    def level(match):
        global state
        state ^= (state << 13) & (2**64 - 1)
        state ^= state >> 7
        state ^= (state << 17) & (2**64 - 1)
        value = '"dont_know"' if state % 11 == 0 else str(state % 5)
        return f"{match[1]} = {value}"

    with open(f"{out}/client-{i:06}.toml", "w") as f:
        f.write(f"{context}\n[answers]\n{LEVEL.sub(level, answers)}")
