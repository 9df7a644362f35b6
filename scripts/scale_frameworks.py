"""Writes the built-in frameworks scaled FACTOR times, and an answer file for them, for the
growth figures of scripts/bench.sh. Every list of entries with an id (questions, technologies,
risks, skills, regulations, trends, sources, roadmap actions) gets FACTOR - 1 copies with ids
and names suffixed; copy k refers to the k-th copies of the entries the original refers to,
so every reference resolves and every entry is used.

Usage: python3 scripts/scale_frameworks.py FACTOR OUT_DIR ANSWERS_FILE (from the repository)."""

import datetime
import json
import os
import sys
import tomllib

factor, out, answers = int(sys.argv[1]), sys.argv[2], sys.argv[3]
SCALED = {
    "questionnaire": ["question"],
    "technologies": ["technology"],
    "risks": ["risk"],
    "skills": ["skill"],
    "regulations": ["regulation"],
    "trends": ["trend"],
    "sources": ["source"],
}
NAMED = ("name", "title", "prompt")
FIXED = {"kind", "category", "dimension", "role", "group", "stage", "ceiling", "severity", "cost", "owner"}


def renamed(v, k):
    """`v` with every id of a scaled entry replaced by that of its k-th copy."""
    if isinstance(v, str):
        return f"{v}_x{k}" if v in IDS else v
    if isinstance(v, list):
        return [renamed(x, k) for x in v]
    if isinstance(v, dict):
        # Fields naming something not scaled, whose words may also be ids of scaled entries
        # (a source of kind "review", a risk category "budget" beside a question "budget").
        return {renamed(f, k): x if f in FIXED else renamed(x, k) for f, x in v.items()}
    return v


def copies(entries):
    result = list(entries)
    for k in range(1, factor):
        for e in entries:
            c = renamed(e, k)
            for key in NAMED:
                if key in c:
                    c[key] = f"{c[key]} ({k})"
            result.append(c)
    return result


def value(v):
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v, ensure_ascii=False)


def key(k):
    return k if k.replace("_", "").replace("-", "").isalnum() else json.dumps(k)


def dump(doc):
    lines = []
    tables = []
    for k, v in doc.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            tables.append((k, v))
        elif isinstance(v, dict):
            tables.append((k, v))
        else:
            lines.append(f"{key(k)} = {value(v)}")
    for k, v in tables:
        for entry in v if isinstance(v, list) else [v]:
            lines.append(f"\n[[{key(k)}]]" if isinstance(v, list) else f"\n[{key(k)}]")
            lines += [f"{key(f)} = {value(x)}" for f, x in entry.items()]
    return "\n".join(lines) + "\n"


def load(stem):
    with open(f"frameworks/{stem}.toml", "rb") as f:
        return tomllib.load(f)


IDS = {e["id"] for stem, keys in SCALED.items() for k in keys for e in load(stem)[k]}
IDS |= {a["id"] for phase in load("roadmap")["phase"] for a in phase["action"]}

os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir("frameworks")):
    if not name.endswith(".toml"):
        continue
    stem = name[:-5]
    doc = load(stem)
    for list_key in SCALED.get(stem, []):
        doc[list_key] = copies(doc[list_key])
    if stem == "roadmap":
        for phase in doc["phase"]:
            phase["action"] = copies(phase["action"])
    with open(f"{out}/{name}", "w") as f:
        f.write(dump(doc) if stem in SCALED or stem == "roadmap" else open(f"frameworks/{name}").read())

# The example's context, and a level for every question of the scaled questionnaire.
example = open("examples/small-ecommerce.toml").read()
context = example.split("\n[answers]\n")[0]
with open(f"{out}/questionnaire.toml", "rb") as f:
    questions = tomllib.load(f)["question"]
with open(answers, "w") as f:
    f.write(context + "\n[answers]\n")
    f.writelines(f"{q['id']} = {i % 5}\n" for i, q in enumerate(questions))
