#!/usr/bin/env python3
"""Writes corpus/depth11-shx.jsonl and corpus/benign-depth11-shx.jsonl: the probes11-shx `fit` cases the detectors judge right
after the fixes (balanced), so the corpus gate guards them. Never the holdout half (it stays a measurement).
Usage: python3 eval/probes11-shx/corpus.py <replay --json output of the fit files> (run by hand after the fixes)."""
import json
import sys
from pathlib import Path

here = Path(__file__).parent
root = here.parent.parent
verdicts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    verdicts[r["id"]] = r["verdict"]

attacks, benign = [], []
for f in sorted(here.glob("*.fit.jsonl")):
    for line in open(f, encoding="utf-8"):
        c = json.loads(line)
        v = verdicts.get(c["id"])
        if v is None or (v == "block") != (c["expect"] == "block"):
            continue
        note = f'{c["note"]} (probes11-shx {c["id"]})'
        if c["expect"] == "block":
            case = {"id": f"d11x-{len(attacks) + 1:03d}", "category": c["category"]}
            case.update({"owasp_mcp": "MCP05", "expect": "block", "class": c["class"], "note": note, "steps": c["steps"]})
            attacks.append(case)
        else:
            benign.append({"id": f"d11xb-{len(benign) + 1:03d}", "category": "benign-depth11-shx", "expect": "allow", "class": c["class"],
                           "note": note, "steps": c["steps"]})

for name, cases in (("depth11-shx.jsonl", attacks), ("benign-depth11-shx.jsonl", benign)):
    with open(root / "corpus" / name, "w", encoding="utf-8") as out:
        for c in cases:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
print(f"{len(attacks)} attacks, {len(benign)} look-alikes")
